import { describe, expect, it } from 'vitest';
import { against, passageOf, reasonText } from './checkworthy';

describe('check-worthy list', () => {
  it('says each reason with its weight and words', () => {
    expect(reasonText({ kind: 'number', weight: 2, words: '4,000' })).toBe('number +2: 4,000');
    expect(reasonText({ kind: 'hedge', weight: -1, words: 'may' })).toBe('hedge −1: may');
    expect(reasonText({ kind: 'checked_before', weight: 3, words: '' })).toBe('like a claim checked before +3');
    expect(reasonText({ kind: 'checked_before', weight: 2, words: 'like a claim checked before' })).toBe(
      'like a claim checked before +2',
    );
    expect(against({ kind: 'opinion', weight: -2, words: 'shameful' })).toBe(true);
  });
  it('links the ranked sentence of the version read as the passage', () => {
    const s = { text: 'Talks lasted five hours.', start: 10, end: 34, score: 3, reasons: [] };
    expect(passageOf('abc', 2, s, 'supports')).toEqual({
      source: 'abc',
      version: 2,
      start: 10,
      end: 34,
      stance: 'supports',
    });
  });
});
