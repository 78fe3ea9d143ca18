// The claim form's date offer: which of the days a statement names to offer
// as its event date, and how a day reads to a person.
import type { DateOffer } from '../../lib/bindings';

/** The first day the statement names that is not already the event date. */
export function offerToShow(offers: DateOffer[], eventOn: string): DateOffer | null {
  return offers.find((o) => o.date !== eventOn) ?? null;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-11-27" as "Thu 27 Nov 2025"; anything else as given. */
export function dayLabel(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Noon UTC: the weekday does not move with the machine's time zone.
  const day = new Date(Date.UTC(y, mo - 1, d, 12));
  if (day.getUTCMonth() !== mo - 1) return date;
  return `${WEEKDAYS[day.getUTCDay()]} ${d} ${MONTHS[mo - 1]} ${y}`;
}
