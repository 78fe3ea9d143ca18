// Which claims Export… writes: the choices the dialog offers, built from
// what the claims list currently shows.
import type { Selection } from '../../lib/bindings';

/** The claims list's state the dialog draws its choices from. */
export interface ListState {
  tag: string;
  verdict: string;
  /** The verdict filter's label, for the menu text. */
  verdictLabel?: string;
  selectedClaim: string | null;
}

/** One choice of the "Claims" menu. */
export interface SelectionChoice {
  id: 'all' | 'tag' | 'verdict' | 'claim';
  label: string;
  selection: Selection;
}

/**
 * The choices that make sense now: every claim always; the tag or verdict
 * filter only when one is set; the selected claim only when there is one.
 */
export function selectionChoices(list: ListState): SelectionChoice[] {
  const none: Selection = { tag: null, verdict: null, claims: [] };
  const choices: SelectionChoice[] = [{ id: 'all', label: 'All claims', selection: none }];
  const tag = list.tag.trim();
  if (tag) choices.push({ id: 'tag', label: `Tag #${tag}`, selection: { ...none, tag } });
  const verdict = list.verdict.trim();
  if (verdict)
    choices.push({
      id: 'verdict',
      label: `Verdict: ${list.verdictLabel || verdict}`,
      selection: { ...none, verdict },
    });
  if (list.selectedClaim)
    choices.push({ id: 'claim', label: 'The selected claim', selection: { ...none, claims: [list.selectedClaim] } });
  return choices;
}

/** The file extensions the save dialog filters on, for a report's file name. */
export function saveFilter(fileName: string, label: string): { name: string; extensions: string[] }[] {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1];
  return ext ? [{ name: label, extensions: [ext] }] : [];
}
