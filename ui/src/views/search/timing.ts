// Keystroke-to-results in the search box, as User Timing entries: a mark at
// each key press, a measure once the answer to the last one is on screen.
// Read by the end-to-end test that times search on a large workspace; the
// app never shows them.

/** The mark set at each key press in the search box. */
export const TYPED = 'search-typed';
/** The measure from the last key press to its results on screen. */
export const SHOWN = 'search: keystroke to results';

/** Marks a key press (the query changed). */
export function markTyped(): void {
  performance.mark(TYPED);
}

/** Measures from the last key press to the next frame, once results are in the DOM. */
export function measureShown(): void {
  requestAnimationFrame(() => {
    if (performance.getEntriesByName(TYPED, 'mark').length > 0) performance.measure(SHOWN, TYPED);
  });
}
