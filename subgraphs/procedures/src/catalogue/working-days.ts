/**
 * Working days in Luxembourg: Monday to Friday except the legal public holidays (New Year, Easter Monday,
 * 1 May, Europe Day, Ascension, Whit Monday, National Day, Assumption, All Saints, Christmas, St Stephen's).
 * Processing times are promised in working days, so the expected decision date skips weekends and these days.
 * Days are ISO `yyyy-mm-dd` strings in the Europe/Luxembourg calendar; arithmetic is done at UTC noon so that
 * no daylight-saving change can move a day.
 */
import { todayInLuxembourg } from '@gemeng/i18n';
import Holidays from 'date-holidays';

/** Today's date in Luxembourg (`yyyy-mm-dd`), from @gemeng/i18n. */
export { todayInLuxembourg };

const LUXEMBOURG = new Holidays('LU', { types: ['public'] });
const cache = new Map<number, Set<string>>();

/** The public holidays of a year in Luxembourg, as ISO days. */
export function publicHolidays(year: number): Set<string> {
  let days = cache.get(year);
  if (!days) {
    days = new Set(
      LUXEMBOURG.getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    cache.set(year, days);
  }
  return days;
}

/** True for a weekday that is not a public holiday in Luxembourg. */
export function isWorkingDay(day: string): boolean {
  const date = new Date(`${day}T12:00:00Z`);
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !publicHolidays(date.getUTCFullYear()).has(day);
}

/**
 * The day `workingDays` working days after `from` (which itself does not count): a procedure submitted on
 * `from` with that processing time is expected to be decided on the returned day. 0 gives `from`.
 */
export function addWorkingDays(from: string, workingDays: number): string {
  if (!Number.isInteger(workingDays) || workingDays < 0) throw new RangeError('workingDays must be an integer ≥ 0');
  const date = new Date(`${from}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an ISO day: ${from}`);
  let left = workingDays;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isWorkingDay(date.toISOString().slice(0, 10))) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}

/** The expected decision day of something submitted at `now` with `processingDays` working days. */
export function expectedDecisionOn(processingDays: number, now: Date = new Date()): string {
  return addWorkingDays(todayInLuxembourg(now), processingDays);
}
