// The chips a statement shows: what differs between the outlets' wordings.
import type { GroupKind } from '../../lib/bindings';

const LABELS: Record<GroupKind, string> = {
  reworded: 'reworded',
  shortened: 'shortened',
  extended: 'extended',
  other_speaker: 'other speaker',
  paraphrased: 'paraphrased',
};

/** The chip labels of a statement's kinds, in the order the core gives them. */
export function chipLabels(kinds: GroupKind[]): string[] {
  return kinds.map((k) => LABELS[k]);
}

/** Who a statement is by, as its heading says it. */
export function speakersLine(speakers: string[]): string {
  return speakers.length ? speakers.join(' / ') : 'Speaker not told';
}
