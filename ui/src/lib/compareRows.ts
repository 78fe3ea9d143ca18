// The Compare view's pure logic: aligned rows in reading order, the kind
// filter, counts by kind, the word pieces each side shows, and the keys that
// move between differences.
import type { ComparisonView, DiffSegment, DiffKind, PairView, SentenceView } from './bindings';
import type { KeyPress } from './shortcuts';

/** One row of the side-by-side view. */
export type Row =
  | { type: 'pair'; pair: PairView }
  | { type: 'left-only'; sentence: SentenceView }
  | { type: 'right-only'; sentence: SentenceView };

export const KINDS: DiffKind[] = ['quote', 'number', 'date', 'entity', 'wording'];

/**
 * Rows in reading order: the left side's order, with each sentence only the
 * right side has placed just after the pair that precedes it on the right.
 */
export function buildRows(view: ComparisonView): Row[] {
  const base: Row[] = [
    ...view.pairs.map((pair): Row => ({ type: 'pair', pair })),
    ...view.left_only.map((sentence): Row => ({ type: 'left-only', sentence })),
  ];
  const leftIndex = (r: Row) => (r.type === 'pair' ? r.pair.left.index : r.type === 'left-only' ? r.sentence.index : 0);
  const rightIndex = (r: Row) => (r.type === 'pair' ? r.pair.right.index : -1);
  base.sort((a, b) => leftIndex(a) - leftIndex(b) || rightIndex(a) - rightIndex(b));

  // For each right-only sentence, the base row it follows (-1: before all).
  const after = new Map<number, Row[]>();
  for (const sentence of view.right_only) {
    let anchor = -1;
    let best = -1;
    base.forEach((r, i) => {
      const ri = rightIndex(r);
      if (ri < sentence.index && ri >= best) {
        best = ri;
        anchor = i;
      }
    });
    const list = after.get(anchor) ?? [];
    list.push({ type: 'right-only', sentence });
    after.set(anchor, list);
  }
  const rows: Row[] = [...(after.get(-1) ?? [])];
  base.forEach((r, i) => rows.push(r, ...(after.get(i) ?? [])));
  return rows;
}

/** The pair's differences of the chosen kinds (all kinds when none is chosen). */
export function shownDifferences(pair: PairView, filter: ReadonlySet<DiffKind>) {
  return pair.differences.filter((d) => filter.size === 0 || filter.has(d.kind));
}

/**
 * The rows to show: with no filter every row; with a filter only the pairs
 * that have a difference of a chosen kind.
 */
export function visibleRows(rows: Row[], filter: ReadonlySet<DiffKind>): Row[] {
  if (filter.size === 0) return rows;
  return rows.filter((r) => r.type === 'pair' && shownDifferences(r.pair, filter).length > 0);
}

/** Whether keyboard navigation stops at a row: a difference, or a sentence one side lacks. */
export function isStop(row: Row, filter: ReadonlySet<DiffKind>): boolean {
  if (row.type !== 'pair') return filter.size === 0;
  return shownDifferences(row.pair, filter).length > 0;
}

/** The stop after (`+1`) or before (`-1`) `current` among `rows`; stays put at either end. */
export function step(rows: Row[], filter: ReadonlySet<DiffKind>, current: number | null, dir: 1 | -1): number | null {
  const stops = rows.map((r, i) => (isStop(r, filter) ? i : -1)).filter((i) => i >= 0);
  if (stops.length === 0) return null;
  if (current === null) return dir === 1 ? stops[0] : stops[stops.length - 1];
  const next = dir === 1 ? stops.find((i) => i > current) : [...stops].reverse().find((i) => i < current);
  return next ?? current;
}

/** How many differences of each kind, and how many sentences only one side has. */
export function countByKind(view: ComparisonView): Record<DiffKind, number> & { leftOnly: number; rightOnly: number } {
  const counts = { quote: 0, number: 0, date: 0, entity: 0, wording: 0, leftOnly: view.left_only.length, rightOnly: view.right_only.length };
  for (const p of view.pairs) for (const d of p.differences) counts[d.kind]++;
  return counts;
}

/** The pieces one side shows: shared words plain, its own changes marked. */
export function sidePieces(diff: DiffSegment[], side: 'left' | 'right'): { text: string; changed: boolean }[] {
  const own = side === 'left' ? 'delete' : 'insert';
  return diff.filter((d) => d.op === 'equal' || d.op === own).map((d) => ({ text: d.text, changed: d.op === own }));
}

/** What a key press does in the Compare view; null when it is not one of its keys. */
export type CompareKey = 'next' | 'prev' | 'open';

export function compareKeyFor(k: KeyPress): CompareKey | null {
  if (k.typing || k.ctrlKey || k.metaKey || k.altKey) return null;
  if (k.key === 'Enter' && !k.shiftKey) return 'open';
  if (k.shiftKey) return null;
  const key = k.key.toLowerCase();
  if (key === 'j' || key === 'n') return 'next';
  if (key === 'k' || key === 'p') return 'prev';
  return null;
}

/**
 * How the view names a side: its outlet, or for two versions of one source
 * "version N"; and the marker of a sentence only that side has.
 */
export function sideNames(view: ComparisonView): { left: string; right: string; leftOnly: string; rightOnly: string } {
  if (view.versions) {
    const left = `version ${view.left.version}`;
    const right = `version ${view.right.version}`;
    return { left, right, leftOnly: `removed in ${right}`, rightOnly: `added in ${right}` };
  }
  const left = view.left.outlet ?? view.left.title;
  const right = view.right.outlet ?? view.right.title;
  return { left, right, leftOnly: `only in ${left}`, rightOnly: `only in ${right}` };
}
