// Splits a text into plain and marked pieces from code-point ranges, so the
// view renders matches as <mark> elements around text nodes (never as HTML).

export interface Piece {
  text: string;
  marked: boolean;
}

/** The pieces of `text` with `ranges` ([start, end) in code points) marked. */
export function pieces(text: string, ranges: [number, number][]): Piece[] {
  const chars = Array.from(text);
  const out: Piece[] = [];
  let at = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    const start = Math.max(s, at);
    const end = Math.min(e, chars.length);
    if (end <= start) continue;
    if (start > at) out.push({ text: chars.slice(at, start).join(''), marked: false });
    out.push({ text: chars.slice(start, end).join(''), marked: true });
    at = end;
  }
  if (at < chars.length) out.push({ text: chars.slice(at).join(''), marked: false });
  return out;
}

/** The words a check chip shows: "number differs", "same date", "quoted". */
export function checkLabel(kind: 'number' | 'date' | 'names' | 'quote', agrees: boolean): string {
  if (kind === 'quote') return 'quoted';
  if (kind === 'names') return agrees ? 'same names' : 'names differ';
  return agrees ? `same ${kind}` : `${kind} differs`;
}
