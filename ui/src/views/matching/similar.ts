// What the similar-claims list shows beside each claim, and a debounce that
// keeps only the newest answer: the list follows the typing, never an older
// request that came back late.
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
