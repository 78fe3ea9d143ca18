import { codePointLength } from './textOffsets';

/**
 * Which occurrence (1-based) of `quote` in `text` starts at code point
 * `start`; the core locates a repeated passage by this number. Null when the
 * quote does not start there.
 */
export function occurrenceAt(text: string, quote: string, start: number): number | null {
  if (quote === '') return null;
  let n = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf(quote, from);
    if (at < 0) return null;
    n++;
    const cp = codePointLength(text.slice(0, at));
    if (cp === start) return n;
    if (cp > start) return null;
    from = at + 1;
  }
}
