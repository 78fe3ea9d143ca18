// The words the status bar shows for the background sync of a shared desk.
import type { SyncStatus } from '../../lib/bindings';

export interface SyncLabel {
  text: string;
  /** How the bar colours it: quiet when all is well, a warning when changes wait, danger when refused. */
  tone: 'quiet' | 'busy' | 'waiting' | 'problem';
}

/** "1 change to send", "3 changes to send". */
export function toSend(n: number): string {
  return `${n} ${n === 1 ? 'change' : 'changes'} to send`;
}

/** HH:MM in the computer's own time zone. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The server side's message as a sentence: capital first, full stop last. */
export function sentence(message: string): string {
  const m = message.trim();
  const capital = m.charAt(0).toUpperCase() + m.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** What the bar says; null when this workspace does not sync. */
export function syncLabel(s: SyncStatus, time: (iso: string) => string = clockTime): SyncLabel | null {
  const waiting = s.pending > 0 ? toSend(s.pending) : null;
  switch (s.phase) {
    case 'off':
      return null;
    case 'syncing':
      return { text: 'Syncing…', tone: 'busy' };
    case 'synced':
      if (waiting) return { text: waiting, tone: 'waiting' };
      return { text: s.last_synced ? `Synced ${time(s.last_synced)}` : 'Synced', tone: 'quiet' };
    case 'offline': {
      const since = s.offline_since ? `Offline since ${time(s.offline_since)}` : 'Offline';
      return { text: waiting ? `${since} · ${waiting}` : since, tone: 'waiting' };
    }
    case 'refused':
    case 'failed':
      return { text: s.message ? sentence(s.message) : 'The sync did not go through', tone: 'problem' };
  }
}
