// What a date chip of the Compare view says: the day each side resolves to
// ("Wednesday = 3 Dec 2025") and, in its title, both days or the year two
// dates agree in ("same day if 2025"). Core works the days out; this only
// picks the chip of a difference.
import type { DateChip, DifferenceView, PairView } from '../../lib/bindings';

/** The chip core made for a date difference of the pair, if any. */
export function chipOfDifference(pair: PairView, d: DifferenceView): DateChip | undefined {
  if (d.kind !== 'date') return undefined;
  return (pair.dates ?? []).find((c) => c.differs && c.left === d.left && c.right === d.right);
}

/** The text and tooltip of a difference chip: for a date, the resolved days. */
export function differenceLabel(pair: PairView, d: DifferenceView): { left: string; right: string; title: string } {
  const chip = chipOfDifference(pair, d);
  const create = `Create a claim from this ${d.kind} difference`;
  return {
    left: chip?.left_day ?? (d.left || '—'),
    right: chip?.right_day ?? (d.right || '—'),
    title: chip ? `${chip.title}. ${create}` : create,
  };
}

/** Dates of the pair that are no difference only because they can fall on the same day. */
export function agreeingDates(pair: PairView): DateChip[] {
  return (pair.dates ?? []).filter((c) => !c.differs);
}
