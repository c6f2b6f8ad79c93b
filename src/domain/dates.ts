/**
 * Calendar arithmetic on business dates. A business date is ISO `YYYY-MM-DD` text with no
 * time zone (the workspace's own day); internally we count days since 1970-01-01 in UTC so
 * that no local time zone or daylight-saving rule can shift a day.
 */

/** ISO `YYYY-MM-DD`. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** ISO weekday numbers: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** True when `text` is a real calendar date written as `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

/** Days since 1970-01-01 for an ISO date (the caller guarantees it is valid). */
export function toEpochDay(date: IsoDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** ISO date of an epoch day. */
export function fromEpochDay(day: number): IsoDate {
  const date = new Date(day * MS_PER_DAY);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  const d = date.getUTCDate();
  // Hand-formatted: toISOString() is several times slower and this runs for every day of a plan.
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Adds `n` days (negative to go back). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + n);
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday of an epoch day (1 = Monday). */
export function weekdayOfEpochDay(day: number): IsoWeekday {
  // 1970-01-01 was a Thursday (4).
  return (((((day + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** ISO-8601 week of a date: the week-numbering year and the week number 1–53. */
export function isoWeekOf(day: number): { isoYear: number; week: number } {
  // The ISO week belongs to the year of its Thursday.
  const thursday = day - weekdayOfEpochDay(day) + 4;
  const isoYear = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan1 = Date.UTC(isoYear, 0, 1) / MS_PER_DAY;
  return { isoYear, week: Math.floor((thursday - jan1) / 7) + 1 };
}

const DATE_FIELDS = { year: 'numeric', month: '2-digit', day: '2-digit' } as const;
const CLOCK_FIELDS = { ...DATE_FIELDS, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The en-CA formatter (it writes dates as YYYY-MM-DD) of a time zone for the date or the
 * date and clock fields. Building an Intl formatter costs far more than using one, so one
 * is kept per time zone and field set.
 */
function formatterFor(
  timeZone: string,
  fields: typeof DATE_FIELDS | typeof CLOCK_FIELDS,
): Intl.DateTimeFormat {
  const key = `${fields === DATE_FIELDS ? 'date' : 'clock'} ${timeZone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, ...fields });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** The calendar date "today" in an IANA time zone, for an injected instant. */
export function dateInTimeZone(instant: Date, timeZone: string): IsoDate {
  return formatterFor(timeZone, DATE_FIELDS).format(instant);
}

/**
 * An instant (ISO-8601 UTC) as the workspace's wall clock, `YYYY-MM-DD HH:mm`: how a
 * person reads "created at" in an export, rather than `2026-12-02T19:39:12.603Z`.
 */
export function localDateTime(instant: string | Date, timeZone: string): string {
  const formatter = formatterFor(timeZone, CLOCK_FIELDS);
  const parts = Object.fromEntries(
    formatter
      .formatToParts(typeof instant === 'string' ? new Date(instant) : instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}
