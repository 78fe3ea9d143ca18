// Keystroke-to-results in the search box, as User Timing entries: a mark at
// each key press, a measure once the answer to the last one is on screen.
// Read by the end-to-end test that times search on a large workspace; the
// app never shows them.

/** The mark set at each key press in the search box. */
export const TYPED = 'search-typed';
/** The measure from the last key press to its results on screen. */
export const SHOWN = 'search: keystroke to results';
/** The measure of the search call alone, from asking to the answer. */
export const ANSWERED = 'search: call to answer';
const ASKED = 'search-asked';

/** Marks a key press (the query changed). */
export function markTyped(): void {
  performance.mark(TYPED);
}

/** Marks the search call leaving for the core (after the debounce). */
export function markAsked(): void {
  performance.mark(ASKED);
}

/** Measures the search call, as its answer arrives. */
export function measureAnswered(): void {
  if (performance.getEntriesByName(ASKED, 'mark').length > 0) performance.measure(ANSWERED, ASKED);
}

/** Measures from the last key press to the next frame, once results are in the DOM. */
export function measureShown(): void {
  requestAnimationFrame(() => {
    if (performance.getEntriesByName(TYPED, 'mark').length > 0) performance.measure(SHOWN, TYPED);
  });
}
