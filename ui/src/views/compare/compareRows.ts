// The Compare view's pure logic: the rows core put in reading order, the kind
// filter, counts by kind, the word pieces each side shows, and where the keys
// that move between differences stop (the keys themselves are shortcut records).
import type { ComparisonView, DiffSegment, DifferenceKind, PairView, SentenceView } from '../../lib/bindings';

/** One row of the side-by-side view. */
export type Row =
  | { type: 'pair'; pair: PairView }
  | { type: 'left-only'; sentence: SentenceView }
  | { type: 'right-only'; sentence: SentenceView };

export const KINDS: DifferenceKind[] = ['quote', 'number', 'date', 'entity', 'wording'];

/** The view's rows, in the reading order core computed, with what each shows. */
export function rowsOf(view: ComparisonView): Row[] {
  return view.rows.flatMap((r): Row[] => {
    const at = r.at;
    if (r.type === 'pair') return view.pairs[at] ? [{ type: 'pair', pair: view.pairs[at] }] : [];
    const sentence = r.type === 'left-only' ? view.left_only[at] : view.right_only[at];
    return sentence ? [{ type: r.type, sentence }] : [];
  });
}

/** The pair's differences of the chosen kinds (all kinds when none is chosen). */
export function shownDifferences(pair: PairView, filter: ReadonlySet<DifferenceKind>) {
  return pair.differences.filter((d) => filter.size === 0 || filter.has(d.kind));
}

/**
 * The rows to show: with no filter every row; with a filter only the pairs
 * that have a difference of a chosen kind.
 */
export function visibleRows(rows: Row[], filter: ReadonlySet<DifferenceKind>): Row[] {
  if (filter.size === 0) return rows;
  return rows.filter((r) => r.type === 'pair' && shownDifferences(r.pair, filter).length > 0);
}

/** Whether keyboard navigation stops at a row: a difference, or a sentence one side lacks. */
export function isStop(row: Row, filter: ReadonlySet<DifferenceKind>): boolean {
  if (row.type !== 'pair') return filter.size === 0;
  return shownDifferences(row.pair, filter).length > 0;
}

/** The stop after (`+1`) or before (`-1`) `current` among `rows`; stays put at either end. */
export function step(
  rows: Row[],
  filter: ReadonlySet<DifferenceKind>,
  current: number | null,
  dir: 1 | -1,
): number | null {
  const stops = rows.map((r, i) => (isStop(r, filter) ? i : -1)).filter((i) => i >= 0);
  if (stops.length === 0) return null;
  if (current === null) return dir === 1 ? stops[0] : stops[stops.length - 1];
  const next = dir === 1 ? stops.find((i) => i > current) : [...stops].reverse().find((i) => i < current);
  return next ?? current;
}

/** How many differences of each kind, and how many sentences only one side has. */
export function countByKind(
  view: ComparisonView,
): Record<DifferenceKind, number> & { leftOnly: number; rightOnly: number } {
  const counts = {
    quote: 0,
    number: 0,
    date: 0,
    entity: 0,
    wording: 0,
    leftOnly: view.left_only.length,
    rightOnly: view.right_only.length,
  };
  for (const p of view.pairs) for (const d of p.differences) counts[d.kind]++;
  return counts;
}

/** The pieces one side shows: shared words plain, its own changes marked. */
export function sidePieces(diff: DiffSegment[], side: 'left' | 'right'): { text: string; changed: boolean }[] {
  const own = side === 'left' ? 'delete' : 'insert';
  return diff.filter((d) => d.op === 'equal' || d.op === own).map((d) => ({ text: d.text, changed: d.op === own }));
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
