import { describe, expect, it } from 'vitest';
import { differs, wordingPieces } from './wordingDiff';

describe('wording diff', () => {
  it('shows what a wording dropped and added against the first', () => {
    const diff = [
      { op: 'delete' as const, text: 'Definitely' },
      { op: 'insert' as const, text: 'Certainly' },
      { op: 'equal' as const, text: ' not further' },
      { op: 'insert' as const, text: ' away' },
    ];
    expect(wordingPieces(diff, 'Certainly not further away')).toEqual([
      { text: 'Definitely', change: 'dropped' },
      { text: 'Certainly', change: 'added' },
      { text: ' not further', change: 'same' },
      { text: ' away', change: 'added' },
    ]);
    expect(differs(diff)).toBe(true);
  });
  it('keeps the first wording, or one without a diff, as its plain text', () => {
    expect(wordingPieces([{ op: 'equal', text: 'Not further' }], 'Not further')).toEqual([
      { text: 'Not further', change: 'same' },
    ]);
    expect(wordingPieces(undefined, 'Not further')).toEqual([{ text: 'Not further', change: 'same' }]);
    expect(differs([{ op: 'equal', text: 'Not further' }])).toBe(false);
  });
});
