import { describe, expect, it, vi } from 'vitest';
import { latestOnly } from './latestOnly';

/** A lookup whose answers the test sends, one per value asked, in any order. */
function lookup() {
  const pending = new Map<string, (answer: string) => void>();
  const fetch = (value: string) => new Promise<string>((resolve) => pending.set(value, resolve));
  return { fetch, answer: (value: string) => pending.get(value)?.(`hits for ${value}`) };
}

async function settle() {
  for (let i = 0; i < 3; i++) await Promise.resolve();
}

describe('latestOnly', () => {
  it('shows the newest query even when an older answer arrives after it', async () => {
    vi.useFakeTimers();
    const { fetch, answer } = lookup();
    const shown: string[] = [];
    const ask = latestOnly(
      fetch,
      (a: string) => shown.push(a),
      () => {},
      60,
    );
    ask.push('ferr');
    vi.advanceTimersByTime(60);
    ask.push('ferry');
    vi.advanceTimersByTime(60);
    answer('ferry');
    await settle();
    answer('ferr');
    await settle();
    expect(shown).toEqual(['hits for ferry']);
    vi.useRealTimers();
  });

  it('drops the answer still on its way when the box is cleared', async () => {
    vi.useFakeTimers();
    const { fetch, answer } = lookup();
    const shown: string[] = [];
    const ask = latestOnly(
      fetch,
      (a: string) => shown.push(a),
      () => {},
      60,
    );
    ask.push('harbour');
    vi.advanceTimersByTime(60);
    ask.cancel();
    answer('harbour');
    await settle();
    expect(shown).toEqual([]);
    vi.useRealTimers();
  });
});
