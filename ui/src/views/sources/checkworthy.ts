// The reader's Check-worthy list: how a reason reads, and the passage a
// claim made from a ranked sentence links.
import type { CheckworthySentence, PassagePick, Reason, ReasonKind, Stance } from '../../lib/bindings';

const LABELS: Record<ReasonKind, string> = {
  number: 'number',
  comparison: 'comparison',
  date: 'date',
  named_actor: 'named actor',
  attributed: 'attributed',
  causal: 'causal',
  opinion: 'opinion',
  hedge: 'hedge',
  question: 'question',
  prediction: 'prediction',
  anecdote: 'anecdote',
  checked_before: 'like a claim checked before',
};

/** One reason as the list shows it: "number +2: 4,000", "hedge −1: may". */
export function reasonText(r: Reason): string {
  const weight = r.weight < 0 ? `−${-r.weight}` : `+${r.weight}`;
  const label = LABELS[r.kind];
  // Words that only repeat the label ("like a claim checked before") are not shown twice.
  return r.words && r.words !== label ? `${label} ${weight}: ${r.words}` : `${label} ${weight}`;
}

/** True when the reason counts against checking the sentence. */
export function against(r: Reason): boolean {
  return r.weight < 0;
}

/** The sentence of version `version` of source `source` as the passage a claim links. */
export function passageOf(source: string, version: number, s: CheckworthySentence, stance: Stance): PassagePick {
  return { source, version, start: s.start, end: s.end, stance };
}
