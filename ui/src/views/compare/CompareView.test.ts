import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync, mount, tick, unmount } from 'svelte';
import type { ComparisonView, PairView, SentenceView, SideInfo } from '../../lib/bindings';
import { SHORTCUTS, type ShortcutRecord } from '../../lib/shortcuts';
import { desk } from '../../lib/desk.svelte';

// The view talks to the Rust side through `api`; here it gets two versions of
// an invented source with one reworded sentence between two unchanged ones.
const side = (version: number): SideInfo => ({
  source_id: 'src-1',
  title: 'Harbour notice',
  outlet: null,
  version,
  version_count: 2,
  published_on: null,
});
const sentence = (index: number, text: string): SentenceView => ({
  index,
  text,
  start: 0,
  end: 0,
  cp_start: 0,
  cp_end: 0,
});
const pair = (i: number, left: string, right: string, changed: boolean): PairView => ({
  left: sentence(i, left),
  right: sentence(i, right),
  score: 1,
  diff: [{ op: 'equal', text: right }],
  differences: changed ? [{ kind: 'number', left: 'six', right: 'seven' }] : [],
});
const comparison: ComparisonView = {
  left: side(1),
  right: side(2),
  pairs: [
    pair(0, 'The ferry left at noon.', 'The ferry left at noon.', false),
    pair(1, 'It carried six cars.', 'It carried seven cars.', true),
    pair(2, 'The harbour then closed.', 'The harbour then closed.', false),
  ],
  left_only: [],
  right_only: [],
  versions: { unchanged: 2, reworded: 1, removed: 0, added: 0 },
  rows: [
    { type: 'pair', at: 0 },
    { type: 'pair', at: 1 },
    { type: 'pair', at: 2 },
  ],
};

vi.mock('../../lib/api', () => ({
  api: {
    sources: () => Promise.resolve([]),
    compareVersions: () => Promise.resolve(comparison),
    claimDraft: () =>
      Promise.resolve({
        statement: 'It carried seven cars.',
        notes: '',
        left_stance: 'disputes',
        right_stance: 'supports',
      }),
  },
}));

// The test DOM lays nothing out, so it has no scrolling for the view to ask for.
Element.prototype.scrollIntoView ??= () => {};

const { default: CompareView } = await import('./CompareView.svelte');

let target: HTMLElement;
let view: ReturnType<typeof mount>;

beforeEach(async () => {
  target = document.createElement('div');
  document.body.append(target);
  view = mount(CompareView, { target });
  desk.compareVersions = { sourceId: 'src-1' };
  flushSync();
  await vi.waitFor(() => expect(target.querySelectorAll('[data-testid="compare-row"]').length).toBe(3));
});

afterEach(() => {
  unmount(view);
  target.remove();
});

const press = async (key: string, on: EventTarget = window) => {
  on.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  await tick();
};
/** The index of the row the keyboard is on, or -1. */
const current = () =>
  Array.from(target.querySelectorAll('[data-testid="compare-row"]')).findIndex((r) => r.classList.contains('current'));
const claimDialogOpen = () => document.querySelector('[data-testid="claim-from-difference"]') !== null;

describe('the Compare view keys', () => {
  it('j and n go to the difference, k and p back, Enter opens Create claim from it', async () => {
    expect(current()).toBe(-1);
    await press('j');
    expect(current(), 'j stops at the reworded sentence, not the unchanged first one').toBe(1);
    await press('k');
    expect(current()).toBe(1);
    await press('p');
    expect(current()).toBe(1);
    await press('n');
    expect(current()).toBe(1);
    expect(claimDialogOpen()).toBe(false);
    await press('Enter');
    expect(claimDialogOpen()).toBe(true);
  });

  it('does nothing while typing in a field', async () => {
    const field = document.createElement('input');
    target.append(field);
    await press('j', field);
    expect(current()).toBe(-1);
    await press('Enter', field);
    expect(claimDialogOpen()).toBe(false);
  });

  it('reads its keys from the shortcut records the help dialog lists, so the two cannot drift', async () => {
    // A record added to the list is heard by the view without touching it.
    const extra: ShortcutRecord = {
      keys: 'ArrowDown',
      label: 'Compare: next difference',
      scope: 'compare',
      action: (k) => (k.key === 'ArrowDown' ? { action: 'next-difference' } : null),
    };
    SHORTCUTS.push(extra);
    try {
      await press('ArrowDown');
      expect(current()).toBe(1);
    } finally {
      SHORTCUTS.splice(SHORTCUTS.indexOf(extra), 1);
    }
  });

  it('names its keys above the rows from the same records', () => {
    const hints = Array.from(target.querySelectorAll('.keys')).map((p) => p.textContent);
    const compare = SHORTCUTS.filter((s) => s.scope === 'compare');
    expect(compare.length).toBeGreaterThan(0);
    for (const s of compare) expect(hints.some((h) => h?.startsWith(`${s.keys}:`))).toBe(true);
  });
});
