// The Merge into… picker's logic: which claims it offers and how the
// keyboard moves through them.
import type { Claim, ClaimMerge } from '../../lib/bindings';

/** How many claims the picker lists at once; typing narrows the rest. */
export const PICKER_LIMIT = 50;

/** The claims a claim may be merged into: every listed one but itself. */
export function candidates(claims: Claim[], selfId: string): Claim[] {
  return claims.filter((c) => c.id !== selfId).slice(0, PICKER_LIMIT);
}

/** The row after moving `delta` from `index` in a list of `count`, staying inside it. */
export function step(index: number, delta: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(count - 1, Math.max(0, index + delta));
}

/** What moved with a merge, in words: "2 passages, tags fares, notes". */
export function movedText(m: ClaimMerge): string {
  const n = m.evidence_ids.length;
  const parts = [n === 1 ? '1 passage' : `${n} passages`];
  if (m.tags_added.length > 0) parts.push(`tags ${m.tags_added.join(', ')}`);
  if (m.notes_moved !== '') parts.push('notes');
  return parts.join(', ');
}
