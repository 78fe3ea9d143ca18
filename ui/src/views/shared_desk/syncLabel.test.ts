import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../lib/bindings';
import { syncLabel, toSend } from './syncLabel';

const base: SyncStatus = {
  phase: 'synced',
  last_synced: '2026-03-04T09:41:00Z',
  offline_since: null,
  pending: 0,
  message: null,
  pulls: 0,
};
const time = (iso: string) => iso.slice(11, 16);

describe('the sync status bar', () => {
  it('says when the desk last synced', () => {
    expect(syncLabel(base, time)).toEqual({ text: 'Synced 09:41', tone: 'quiet' });
  });

  it('says a sync is running', () => {
    expect(syncLabel({ ...base, phase: 'syncing' }, time)?.text).toBe('Syncing…');
  });

  it('counts the changes waiting to go out, in words', () => {
    expect(toSend(1)).toBe('1 change to send');
    expect(toSend(3)).toBe('3 changes to send');
    expect(syncLabel({ ...base, pending: 2 }, time)).toEqual({ text: '2 changes to send', tone: 'waiting' });
  });

  it('says since when the server is out of reach and what waits', () => {
    const offline = { ...base, phase: 'offline' as const, offline_since: '2026-03-04T10:05:00Z', pending: 1 };
    expect(syncLabel(offline, time)?.text).toBe('Offline since 10:05 · 1 change to send');
    expect(syncLabel({ ...offline, pending: 0 }, time)?.text).toBe('Offline since 10:05');
  });

  it("shows a refused sync's own sentence", () => {
    const refused = {
      ...base,
      phase: 'refused' as const,
      message: 'the server refused role ana: the desk harbour is not granted to it',
    };
    expect(syncLabel(refused, time)).toEqual({
      text: 'The server refused role ana: the desk harbour is not granted to it.',
      tone: 'problem',
    });
  });

  it('shows nothing for a workspace that does not sync', () => {
    expect(syncLabel({ ...base, phase: 'off' }, time)).toBeNull();
  });
});
