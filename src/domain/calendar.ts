/**
 * The working calendar: which days of a year carry a target. China's statutory holidays and
 * make-up working days (调休) come from injected holiday data; a workspace adds its own days
 * off, extra working days and personal leave; a weekly rhythm marks the field days (days
 * with customer meetings) among the working days.
 */
import {
  fromEpochDay,
  type IsoDate,
  type IsoWeekday,
  isoWeekOf,
  toEpochDay,
  weekdayOfEpochDay,
} from './dates.js';
import type { PlanWarning } from './warnings.js';

/** Published public holidays and make-up working days, per date, for the years it knows. */
export interface HolidayData {
  /** Years for which the holiday arrangement is known (published by the State Council). */
  readonly years: ReadonlySet<number>;
  /** Public holiday dates → name (weekends inside a holiday period included). */
  readonly holidays: ReadonlyMap<IsoDate, HolidayName>;
  /** Make-up working days (调休, usually a Saturday or Sunday) → the holiday they pay for. */
  readonly workdays: ReadonlyMap<IsoDate, HolidayName>;
}

/** A holiday's name in both languages. */
export interface HolidayName {
  readonly zh: string;
  readonly en: string;
}

/** A workspace's or person's changes to the public calendar. */
export interface CalendarOverrides {
  /** Extra days off for everyone (company outing, local holiday). */
  readonly daysOff?: readonly IsoDate[];
  /** Extra working days (a Saturday the team works). */
  readonly workdays?: readonly IsoDate[];
  /** Personal leave of the plan's owner: not worked, no target. */
  readonly leave?: readonly IsoDate[];
}

/** Why a day is or is not worked. */
export type DayKind =
  | 'workday'
  | 'weekend'
  | 'holiday'
  | 'makeup_workday'
  | 'extra_workday'
  | 'day_off'
  | 'leave';

/** One day of the calendar year. */
export interface CalendarDay {
  readonly date: IsoDate;
  readonly epochDay: number;
  readonly weekday: IsoWeekday;
  readonly month: number;
  readonly quarter: number;
  readonly isoYear: number;
  readonly isoWeek: number;
  readonly kind: DayKind;
  readonly working: boolean;
  /** A working day on which customers are met (the weekly field rhythm). */
  readonly field: boolean;
  readonly holiday?: HolidayName;
}

/** A year's calendar and what the reader must know about its source. */
export interface YearCalendar {
  readonly year: number;
  readonly days: readonly CalendarDay[];
  /** "chinese-holidays" when public holidays are known, "weekdays" for the Mon–Fri fallback. */
  readonly source: 'chinese-holidays' | 'weekdays';
  readonly warnings: readonly PlanWarning[];
}

/** Options of {@link buildYearCalendar}. */
export interface CalendarOptions {
  readonly holidays: HolidayData;
  readonly overrides?: CalendarOverrides;
  /** Weekdays with customer meetings; default Tue/Wed/Thu as in the method. */
  readonly fieldDays?: readonly IsoWeekday[];
}

/** The method's rhythm: meet customers three days a week. */
export const DEFAULT_FIELD_DAYS: readonly IsoWeekday[] = [2, 3, 4];

/**
 * Builds every day of `year` with its working status. Precedence, strongest first:
 * personal leave, workspace day off, workspace extra working day, public holiday,
 * make-up working day, then Monday–Friday. A year absent from the holiday data falls back
 * to Monday–Friday and says so in `warnings` — never silently.
 */
export function buildYearCalendar(year: number, options: CalendarOptions): YearCalendar {
  const { holidays, overrides = {} } = options;
  const fieldDays = new Set(options.fieldDays ?? DEFAULT_FIELD_DAYS);
  const known = holidays.years.has(year);
  const leave = new Set(overrides.leave ?? []);
  const daysOff = new Set(overrides.daysOff ?? []);
  const extra = new Set(overrides.workdays ?? []);

  const first = toEpochDay(`${year}-01-01`);
  const last = toEpochDay(`${year}-12-31`);
  const days: CalendarDay[] = [];
  for (let epochDay = first; epochDay <= last; epochDay++) {
    const date = fromEpochDay(epochDay);
    const weekday = weekdayOfEpochDay(epochDay);
    const month = Number(date.slice(5, 7));
    const holiday = known ? holidays.holidays.get(date) : undefined;
    const makeup = known ? holidays.workdays.get(date) : undefined;
    let kind: DayKind;
    if (leave.has(date)) kind = 'leave';
    else if (daysOff.has(date)) kind = 'day_off';
    else if (extra.has(date)) kind = 'extra_workday';
    else if (holiday) kind = 'holiday';
    else if (makeup) kind = 'makeup_workday';
    else kind = weekday <= 5 ? 'workday' : 'weekend';
    const working = kind === 'workday' || kind === 'makeup_workday' || kind === 'extra_workday';
    const { isoYear, week } = isoWeekOf(epochDay);
    const name = holiday ?? makeup;
    days.push({
      date,
      epochDay,
      weekday,
      month,
      quarter: Math.ceil(month / 3),
      isoYear,
      isoWeek: week,
      kind,
      working,
      field: working && fieldDays.has(weekday),
      ...(name ? { holiday: name } : {}),
    });
  }

  const warnings: PlanWarning[] = [];
  if (!known) {
    const years = [...holidays.years].sort((a, b) => a - b);
    const range = years.length ? `${years[0]}–${years[years.length - 1]}` : '—';
    warnings.push({
      code: 'CALENDAR.NO_HOLIDAY_DATA',
      zh: `没有 ${year} 年的法定节假日数据（已知年份 ${range}），按周一至周五计算工作日；节假日公布后请更新，或在计划中添加休息日。`,
      en: `No public-holiday data for ${year} (known years ${range}); working days are Monday–Friday. Update when the holidays are published, or add days off to the plan.`,
    });
  }
  for (const date of [...leave, ...daysOff, ...extra]) {
    if (!date.startsWith(`${year}-`)) {
      warnings.push({
        code: 'CALENDAR.OVERRIDE_OUTSIDE_YEAR',
        zh: `日期 ${date} 不在 ${year} 年内，已忽略`,
        en: `The date ${date} is not in ${year} and was ignored`,
      });
    }
  }
  return { year, days, source: known ? 'chinese-holidays' : 'weekdays', warnings };
}
