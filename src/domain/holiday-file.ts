/**
 * The `chinese-days` package's data file as the domain's {@link HolidayData}: a pure
 * conversion, so the server (which reads the file) and the web app (which bundles it for
 * the plan's live preview) share it.
 */
import type { HolidayData, HolidayName } from './calendar.js';

/** The shape of `chinese-days/dist/chinese-days.json`. */
export interface ChineseDaysFile {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
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
