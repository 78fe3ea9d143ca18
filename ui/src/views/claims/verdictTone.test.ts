import { describe, expect, it } from 'vitest';
import { verdictTone } from './verdictTone';

describe('verdictTone', () => {
  it('colours the default scale by what the verdict says about truth', () => {
    expect(verdictTone('verified')).toBe('true');
    expect(verdictTone('misleading')).toBe('mixed');
    expect(verdictTone('false')).toBe('false');
    expect(verdictTone('in_review')).toBe('open');
  });

  it('colours a verdict the workspace added by its rating', () => {
    expect(verdictTone('pants_on_fire', 1)).toBe('false');
    expect(verdictTone('half_true', 3)).toBe('mixed');
    expect(verdictTone('needs_context', null)).toBe('open');
  });
});
