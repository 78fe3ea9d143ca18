// The name File › Back up… offers: the workspace's name with the day, beside it.
export function backupName(workspace: string | null | undefined, today: Date = new Date()): string {
  const file = (workspace ?? 'workspace.sqlite').split(/[\\/]/).pop() || 'workspace.sqlite';
  const dot = file.lastIndexOf('.');
  const stem = dot > 0 ? file.slice(0, dot) : file;
  const ext = dot > 0 ? file.slice(dot + 1) : 'sqlite';
  const day = today.toISOString().slice(0, 10);
  return `${stem}.backup-${day}.${ext}`;
}

const RULE_NAMES: Record<string, string> = {
  integrity: 'SQLite integrity',
  foreign_keys: 'References',
  evidence_selectors: 'Evidence passages',
  version_hash: 'Version hashes',
  history_sequence: 'Claim history',
  orphans: 'Orphans',
  claim_merges: 'Merged claims',
  date_pins: 'Pinned dates',
};

/** A rule's name as the Check workspace dialog shows it. */
export function ruleName(rule: string): string {
  return RULE_NAMES[rule] ?? rule;
}
