import { describe, expect, it } from 'vitest';
import { codePointLength, highlightPieces, paragraphs, sliceCodePoints } from './textOffsets';

describe('code point offsets', () => {
  it('counts an emoji as one code point, as the W3C selectors do', () => {
    expect('a😀b'.length).toBe(4);
    expect(codePointLength('a😀b')).toBe(3);
    expect(sliceCodePoints('a😀bc', 1, 3)).toBe('😀b');
  });
});

describe('paragraphs', () => {
  it('keeps each paragraph’s offset in the whole text', () => {
    const text = 'Envoys left Moscow.\n\nThe talks – “frank” – ended 😀 early.\nNo deal.';
    const ps = paragraphs(text);
    expect(ps.map((p) => p.text)).toEqual(['Envoys left Moscow.', 'The talks – “frank” – ended 😀 early.', 'No deal.']);
    for (const p of ps) {
      expect(sliceCodePoints(text, p.start, p.start + codePointLength(p.text))).toBe(p.text);
    }
  });
});

describe('highlightPieces', () => {
  const p = { text: 'The deadline 😀 was dropped.', start: 100 };
  it('marks exactly the passage inside the paragraph', () => {
    expect(highlightPieces(p, 104, 114)).toEqual([
      { text: 'The ', highlighted: false },
      { text: 'deadline 😀', highlighted: true },
      { text: ' was dropped.', highlighted: false },
    ]);
  });
  it('leaves a paragraph outside the passage unmarked', () => {
    expect(highlightPieces(p, 0, 50)).toEqual([{ text: p.text, highlighted: false }]);
  });
  it('marks the tail when the passage starts here and runs on', () => {
    const pieces = highlightPieces(p, 119, 400);
    expect(pieces.at(-1)).toEqual({ text: 'dropped.', highlighted: true });
  });
});
