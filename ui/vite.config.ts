import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Tauri serves the built files itself; the dev server is only for `tauri dev`.
export default defineConfig(({ mode }) => ({
  plugins: [svelte()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: 'safari16', outDir: 'dist', emptyOutDir: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
  // Tests mount components, so vitest (mode "test") uses Svelte's browser build.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
}));
