import { describe, expect, it } from 'vitest';
import type { PassageReview } from '../../lib/bindings';
import { flagText, verdictShaken } from './reviewText';

const base: PassageReview = {
  evidence_id: 'e1',
  claim_id: 'c1',
  claim: 'The crossing took five hours',
  source_id: 's1',
  source_title: 'Storm delays the ferry',
  stance: 'supports',
  read_in_version: 1,
  version: 3,
  status: 'edited',
  exact: 'took five hours',
  found: { exact: 'took four hours', prefix: '', suffix: '', start: 0, end: 15 },
  score: 0.9,
  diff: [
    { op: 'equal', text: 'took ' },
    { op: 'delete', text: 'five' },
    { op: 'insert', text: 'four' },
    { op: 'equal', text: ' hours' },
  ],
  checked_at: '2026-01-01T00:00:00Z',
};

describe('a changed passage', () => {
  it('says the words old → new when edited', () => {
    expect(flagText(base)).toBe("version 3 changed this passage: 'five' → 'four'");
  });
  it('says it is gone', () => {
    expect(flagText({ ...base, status: 'gone', found: null, diff: [] })).toBe('no longer in version 3');
  });
  it('shakes the verdict only when a supporting passage changed', () => {
    expect(verdictShaken([base], 'c1')).toBe(true);
    expect(verdictShaken([{ ...base, status: 'unchanged' }], 'c1')).toBe(false);
    expect(verdictShaken([{ ...base, stance: 'context' }], 'c1')).toBe(false);
    expect(verdictShaken([base], 'c2')).toBe(false);
  });
});
