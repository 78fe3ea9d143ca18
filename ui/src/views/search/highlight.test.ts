import { describe, expect, it } from 'vitest';
import { checkLabel, pieces } from './highlight';

describe('pieces', () => {
  it('marks code-point ranges, also past astral characters', () => {
    expect(pieces('🚢 ferry cancelled', [[2, 7]])).toEqual([
      { text: '🚢 ', marked: false },
      { text: 'ferry', marked: true },
      { text: ' cancelled', marked: false },
    ]);
  });

  it('keeps markup as text and ignores ranges out of the text', () => {
    expect(
      pieces('<b>x</b>', [
        [3, 4],
        [9, 12],
      ]),
    ).toEqual([
      { text: '<b>', marked: false },
      { text: 'x', marked: true },
      { text: '</b>', marked: false },
    ]);
  });
});

describe('checkLabel', () => {
  it('says what agrees and what differs', () => {
    expect(checkLabel('number', false)).toBe('number differs');
    expect(checkLabel('date', true)).toBe('same date');
    expect(checkLabel('names', false)).toBe('names differ');
    expect(checkLabel('quote', true)).toBe('quoted');
  });
});
