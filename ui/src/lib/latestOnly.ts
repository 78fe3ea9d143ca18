// A debounce that keeps only the newest answer, for lookups made as someone
// types (the search box, similar claims): the view follows the typing, never
// an older request that came back late. The commands behind them run off the
// main thread, so answers can arrive in any order.

/**
 * Runs `fetch` for the newest value `delayMs` after the last call; answers
 * (and failures) for older values are dropped. `deliver` gets each kept
 * answer, `fail` each kept failure.
 */
export function latestOnly<T, R>(
  fetch: (value: T) => Promise<R>,
  deliver: (answer: R) => void,
  fail: (error: unknown) => void,
  delayMs: number,
): { push: (value: T) => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const cancel = () => {
    // Called bare: WebKit refuses a setTimeout/clearTimeout whose `this` is not the window.
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    asked++;
  };
  return {
    push(value: T) {
      cancel();
      const mine = asked;
      timer = setTimeout(() => {
        fetch(value).then(
          (answer) => {
            if (mine === asked) deliver(answer);
          },
          (error: unknown) => {
            if (mine === asked) fail(error);
          },
        );
      }, delayMs);
    },
    cancel,
  };
}
