import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import type { SimilarClaims } from '../../lib/bindings';

// One imported review like the open claim, as the Rust side answers it.
const answer: SimilarClaims = {
  claims: [
    {
      id: 'c-2',
      statement: 'The US gave Kyiv until Thanksgiving to agree',
      verdict: 'false',
      score: 0.91,
      tier: 'match',
      origin: { kind: 'claimreview', publisher: 'Wire Verify', url: 'https://verify.example/r/28' },
      why: ['number 28', 'words: deadline, thanksgiving'],
    },
  ],
  notice: null,
};

vi.mock('../../lib/api', () => ({
  api: {
    similarToClaim: () => Promise.resolve(answer),
    similarClaims: () => Promise.resolve(answer),
  },
}));

const { default: SimilarClaimsList } = await import('./SimilarClaims.svelte');

let target: HTMLElement | undefined;
let view: ReturnType<typeof mount> | undefined;

afterEach(() => {
  if (view) unmount(view);
  target?.remove();
});

describe('the similar claims list', () => {
  it('reads who checked a claim, where, and why it matched as separate phrases', async () => {
    target = document.createElement('div');
    document.body.append(target);
    view = mount(SimilarClaimsList, { target, props: { claimId: 'c-1', onopen: () => {} } });
    flushSync();
    const meta = await vi.waitFor(() => {
      const found = target?.querySelector('[data-testid="similar-claim"] .meta');
      expect(found).not.toBeNull();
      return found as HTMLElement;
    });
    // What a person reads: every part set off by a spaced middle dot, none run together.
    expect(meta.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Checked by Wire Verify · https://verify.example/r/28 · number 28; words: deadline, thanksgiving',
    );
  });
});
