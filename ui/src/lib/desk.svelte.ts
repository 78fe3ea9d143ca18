// What the whole window shares: the open workspace, the rating scale, which
// view and item are selected, and a counter views watch to reload after a change.
import type { PassageReview, Verdict, WorkspaceStatus } from './bindings';

/** A passage to show highlighted in the reader. */
export interface PassageFocus {
  sourceId: string;
  start: number;
  end: number;
}

export const desk = $state({
  status: null as WorkspaceStatus | null,
  scale: [] as Verdict[],
  view: 'claims' as 'claims' | 'sources' | 'compare' | 'quotes' | 'review' | 'timeline',
  /** How many passages wait in the review queue (shown in the bar). */
  toReview: 0,
  /** The passages waiting in the review queue, so the claims list can flag a shaken verdict. */
  reviews: [] as PassageReview[],
  claimId: null as string | null,
  sourceId: null as string | null,
  focus: null as PassageFocus | null,
  /** A source whose versions the Compare view should open (set by the reader). */
  compareVersions: null as null | { sourceId: string },
  /** Bumped after every change so lists reload. */
  revision: 0,
  /** Set by the keyboard shortcuts; views react and clear it. */
  request: null as null | { action: string; index?: number },
});

export function changed(): void {
  desk.revision++;
}
