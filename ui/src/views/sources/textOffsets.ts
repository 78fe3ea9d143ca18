// The core's W3C selectors count Unicode code points, while JavaScript strings
// and DOM ranges count UTF-16 units; these helpers convert between the two.

/** Number of Unicode code points in `s`. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The part of `s` between code point `start` (inclusive) and `end` (exclusive). */
export function sliceCodePoints(s: string, start: number, end?: number): string {
  return Array.from(s).slice(start, end).join('');
}

/** A paragraph of a source's text and where it starts, in code points. */
export interface Paragraph {
  text: string;
  start: number;
}

/**
 * Splits plain text into paragraphs at line breaks, keeping each paragraph's
 * code point offset so a selection inside it maps back to the whole text.
 */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '') out.push({ text: line, start: offset });
    offset += codePointLength(line) + 1;
  }
  return out;
}

/** A paragraph cut into plain and highlighted pieces, for rendering a passage. */
export interface Piece {
  text: string;
  highlighted: boolean;
}

/** Cuts `p` so the code point range [start, end) of the whole text is marked. */
export function highlightPieces(p: Paragraph, start: number, end: number): Piece[] {
  const len = codePointLength(p.text);
  const from = Math.max(0, Math.min(len, start - p.start));
  const to = Math.max(0, Math.min(len, end - p.start));
  if (to <= from) return [{ text: p.text, highlighted: false }];
  const pieces: Piece[] = [];
  const before = sliceCodePoints(p.text, 0, from);
  const inside = sliceCodePoints(p.text, from, to);
  const after = sliceCodePoints(p.text, to);
  if (before) pieces.push({ text: before, highlighted: false });
  pieces.push({ text: inside, highlighted: true });
  if (after) pieces.push({ text: after, highlighted: false });
  return pieces;
}
