// Keystroke-to-suggestions under the statement of New claim, as User Timing
// entries: a mark at each key press, a measure once the answer to the last
// one is on screen (the debounce included). Read by the end-to-end test that
// times matching on a large workspace; the app never shows them.

/** The mark set at each key press in the statement field. */
export const TYPED = 'matching-typed';
/** The measure from the last key press to its suggestions on screen. */
export const SHOWN = 'matching: keystroke to suggestions';
/** The measure of the matching call alone, from asking to the answer. */
export const ANSWERED = 'matching: call to answer';
const ASKED = 'matching-asked';

/** Marks a key press (the statement changed). */
export function markTyped(): void {
  performance.mark(TYPED);
}

/** Marks the matching call leaving for the core (after the debounce). */
export function markAsked(): void {
  performance.mark(ASKED);
}

/** Measures the matching call, as its answer arrives. */
export function measureAnswered(): void {
  if (performance.getEntriesByName(ASKED, 'mark').length > 0) performance.measure(ANSWERED, ASKED);
}

/** Measures from the last key press to the next frame, once the suggestions are in the DOM. */
export function measureShown(): void {
  requestAnimationFrame(() => {
    if (performance.getEntriesByName(TYPED, 'mark').length > 0) performance.measure(SHOWN, TYPED);
  });
}
