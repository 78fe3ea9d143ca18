// What a review-queue row or a claim's flag says about a passage whose source
// changed: the words old → new for an edit, or that it is gone.
import type { PassageReview, WordChange } from '../../lib/bindings';

/** The changed words of one side ("delete" for old, "insert" for new), joined. */
function side(diff: WordChange[], op: 'delete' | 'insert'): string {
  return diff
    .filter((d) => d.op === op)
    .map((d) => d.text.trim())
    .filter((t) => t !== '')
    .join(' … ');
}

/** One sentence, e.g. "version 3 changed this passage: 'five hours' → 'four hours'". */
export function flagText(r: PassageReview): string {
  if (r.status === 'gone') return `no longer in version ${r.version}`;
  if (r.status === 'unchanged') return `unchanged in version ${r.version}`;
  return `version ${r.version} changed this passage: '${side(r.diff, 'delete')}' → '${side(r.diff, 'insert')}'`;
}

/** Whether a claim's verdict rests on a passage that changed: a supporting one edited or gone. */
export function verdictShaken(reviews: PassageReview[], claimId: string): boolean {
  return reviews.some((r) => r.claim_id === claimId && r.stance === 'supports' && r.status !== 'unchanged');
}
