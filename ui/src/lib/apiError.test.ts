import { describe as suite, expect, it } from 'vitest';
import { ApiError, describe, unwrap } from './apiError';

suite('unwrap', () => {
  it('returns the data of a successful command', async () => {
    await expect(unwrap(Promise.resolve({ status: 'ok', data: 42 }))).resolves.toBe(42);
  });

  it('turns a Rust error into an ApiError with its kind and message', async () => {
    const failing = Promise.resolve({
      status: 'error' as const,
      error: { kind: 'not_found' as const, message: 'No claim matches 01ab.' },
    });
    const err = await unwrap(failing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).kind).toBe('not_found');
    expect((err as ApiError).message).toBe('No claim matches 01ab.');
  });

  it('reports a broken IPC channel as a readable message', async () => {
    const err = await unwrap(Promise.reject(new Error('channel closed'))).catch((e: unknown) => e);
    expect((err as ApiError).message).toBe('The app did not answer: channel closed');
  });
});

suite('describe', () => {
  it('reads the message out of whatever was thrown', () => {
    expect(describe(new Error('disk full'))).toBe('disk full');
    expect(describe({ kind: 'io', message: 'cannot read file' })).toBe('cannot read file');
    expect(describe(undefined)).toBe('Something went wrong.');
  });
});
