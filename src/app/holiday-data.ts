/**
 * China mainland public holidays and make-up working days, from the `chinese-days`
 * package's data file (State Council arrangements; 2004 to the latest published year).
 * Loaded once per process: the file is ~60 KB and never changes at run time.
 */
import { createRequire } from 'node:module';
import type { HolidayData, HolidayName } from '../domain/calendar.js';

interface ChineseDaysFile {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

let cached: HolidayData | undefined;

/** The holiday data of mainland China, as the domain's {@link HolidayData}. */
export function chinaHolidayData(): HolidayData {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = require('chinese-days/dist/chinese-days.json') as ChineseDaysFile;
  cached = toHolidayData(file);
  return cached;
}

/** Converts the package's `"Spring Festival,春节,4"` entries into named dates. */
export function toHolidayData(file: ChineseDaysFile): HolidayData {
  const years = new Set<number>();
  const read = (entries: Record<string, string>): Map<string, HolidayName> => {
    const map = new Map<string, HolidayName>();
    for (const [date, text] of Object.entries(entries)) {
      const [en = '', zh = ''] = text.split(',');
      map.set(date, { zh, en });
      years.add(Number(date.slice(0, 4)));
    }
    return map;
  };
  const holidays = read(file.holidays);
  const workdays = read(file.workdays);
  return { years, holidays, workdays };
}
