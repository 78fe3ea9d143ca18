// ESLint for the UI: the recommended JavaScript, TypeScript and Svelte rules.
// Formatting is Prettier's job (npm run format:check), so no style rules here.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  {
    // bindings.ts is generated from the Rust types.
    ignores: ['dist/', 'node_modules/', 'src/lib/bindings.ts'],
  },
  js.configs.recommended,
  ts.configs.recommended,
  svelte.configs.recommended,
  svelte.configs.prettier,
  {
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
      },
    },
  },
  {
    rules: {
      // A leading underscore marks a value that is deliberately unused.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // {'a\nb'} is how an attribute gets a line break; a plain attribute cannot.
      'svelte/no-useless-mustaches': ['error', { ignoreStringEscape: true }],
    },
  },
);
