// The background sync's state as the window knows it: watched once per
// workspace through a channel, so the bar follows every change; when a sync
// brought changes in, the open list and claim reload.
import { Channel } from '@tauri-apps/api/core';
import { api, type SyncStatus } from '../../lib/api';
import { changed } from '../../lib/desk.svelte';

export const sync = $state({
  status: {
    phase: 'off',
    last_synced: null,
    offline_since: null,
    pending: 0,
    message: null,
    pulls: 0,
  } as SyncStatus,
});

function take(status: SyncStatus) {
  const pulled = status.pulls !== sync.status.pulls;
  sync.status = status;
  if (pulled) changed();
}

/** Starts (or restarts, after another workspace opened) watching the sync. */
export async function watchSync(): Promise<void> {
  const channel = new Channel<SyncStatus>();
  channel.onmessage = take;
  sync.status = await api.watchSync(channel);
}

/** Asks for a sync now; the bar shows how it goes. */
export function syncNow(): Promise<void> {
  return api.syncNow();
}
