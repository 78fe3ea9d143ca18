// The batch import the window is running, kept outside any view so its
// progress and summary survive switching views or closing the add form.
import { Channel } from '@tauri-apps/api/core';
import { api, type BatchSummary, type ImportFrom, type Progress } from '../../lib/api';
import { describe } from '../../lib/apiError';
import { NOT_STARTED, advance, type BatchProgress } from './batchImport';
import { changed } from '../../lib/desk.svelte';

export const importRun = $state({
  /** What is being imported, e.g. "URLs pasted" or a folder path. */
  what: '',
  progress: null as BatchProgress | null,
  summary: null as BatchSummary | null,
  /** Why the import could not start or run at all. */
  problem: null as string | null,
  running: false,
  stopping: false,
});

/** Starts a batch; progress and the summary land in `importRun`. */
export async function startImport(from: ImportFrom, what: string): Promise<void> {
  if (importRun.running) return;
  Object.assign(importRun, {
    what,
    progress: NOT_STARTED,
    summary: null,
    problem: null,
    running: true,
    stopping: false,
  });
  const channel = new Channel<Progress>();
  channel.onmessage = (event) => {
    importRun.progress = advance(importRun.progress ?? NOT_STARTED, event);
    // The sources list refreshes as each item lands.
    if (event.event === 'item_finished' && event.imported && event.imported.outcome !== 'unchanged') changed();
  };
  try {
    importRun.summary = await api.importSources(from, channel);
  } catch (e) {
    importRun.problem = describe(e);
    importRun.progress = null;
  } finally {
    importRun.running = false;
    importRun.stopping = false;
    changed();
  }
}

/** Asks the running batch to stop after the item in hand. */
export async function stopImport(): Promise<void> {
  importRun.stopping = true;
  try {
    await api.stopImport();
  } catch (e) {
    importRun.stopping = false;
    importRun.problem = describe(e);
  }
}

/** Closes the finished import's panel. */
export function dismissImport(): void {
  if (importRun.running) return;
  Object.assign(importRun, { progress: null, summary: null, problem: null, what: '' });
}
