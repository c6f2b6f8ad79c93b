/**
 * The planning engine: from an annual target to today's number. Pure: holiday data and
 * "today" are passed in.
 */
import { buildYearCalendar, type CalendarDay, type HolidayData, type HolidayName } from '../calendar.js';
import { type IsoDate, type IsoWeekday, toEpochDay } from '../dates.js';
import { integerWeights } from '../money.js';
import type { PlanWarning } from '../warnings.js';
import { type CatchUp, computeCatchUp } from './catch-up.js';
import { classAmounts, computeFunnel, type Funnel } from './funnel.js';
import { type Spread, spreadOverYear } from './periods.js';
import { dailyDimensions } from './segments.js';
import { planSeminars, type SeminarPlan } from './seminars.js';
import { CLASS_KEYS, type ClassKey, type PlanSettings } from './settings.js';

/** Amounts of one period, overall and per dimension (arrays follow `dimensions`). */
export interface PeriodAmounts {
  readonly amount: number;
  readonly workingDays: number;
  readonly fieldDays: number;
  readonly byMarket: readonly number[];
  readonly byClass: readonly number[];
  readonly byMember: readonly number[];
}

/** A quarter of the plan. */
export interface QuarterPlan extends PeriodAmounts {
  readonly quarter: number;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** A month of the plan. */
export interface MonthPlan extends PeriodAmounts {
  readonly month: number;
  readonly start: IsoDate;
  readonly end: IsoDate;
}

/** An ISO week of the plan (within the plan year); `parts` split it by month. */
export interface WeekPlan extends PeriodAmounts {
  readonly isoYear: number;
  readonly week: number;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly parts: readonly {
    readonly month: number;
    readonly amount: number;
    readonly workingDays: number;
  }[];
}

/** A day of the plan. */
export interface DayPlan {
  readonly date: IsoDate;
  readonly weekday: IsoWeekday;
  readonly kind: CalendarDay['kind'];
  readonly working: boolean;
  readonly field: boolean;
  readonly holiday?: HolidayName;
  readonly amount: number;
  readonly byMarket: readonly number[];
  readonly byClass: readonly number[];
  readonly byMember: readonly number[];
}

/** A dimension value with its yearly total. */
export interface DimensionTotal {
  readonly name: string;
  readonly amount: number;
}

/** Today's number and where it should come from. */
export interface TodayPlan {
  readonly date: IsoDate;
  readonly day: DayPlan;
  readonly weekAmount: number;
  readonly monthAmount: number;
  readonly plannedToDate: number;
  /**
   * Orders of each class's average size that this month's class amount equals (1 decimal;
   * null when the class has no average order value): "where the number comes from".
   */
  readonly monthOrders: readonly (number | null)[];
}

/** The computed plan. */
export interface PlanResult {
  readonly settings: PlanSettings;
  readonly calendar: {
    readonly source: 'chinese-holidays' | 'weekdays';
    readonly workingDays: number;
    readonly fieldDays: number;
    readonly officeDays: number;
    /** Days that carry target in the plan's range. */
    readonly targetDays: number;
    readonly holidays: readonly { readonly date: IsoDate; readonly name: HolidayName }[];
    readonly makeupWorkdays: readonly { readonly date: IsoDate; readonly name: HolidayName }[];
  };
  readonly warnings: readonly PlanWarning[];
  readonly dimensions: {
    readonly markets: readonly (DimensionTotal & {
      readonly cities: readonly string[];
      readonly share: number;
    })[];
    readonly classes: readonly (DimensionTotal & { readonly key: ClassKey })[];
    readonly members: readonly (DimensionTotal & { readonly weight: number })[];
  };
  readonly year: PeriodAmounts & { readonly year: number; readonly start: IsoDate; readonly end: IsoDate };
  readonly quarters: readonly QuarterPlan[];
  readonly months: readonly MonthPlan[];
  readonly weeks: readonly WeekPlan[];
  readonly days: readonly DayPlan[];
  readonly funnel: Funnel;
  readonly seminars: SeminarPlan;
  readonly today?: TodayPlan;
  readonly catchUp?: CatchUp;
}

/** Everything the engine needs besides the settings. */
export interface PlanContext {
  readonly holidays: HolidayData;
  /** The date treated as today (workspace time zone); also the catch-up date. */
  readonly today?: IsoDate;
}

/**
 * Computes a plan: calendar, exact decomposition to days, dimension splits through every
 * period, the funnel and verdict, today's number and (with actuals) the catch-up.
 */
export function buildPlan(settings: PlanSettings, context: PlanContext): PlanResult {
  const calendar = buildYearCalendar(settings.year, {
    holidays: context.holidays,
    overrides: settings.calendar,
    fieldDays: settings.fieldDays,
  });
  const warnings: PlanWarning[] = [...calendar.warnings];
  const startDay = toEpochDay(settings.startDate);
  const spread = spreadTarget(settings, calendar, startDay, settings.target);

  const split = classAmounts(settings);
  if (split.exceeds) {
    warnings.push({
      code: 'PLAN.EXISTING_EXCEEDS_TARGET',
      zh: '现有客户按回头率预计带来的金额已超过目标：各类按比例缩减，不需要新客户。可以考虑提高目标。',
      en: 'Existing customers at their repeat rates already exceed the target: classes are scaled down and no new customers are needed. Consider a higher target.',
    });
  }
  const sizes = {
    markets: settings.markets.length,
    classes: CLASS_KEYS.length,
    members: settings.members.length,
  };
  // Each dimension is rounded over the period tree with its exact weights; the year totals
  // are the tree's year cells (each the floor or ceiling of target × share).
  const daily = dailyDimensions(spread, {
    markets: integerWeights(settings.markets.map((m) => m.share)),
    classes: split.amounts.map((a) => BigInt(a)),
    members: integerWeights(settings.members.map((m) => m.weight)),
  });
  const marketTotals = daily.totals.markets;
  const memberTotals = daily.totals.members;

  const days = calendar.days.map((day, d): DayPlan => {
    return {
      date: day.date,
      weekday: day.weekday,
      kind: day.kind,
      working: day.working,
      field: day.field,
      ...(day.holiday ? { holiday: day.holiday } : {}),
      amount: daily.amounts[d] ?? 0,
      byMarket: slice(daily.byMarket, d, sizes.markets),
      byClass: slice(daily.byClass, d, sizes.classes),
      byMember: slice(daily.byMember, d, sizes.members),
    };
  });

  const inRange = (d: number) => (calendar.days[d]?.epochDay ?? 0) >= startDay;
  const sumDays = (indexes: readonly number[]): PeriodAmounts => {
    const byMarket = new Array<number>(sizes.markets).fill(0);
    const byClass = new Array<number>(sizes.classes).fill(0);
    const byMember = new Array<number>(sizes.members).fill(0);
    let amount = 0;
    let workingDays = 0;
    let fieldDays = 0;
    for (const d of indexes) {
      const day = days[d] as DayPlan;
      amount += day.amount;
      if (inRange(d) && day.working) workingDays++;
      if (inRange(d) && day.field) fieldDays++;
      addInto(byMarket, day.byMarket);
      addInto(byClass, day.byClass);
      addInto(byMember, day.byMember);
    }
    return { amount, workingDays, fieldDays, byMarket, byClass, byMember };
  };
  const groupBy = (key: (day: CalendarDay) => string): Map<string, number[]> => {
    const groups = new Map<string, number[]>();
    calendar.days.forEach((day, d) => {
      const k = key(day);
      const list = groups.get(k);
      if (list) list.push(d);
      else groups.set(k, [d]);
    });
    return groups;
  };
  const bounds = (indexes: readonly number[]) => ({
    start: (calendar.days[indexes[0] ?? 0] as CalendarDay).date,
    end: (calendar.days[indexes[indexes.length - 1] ?? 0] as CalendarDay).date,
  });

  const all = calendar.days.map((_, d) => d);
  const quarters = [...groupBy((day) => String(day.quarter)).entries()].map(([q, idx]) => ({
    quarter: Number(q),
    ...bounds(idx),
    ...sumDays(idx),
  }));
  const months = [...groupBy((day) => String(day.month)).entries()].map(([m, idx]) => ({
    month: Number(m),
    ...bounds(idx),
    ...sumDays(idx),
  }));
  const weeks = [...groupBy((day) => `${day.isoYear}-${day.isoWeek}`).entries()].map(([, idx]): WeekPlan => {
    const first = calendar.days[idx[0] ?? 0] as CalendarDay;
    const byMonth = [...new Set(idx.map((d) => (calendar.days[d] as CalendarDay).month))];
    return {
      isoYear: first.isoYear,
      week: first.isoWeek,
      ...bounds(idx),
      ...sumDays(idx),
      parts: byMonth.map((month) => {
        const part = sumDays(idx.filter((d) => (calendar.days[d] as CalendarDay).month === month));
        return { month, amount: part.amount, workingDays: part.workingDays };
      }),
    };
  });

  const year = { year: settings.year, ...bounds(all), ...sumDays(all) };
  const activeMonths = months.filter((m) => m.workingDays > 0).length;
  const seminars = planSeminars({
    perMonth: settings.seminars.perMonth,
    invitations: settings.seminars.invitations,
    signRate: settings.seminars.signRate,
    activeMonths,
    markets: settings.markets,
    classAmounts: split.amounts,
  });
  const newInvitations = seminars.count * (seminars.byClass[CLASS_KEYS.indexOf('new')] ?? 0);
  const funnel = computeFunnel(settings, split, year.fieldDays, newInvitations);

  const result: PlanResult = {
    settings,
    calendar: {
      source: calendar.source,
      workingDays: calendar.days.filter((d) => d.working).length,
      fieldDays: calendar.days.filter((d) => d.field).length,
      officeDays: calendar.days.filter((d) => d.working && !d.field).length,
      targetDays: spread.carries.reduce((n, c) => n + c, 0),
      holidays: calendar.days
        .filter((d) => d.kind === 'holiday' && d.holiday)
        .map((d) => ({ date: d.date, name: d.holiday as HolidayName })),
      makeupWorkdays: calendar.days
        .filter((d) => d.kind === 'makeup_workday' && d.holiday)
        .map((d) => ({ date: d.date, name: d.holiday as HolidayName })),
    },
    warnings,
    dimensions: {
      markets: settings.markets.map((m, i) => ({
        name: m.name,
        cities: m.cities,
        share: m.share,
        amount: marketTotals[i] ?? 0,
      })),
      classes: CLASS_KEYS.map((key, i) => ({ key, name: key, amount: split.amounts[i] ?? 0 })),
      members: settings.members.map((m, i) => ({
        name: m.name,
        weight: m.weight,
        amount: memberTotals[i] ?? 0,
      })),
    },
    year,
    quarters,
    months,
    weeks,
    days,
    funnel,
    seminars,
  };

  const today = context.today;
  if (today?.startsWith(`${settings.year}-`)) {
    const t = calendar.days.findIndex((d) => d.date === today);
    const day = days[t] as DayPlan;
    const week = weeks.find((w) => w.start <= today && today <= w.end);
    const month = months[Number(today.slice(5, 7)) - 1];
    let plannedToDate = 0;
    for (let d = 0; d <= t; d++) plannedToDate += days[d]?.amount ?? 0;
    const todayPlan: TodayPlan = {
      date: today,
      day,
      weekAmount: week?.amount ?? 0,
      monthAmount: month?.amount ?? 0,
      plannedToDate,
      monthOrders: settings.classes.map((c, i) =>
        c.averageOrder && month ? Math.round(((month.byClass[i] ?? 0) / c.averageOrder) * 10) / 10 : null,
      ),
    };
    const catchUp =
      settings.actuals.length > 0
        ? computeCatchUp({
            settings,
            asOf: today,
            plannedToDate,
            respread: (from, total) => spreadTarget(settings, calendar, from, total),
          })
        : undefined;
    return { ...result, today: todayPlan, ...(catchUp ? { catchUp } : {}) };
  }
  if (today !== undefined) {
    warnings.push({
      code: 'PLAN.TODAY_OUTSIDE_YEAR',
      zh: `今天（${today}）不在计划年度 ${settings.year} 内，不显示今日目标与追赶计划`,
      en: `Today (${today}) is outside the plan year ${settings.year}: no today's number or catch-up`,
    });
  }
  return result;
}

/** Spreads `total` from `fromDay` on with the plan's spread mode and seasonality. */
function spreadTarget(
  settings: PlanSettings,
  calendar: ReturnType<typeof buildYearCalendar>,
  fromDay: number,
  total: number,
): Spread {
  return spreadOverYear({
    calendar,
    total,
    fromEpochDay: fromDay,
    spreadOver: settings.spreadOver,
    ...(settings.seasonality ? { seasonality: settings.seasonality } : {}),
  });
}

/** Row `row` of a row-major typed table as a plain array (a loop: subarray views cost more). */
function slice(table: Float64Array, row: number, width: number): number[] {
  const out = new Array<number>(width);
  for (let i = 0; i < width; i++) out[i] = table[row * width + i] ?? 0;
  return out;
}

function addInto(target: number[], values: readonly number[]): void {
  for (let i = 0; i < values.length; i++) target[i] = (target[i] ?? 0) + (values[i] ?? 0);
}
