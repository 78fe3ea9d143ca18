// What the similar-claims list shows beside each claim, and (from the shared
// helpers) a debounce that keeps only the newest answer: the list follows the
// typing, never an older request that came back late.
import type { Origin, Tier } from '../../lib/bindings';

/** Who checked a claim, for a person: this desk, or the publisher of an imported review. */
export function originLabel(origin: Origin): string {
  if (origin.kind === 'workspace') return 'Checked by this desk';
  return `Checked by ${origin.publisher?.trim() || 'another fact-checker'}`;
}

/** The tier as the list labels it. */
export function tierLabel(tier: Tier): string {
  return tier === 'match' ? 'Same claim' : 'Related';
}

// The debounce moved to the shared helpers; kept here for the similar-claims list's imports.
export { latestOnly } from '../../lib/latestOnly';
