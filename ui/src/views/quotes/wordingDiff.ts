// How a wording reads against the statement's first wording: the words it
// kept, the words of the first it dropped, and the words it has instead.
import type { DiffSegment } from '../../lib/bindings';

export type WordingPiece = { text: string; change: 'same' | 'dropped' | 'added' };

const CHANGE = { equal: 'same', delete: 'dropped', insert: 'added' } as const;

/** The pieces of one wording's diff, in order; the first wording (all equal) is one plain piece. */
export function wordingPieces(diff: DiffSegment[] | undefined, text: string): WordingPiece[] {
  if (!diff || diff.length === 0) return [{ text, change: 'same' }];
  return diff.map((d) => ({ text: d.text, change: CHANGE[d.op] }));
}

/** True when the wording differs from the first one somewhere. */
export function differs(diff: DiffSegment[] | undefined): boolean {
  return (diff ?? []).some((d) => d.op !== 'equal');
}
