// Words the app shows about a capture: what happened, and whether the
// article has changed since it was first captured.
import type { AddOutcome } from '../../lib/bindings';

/** The file kinds "From file…" offers in the native open dialog. */
export const SOURCE_FILE_FILTERS = [
  { name: 'Articles and documents', extensions: ['html', 'htm', 'md', 'txt', 'pdf'] },
];

/** A short confirmation for the outcome of adding a capture. */
export function outcomeMessage(outcome: AddOutcome): string {
  switch (outcome) {
    case 'new_source':
      return 'Source added';
    case 'new_version':
      return 'The article changed: a new version was added';
    case 'unchanged':
      return 'This text was already stored';
  }
}

/**
 * The reader header's note for an article captured more than once, e.g.
 * "edited since first capture — 2 versions"; null for a single version.
 */
export function editedNote(versionCount: number): string | null {
  return versionCount > 1 ? `edited since first capture — ${versionCount} versions` : null;
}

/** Refuses obviously wrong input before asking the app to fetch it. */
export function urlProblem(input: string): string | null {
  const url = input.trim();
  if (!url) return 'Type or paste the address of the page.';
  if (!/^https?:\/\//i.test(url)) return 'The address must start with http:// or https://.';
  return null;
}
