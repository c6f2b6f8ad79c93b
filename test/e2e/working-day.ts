/**
 * A clock for browser tests that need a working day: on a weekend or a public holiday Today
 * has no target (and the README's picture of it would say so). The China calendar is the
 * project's own (`buildYearCalendar` with the `chinese-days` data), never a hard-coded date.
 */
import { chinaHolidayData } from '../../src/app/holiday-data.js';
import { buildYearCalendar } from '../../src/domain/calendar.js';
import { dateInTimeZone, toEpochDay } from '../../src/domain/dates.js';

const DAY_MS = 86_400_000;

/**
 * How many milliseconds `now` must be set back to fall on the most recent working day of
 * mainland China in `timeZone` (0 when today is one), at the same time of day.
 *
 * It stays in the current year: before the year's first working day (the New Year holiday)
 * it points forward to that day instead (a negative offset), because the browser asks for
 * the plan of its own year and the demo's plan is for the clock's year.
 */
export function workingDayOffset(now: Date, timeZone = 'Asia/Shanghai'): number {
  const today = dateInTimeZone(now, timeZone);
  const days = buildYearCalendar(Number(today.slice(0, 4)), { holidays: chinaHolidayData() }).days;
  const working = days.filter((d) => d.working);
  const day = working.filter((d) => d.date <= today).at(-1) ?? working[0];
  if (!day) throw new Error(`no working day in ${today.slice(0, 4)}`);
  return (toEpochDay(today) - day.epochDay) * DAY_MS;
}

/** The real time, `offset` milliseconds back: time keeps running, as sessions expect. */
export function shiftedClock(offset: number): () => Date {
  return () => new Date(Date.now() - offset);
}
