// The Timeline view's filters and place, kept while the reader is open, so
// coming back from a passage finds the timeline as it was left.
export const timelineState = $state({
  outlet: '',
  from: '',
  to: '',
  tag: '',
  onlyConflicts: false,
  /** Which j / k stop is current. */
  cursor: 0,
});
