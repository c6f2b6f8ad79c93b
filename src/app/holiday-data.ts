/**
 * China mainland public holidays and make-up working days, from the `chinese-days`
 * package's data file (State Council arrangements; 2004 to the latest published year).
 * Loaded once per process: the file is ~60 KB and never changes at run time.
 */
import { createRequire } from 'node:module';
import type { HolidayData } from '../domain/calendar.js';
import { type ChineseDaysFile, toHolidayData } from '../domain/holiday-file.js';

export { toHolidayData };

let cached: HolidayData | undefined;

/** The holiday data of mainland China, as the domain's {@link HolidayData}. */
export function chinaHolidayData(): HolidayData {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = require('chinese-days/dist/chinese-days.json') as ChineseDaysFile;
  cached = toHolidayData(file);
  return cached;
}
