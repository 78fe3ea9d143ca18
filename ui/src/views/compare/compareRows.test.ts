import { describe, expect, it } from 'vitest';
import type {
  ComparisonView,
  DifferenceView,
  PairView,
  Row as RowAt,
  SentenceView,
  SideInfo,
} from '../../lib/bindings';
import { countByKind, rowsOf, sideNames, sidePieces, step, visibleRows, type Row } from './compareRows';

const side: SideInfo = { source_id: 's', title: 'T', outlet: null, version: 1, version_count: 1, published_on: null };
const sentence = (index: number, text = `Sentence ${index}.`): SentenceView => ({
  index,
  text,
  start: 0,
  end: 0,
  cp_start: 0,
  cp_end: 0,
});
const pair = (l: number, r: number, differences: DifferenceView[] = []): PairView => ({
  left: sentence(l, `L${l}`),
  right: sentence(r, `R${r}`),
  score: 1,
  diff: [],
  differences,
});
const number: DifferenceView = { kind: 'number', left: 'five', right: 'four' };
const quote: DifferenceView = { kind: 'quote', left: 'a', right: 'b' };
const wording: DifferenceView = { kind: 'wording', left: 'ended', right: 'finished' };
// Rows default to the pairs, then the left-only and right-only sentences, as listed.
const view = (
  pairs: PairView[],
  left_only: SentenceView[] = [],
  right_only: SentenceView[] = [],
  rows?: RowAt[],
): ComparisonView => ({
  left: side,
  right: side,
  pairs,
  left_only,
  right_only,
  versions: null,
  rows: rows ?? [
    ...pairs.map((_, at): RowAt => ({ type: 'pair', at })),
    ...left_only.map((_, at): RowAt => ({ type: 'left-only', at })),
    ...right_only.map((_, at): RowAt => ({ type: 'right-only', at })),
  ],
});
const label = (r: Row) =>
  r.type === 'pair'
    ? `${r.pair.left.index}-${r.pair.right.index}`
    : `${r.type === 'left-only' ? 'L' : 'R'}${r.sentence.index}`;

describe('rowsOf', () => {
  it('shows the rows in the reading order core shipped', () => {
    // Core's order for: left 1 omitted by the right, right 2 and 4 new.
    const order: RowAt[] = [
      { type: 'pair', at: 0 },
      { type: 'left-only', at: 0 },
      { type: 'pair', at: 1 },
      { type: 'right-only', at: 0 },
      { type: 'pair', at: 2 },
      { type: 'right-only', at: 1 },
    ];
    const rows = rowsOf(view([pair(0, 0), pair(2, 1), pair(3, 3)], [sentence(1)], [sentence(2), sentence(4)], order));
    expect(rows.map(label)).toEqual(['0-0', 'L1', '2-1', 'R2', '3-3', 'R4']);
  });

  it('skips a row that points past its list rather than showing a blank', () => {
    expect(
      rowsOf(
        view(
          [pair(0, 0)],
          [],
          [],
          [
            { type: 'pair', at: 0 },
            { type: 'right-only', at: 3 },
          ],
        ),
      ).map(label),
    ).toEqual(['0-0']);
  });
});

describe('filter and navigation', () => {
  const rows = rowsOf(
    view([pair(0, 0, [wording]), pair(1, 1), pair(2, 2, [number, quote]), pair(3, 3, [quote])], [sentence(4)]),
  );

  it('a kind filter keeps only the pairs with a difference of that kind', () => {
    expect(visibleRows(rows, new Set()).length).toBe(5);
    expect(visibleRows(rows, new Set(['number'] as const)).map(label)).toEqual(['2-2']);
    expect(visibleRows(rows, new Set(['quote', 'number'] as const)).map(label)).toEqual(['2-2', '3-3']);
  });

  it('j moves to the next difference, skipping identical pairs, and stops at the end', () => {
    const all = new Set<never>();
    expect(step(rows, all, null, 1)).toBe(0);
    expect(step(rows, all, 0, 1)).toBe(2);
    expect(step(rows, all, 3, 1)).toBe(4);
    expect(step(rows, all, 4, 1)).toBe(4);
    expect(step(rows, all, 2, -1)).toBe(0);
    expect(step(rows, all, null, -1)).toBe(4);
  });

  it('with a filter, navigation visits only the matching differences', () => {
    const shown = visibleRows(rows, new Set(['quote'] as const));
    expect(step(shown, new Set(['quote'] as const), 0, 1)).toBe(1);
  });

  it('counts differences by kind and the one-sided sentences', () => {
    expect(countByKind(view([pair(0, 0, [number, quote]), pair(1, 1, [quote])], [sentence(2)], []))).toEqual({
      quote: 2,
      number: 1,
      date: 0,
      entity: 0,
      wording: 0,
      leftOnly: 1,
      rightOnly: 0,
    });
  });
});

describe('sidePieces', () => {
  it('the left shows deletions, the right insertions, both the shared words', () => {
    const diff = [
      { op: 'equal' as const, text: 'lasted ' },
      { op: 'delete' as const, text: 'five' },
      { op: 'insert' as const, text: 'four' },
      { op: 'equal' as const, text: ' hours' },
    ];
    expect(sidePieces(diff, 'left')).toEqual([
      { text: 'lasted ', changed: false },
      { text: 'five', changed: true },
      { text: ' hours', changed: false },
    ]);
    expect(
      sidePieces(diff, 'right')
        .map((p) => p.text)
        .join(''),
    ).toBe('lasted four hours');
  });
});

describe('sideNames', () => {
  it('outlets are named by outlet, or title when the outlet is unknown', () => {
    const v = { ...view([]), left: { ...side, outlet: 'Ledger' }, right: { ...side, title: 'Wire story' } };
    expect(sideNames(v)).toEqual({
      left: 'Ledger',
      right: 'Wire story',
      leftOnly: 'only in Ledger',
      rightOnly: 'only in Wire story',
    });
  });

  it('versions of one source are named by number, one-sided sentences as removed or added', () => {
    const v = {
      ...view([]),
      right: { ...side, version: 3 },
      versions: { unchanged: 1, reworded: 0, removed: 1, added: 1 },
    };
    expect(sideNames(v)).toEqual({
      left: 'version 1',
      right: 'version 3',
      leftOnly: 'removed in version 3',
      rightOnly: 'added in version 3',
    });
  });
});
