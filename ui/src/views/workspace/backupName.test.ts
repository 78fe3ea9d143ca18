import { describe, expect, it } from 'vitest';
import { backupName, ruleName } from './backupName';

describe('backupName', () => {
  const day = new Date('2026-03-04T10:00:00Z');
  it('names the copy after the workspace and the day', () => {
    expect(backupName('/home/ana/desk.sqlite', day)).toBe('desk.backup-2026-03-04.sqlite');
    expect(backupName('C:\\Users\\ana\\desk.claimdesk', day)).toBe('desk.backup-2026-03-04.claimdesk');
  });
  it('falls back to a plain name when no workspace is open', () => {
    expect(backupName(null, day)).toBe('workspace.backup-2026-03-04.sqlite');
  });
  it('shows every rule check reports in words', () => {
    expect(ruleName('evidence_selectors')).toBe('Evidence passages');
    expect(ruleName('version_hash')).toBe('Version hashes');
  });
});
