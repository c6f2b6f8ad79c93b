/**
 * An iCalendar (RFC 5545) writer for subscription feeds: CRLF line endings, content lines
 * folded at 75 octets without splitting a UTF-8 character, TEXT values escaped, all-day
 * events as VALUE=DATE. Pure: the caller passes the instants (DTSTAMP) it wants written.
 */
import { addDays } from './dates.js';

/** One all-day event (start date inclusive, end date exclusive as RFC 5545 wants). */
export interface IcsEvent {
  /** Stable and globally unique: `<id>@closer`. */
  readonly uid: string;
  readonly summary: string;
  readonly description?: string | null;
  readonly location?: string | null;
  /** First day, ISO `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Day after the last day; defaults to the day after `startDate`. */
  readonly endDate?: string;
  /** Instant the event last changed (ISO-8601 UTC): written as DTSTAMP and LAST-MODIFIED. */
  readonly stamp: string;
  /** Revision number for clients that track updates (RFC 5545 SEQUENCE). */
  readonly sequence?: number;
  readonly categories?: readonly string[];
  /** TRANSPARENT for items that do not make the user busy (holidays, follow-ups). */
  readonly transparent?: boolean;
}

/** A calendar: its name, time zone and how often clients should refresh it. */
export interface IcsCalendar {
  readonly name: string;
  readonly description?: string;
  readonly timeZone: string;
  /** Suggested refresh interval in minutes (REFRESH-INTERVAL and X-PUBLISHED-TTL). */
  readonly refreshMinutes: number;
  readonly events: readonly IcsEvent[];
}

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line into lines of at most 75 octets (RFC 5545 §3.1): each
 * continuation starts with one space, which counts toward its 75. A UTF-8 character is
 * never split (a split would make each part invalid UTF-8 for strict parsers).
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_OCTETS;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

/** Octets of one code point in UTF-8. */
function utf8Length(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** `2026-03-02` → `20260302`. */
function basicDate(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}

/** `2026-03-02T02:00:00.000Z` → `20260302T020000Z`. */
export function basicInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`not an instant: ${iso}`);
  return `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

function eventLines(event: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${basicInstant(event.stamp)}`,
    `LAST-MODIFIED:${basicInstant(event.stamp)}`,
    `DTSTART;VALUE=DATE:${basicDate(event.startDate)}`,
    `DTEND;VALUE=DATE:${basicDate(event.endDate ?? addDays(event.startDate, 1))}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.categories && event.categories.length > 0)
    lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  if (event.sequence !== undefined) lines.push(`SEQUENCE:${event.sequence}`);
  lines.push(`TRANSP:${event.transparent ? 'TRANSPARENT' : 'OPAQUE'}`, 'END:VEVENT');
  return lines;
}

/** Writes `calendar` as an iCalendar stream (CRLF after every line, lines folded). */
export function renderCalendar(calendar: IcsCalendar): string {
  const ttl = `PT${Math.max(1, Math.round(calendar.refreshMinutes))}M`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Closer//Closer Calendar//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.description
      ? [
          `X-WR-CALDESC:${escapeText(calendar.description)}`,
          `DESCRIPTION:${escapeText(calendar.description)}`,
        ]
      : []),
    `X-WR-TIMEZONE:${calendar.timeZone}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${ttl}`,
    `X-PUBLISHED-TTL:${ttl}`,
    ...calendar.events.flatMap(eventLines),
    'END:VCALENDAR',
  ];
  return lines.map((line) => `${foldLine(line)}${CRLF}`).join('');
}
