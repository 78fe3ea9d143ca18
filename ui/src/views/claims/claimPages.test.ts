import { describe, expect, it } from 'vitest';
import type { Claim, ClaimFilter, ClaimPage } from '../../lib/bindings';
import { ClaimPages, FIRST_PAGE, NEXT_PAGE } from './claimPages.svelte';

const filter: ClaimFilter = { text: null, verdict: null, tag: null, sort: 'updated' };

function claim(i: number): Claim {
  return {
    id: `c${i}`,
    statement: `Claim ${i}`,
    claimant: null,
    claimed_on: null,
    event_on: null,
    notes: '',
    verdict: 'unverified',
    rationale: '',
    created_at: '2025-01-01T00:00:00Z',
    updated_at: '2025-01-01T00:00:00Z',
    tags: [],
  } as Claim;
}

/** A fake workspace of `n` claims whose cursor is the next row's index. */
function workspace(n: number) {
  const calls: [number, string | null][] = [];
  const load = async (_f: ClaimFilter, limit: number, after: string | null): Promise<ClaimPage> => {
    calls.push([limit, after]);
    const start = after === null ? 0 : Number(after);
    const end = Math.min(start + limit, n);
    const claims = Array.from({ length: end - start }, (_, i) => claim(start + i));
    return { claims, next: end < n ? String(end) : null };
  };
  return { calls, load, count: async () => n };
}

describe('ClaimPages', () => {
  it('shows the first page at once and the count after it', async () => {
    const ws = workspace(10_000);
    const pages = new ClaimPages(ws.load, ws.count);
    await pages.reset(filter);
    expect(pages.rows.length).toBe(FIRST_PAGE);
    expect(ws.calls).toEqual([[FIRST_PAGE, null]]);
    await Promise.resolve();
    await Promise.resolve();
    expect(pages.total).toBe(10_000);
    expect(pages.countText()).toBe('10000 claims');
  });

  it('scrolling loads the next pages once each, and All reaches the last claim', async () => {
    const ws = workspace(1_234);
    const pages = new ClaimPages(ws.load, ws.count);
    await pages.reset(filter);
    await Promise.all([pages.more(), pages.more()]);
    expect(pages.rows.length).toBe(FIRST_PAGE + NEXT_PAGE);
    await pages.all();
    expect(pages.done).toBe(true);
    expect(pages.rows.map((c) => c.id)).toEqual(Array.from({ length: 1_234 }, (_, i) => `c${i}`));
  });

  it('a reload keeps the rows scrolled to, and a newer filter wins over an older answer', async () => {
    const ws = workspace(2_000);
    const pages = new ClaimPages(ws.load, ws.count);
    await pages.reset(filter);
    await pages.more();
    await pages.reset(filter, pages.rows.length);
    expect(pages.rows.length).toBe(FIRST_PAGE + NEXT_PAGE);
    const older = pages.reset({ ...filter, text: 'old' });
    const newer = pages.reset({ ...filter, text: 'new' }, 0);
    await Promise.all([older, newer]);
    expect(ws.calls.at(-1)).toEqual([FIRST_PAGE, null]);
    expect(pages.rows.length).toBe(FIRST_PAGE);
  });

  it('a short list is counted by its one page', async () => {
    const ws = workspace(1);
    const pages = new ClaimPages(ws.load, ws.count);
    expect(pages.countText()).toBe('0 claims');
    await pages.reset(filter);
    expect(pages.countText()).toBe('1 claim');
  });
});
