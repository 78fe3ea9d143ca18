/** Colour families for verdicts; every badge also prints the verdict's label. */
export type Tone = 'true' | 'mixed' | 'false' | 'open';

// Keys of the default rating scale; a renamed or extra verdict falls back to
// its truth rating, then to "open".
const BY_KEY: Record<string, Tone> = {
  verified: 'true',
  mostly_true: 'true',
  misleading: 'mixed',
  disputed: 'mixed',
  false: 'false',
  unverified: 'open',
  in_review: 'open',
  unproven: 'open',
};

/**
 * The tone of a verdict. `rating` is the scale's truth number (higher is
 * truer, on the scale's own range) when the verdict rates truth.
 */
export function verdictTone(key: string, rating?: number | null, best = 5): Tone {
  if (key in BY_KEY) return BY_KEY[key];
  if (rating === null || rating === undefined) return 'open';
  if (rating >= best * 0.7) return 'true';
  if (rating <= best * 0.3) return 'false';
  return 'mixed';
}
