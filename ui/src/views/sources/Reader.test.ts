import { describe, expect, it, vi } from 'vitest';
import { mount, unmount } from 'svelte';
import type { Source, SourceVersion } from '../../lib/bindings';

// An invented source in its second of two versions.
const source: Source = {
  id: 'src-1',
  title: 'Harbour reopens',
  outlet: 'Coast Ledger',
  authors: [],
  url: null,
  canonical_url: null,
  published_on: '2026-11-20',
  modified_on: null,
  language: null,
  created_at: '2026-11-20T08:00:00Z',
  version_count: 2,
};
const version: SourceVersion = {
  id: 'v-2',
  source_id: 'src-1',
  number: 2,
  text: 'The harbour reopened at dawn.',
  html: null,
  sha256: '0',
  captured_at: '2026-11-21T08:00:00Z',
  final_url: null,
};

// Opening a source reads that source only: the whole source list would cost
// a row per source on every switch in a large workspace.
vi.mock('../../lib/api', () => ({
  api: {
    sources: () => Promise.reject(new Error('the reader lists every source')),
    sourceVersion: () => Promise.resolve(version),
    sourceReading: () => Promise.resolve({ source, version }),
  },
}));

const { default: Reader } = await import('./Reader.svelte');

describe('the reader', () => {
  it('names the outlet, the publication day and which version is shown, on one line', async () => {
    const target = document.createElement('div');
    document.body.append(target);
    const reader = mount(Reader, { target, props: { id: 'src-1' } });
    try {
      await vi.waitFor(() => expect(target.querySelector('[data-testid="reader"]')).not.toBeNull());
      const byline = target.querySelector('[data-testid="reader"] header p')?.textContent;
      expect(byline).toBe('Coast Ledger · 2026-11-20 · version 2 of 2');
    } finally {
      unmount(reader);
      target.remove();
    }
  });
});
