import { describe, expect, it, vi } from 'vitest';
import { latestOnly, originLabel, tierLabel } from './similar';

describe('similar claims', () => {
  it('says who checked a claim', () => {
    expect(originLabel({ kind: 'workspace' })).toBe('Checked by this desk');
    expect(originLabel({ kind: 'claimreview', publisher: 'Northern Fact Desk', url: 'https://x.example' })).toBe(
      'Checked by Northern Fact Desk',
    );
    expect(originLabel({ kind: 'claimreview', publisher: null, url: null })).toBe('Checked by another fact-checker');
    expect(tierLabel('match')).toBe('Same claim');
    expect(tierLabel('suggestion')).toBe('Related');
  });

  it('asks once after the typing pauses and drops answers to older text', async () => {
    vi.useFakeTimers();
    const asked: string[] = [];
    const got: string[] = [];
    let release: (v: string) => void = () => {};
    const fetch = (v: string) => {
      asked.push(v);
      return new Promise<string>((r) => (release = r));
    };
    const failed: unknown[] = [];
    const d = latestOnly(
      fetch,
      (a: string) => got.push(a),
      (e) => failed.push(e),
      60,
    );
    d.push('The t');
    d.push('The talks');
    vi.advanceTimersByTime(60);
    expect(asked).toEqual(['The talks']);
    const slow = release;
    d.push('The talks lasted');
    vi.advanceTimersByTime(60);
    slow('old answer');
    release('new answer');
    await Promise.resolve();
    await Promise.resolve();
    expect(got).toEqual(['new answer']);
    expect(failed).toEqual([]);
    vi.useRealTimers();
  });
});

describe('a failed lookup', () => {
  it('is passed on for the newest text only', async () => {
    vi.useFakeTimers();
    const failed: unknown[] = [];
    const d = latestOnly(
      (v: string) => Promise.reject(new Error(`too long: ${v}`)),
      () => {},
      (e) => failed.push((e as Error).message),
      60,
    );
    d.push('a very long statement');
    vi.advanceTimersByTime(60);
    await Promise.resolve();
    await Promise.resolve();
    expect(failed).toEqual(['too long: a very long statement']);
    vi.useRealTimers();
  });
});
