import { describe, expect, it } from 'vitest';
import type { Claim, ClaimMerge } from '../../lib/bindings';
import { PICKER_LIMIT, candidates, movedText, step } from './mergePicker';

const claim = (id: string): Claim => ({
  id,
  statement: `Claim ${id}`,
  claimant: null,
  claimed_on: null,
  event_on: null,
  notes: '',
  tags: [],
  verdict: 'unverified',
  rationale: '',
  created_at: '2025-03-01T00:00:00Z',
  updated_at: '2025-03-01T00:00:00Z',
});

describe('the merge picker', () => {
  it('never offers the claim itself, and at most a screenful', () => {
    const list = ['a', 'b', 'c'].map(claim);
    expect(candidates(list, 'b').map((c) => c.id)).toEqual(['a', 'c']);
    const many = Array.from({ length: PICKER_LIMIT + 5 }, (_, i) => claim(String(i)));
    expect(candidates(many, 'none')).toHaveLength(PICKER_LIMIT);
  });

  it('arrow keys stop at either end instead of wrapping', () => {
    expect(step(0, -1, 3)).toBe(0);
    expect(step(1, 1, 3)).toBe(2);
    expect(step(2, 1, 3)).toBe(2);
    expect(step(0, 1, 0)).toBe(0);
  });

  it('says what moved', () => {
    const m = {
      evidence_ids: ['e1', 'e2'],
      tags_added: ['fares'],
      notes_moved: 'Ask the council',
    } as ClaimMerge;
    expect(movedText(m)).toBe('2 passages, tags fares, notes');
    expect(movedText({ ...m, evidence_ids: ['e1'], tags_added: [], notes_moved: '' })).toBe('1 passage');
  });
});
