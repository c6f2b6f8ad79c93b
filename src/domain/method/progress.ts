/**
 * Progress against the plan (method part 1, "every level quantified in money"): for each
 * period of a level (year, quarters, months, weeks, days) and each value of a dimension
 * (markets, classes, members), the plan, the plan up to a date, what was actually
 * signed, the difference, and the daily run-rate the rest of the period now needs.
 * Pure: the plan result and the signed amounts are passed in.
 */
import type { IsoDate } from '../dates.js';
import type { DayPlan, PlanResult } from '../plan/plan.js';
import type { ClassKey } from '../plan/settings.js';
import { carriesTarget, firstRemainingDay, type PeriodPace, periodPace } from './run-rate.js';

export { carriesTarget } from './run-rate.js';

/** Levels of the plan a progress report can show. */
export const PROGRESS_LEVELS = ['year', 'quarters', 'months', 'weeks', 'days'] as const;
/** One of {@link PROGRESS_LEVELS}. */
export type ProgressLevel = (typeof PROGRESS_LEVELS)[number];
/** Dimensions a progress report can split by (`none`: one row per period). */
export const PROGRESS_DIMENSIONS = ['none', 'markets', 'classes', 'members'] as const;
/** One of {@link PROGRESS_DIMENSIONS}. */
export type ProgressDimension = (typeof PROGRESS_DIMENSIONS)[number];

/** The segment name of signed amounts that match no market or member of the plan. */
export const UNASSIGNED = 'unassigned';

/** An amount signed on a day, with the plan segment it belongs to. */
export interface SignedAmount {
  readonly date: IsoDate;
  /** Minor units; signed amounts may be negative (a refund or correction). */
  readonly amount: number;
  /** A market name of the plan, else counted as {@link UNASSIGNED}. */
  readonly market: string;
  readonly class: ClassKey;
  /** A member name of the plan, else counted as {@link UNASSIGNED}. */
  readonly member: string;
}

/** One row: a period, optionally one segment of it. */
export interface ProgressRow extends PeriodPace {
  /** `2026`, `Q1`, `2026-03`, `2026-W10`, `2026-03-02`. */
  readonly period: string;
  readonly start: IsoDate;
  readonly end: IsoDate;
  /** The dimension value (market name, class key, member name or `unassigned`); null without a dimension. */
  readonly segment: string | null;
}

/** What to report. */
export interface ProgressOptions {
  readonly level: ProgressLevel;
  readonly dimension: ProgressDimension;
  /** The day the report is made as of: signatures count through it, inclusive. */
  readonly asOf: IsoDate;
  /**
   * The workspace's today: `asOf` still counts as a remaining day unless it is before today
   * (over). Defaults to `asOf` (a report made on the day it is as of).
   */
  readonly today?: IsoDate;
  /**
   * Member names whose share of the plan counts (a lead's team); undefined = the whole
   * plan. With markets or classes the team's plan is the segment's plan × the team's share
   * of the year (the plan holds market × member only for the year, not per day).
   */
  readonly members?: readonly string[];
}

/**
 * The rows of a progress report. Signed amounts outside the plan year are ignored; those
 * whose market or member the plan does not know are reported under `unassigned`, which
 * appears as a segment (with plan 0) as soon as it has any amount.
 */
export function computeProgressRows(
  plan: PlanResult,
  signed: readonly SignedAmount[],
  options: ProgressOptions,
): ProgressRow[] {
  const { dimension, asOf } = options;
  const days = plan.days;
  const index = new Map<string, number>();
  for (const [i, d] of days.entries()) index.set(d.date, i);

  const memberNames = plan.dimensions.members.map((m) => m.name);
  const team = options.members ? new Set(options.members) : undefined;
  const teamMembers = memberNames.map((name) => !team || team.has(name));
  const teamYear = plan.dimensions.members.reduce((n, m, i) => n + (teamMembers[i] ? m.amount : 0), 0);
  const teamFactor = team ? (plan.year.amount > 0 ? teamYear / plan.year.amount : 0) : 1;

  // Segment names (plan order) and, per day, the plan of each segment.
  const names: string[] =
    dimension === 'markets'
      ? plan.dimensions.markets.map((m) => m.name)
      : dimension === 'classes'
        ? plan.dimensions.classes.map((c) => c.key)
        : dimension === 'members'
          ? memberNames.filter((_, i) => teamMembers[i])
          : ['*'];
  // Column of each member segment in the plan's member arrays.
  const memberColumn = memberNames.flatMap((_, i) => (teamMembers[i] ? [i] : []));
  const planOf = (day: DayPlan, s: number): number => {
    if (dimension === 'markets') return day.byMarket[s] ?? 0;
    if (dimension === 'classes') return day.byClass[s] ?? 0;
    if (dimension === 'members') return day.byMember[memberColumn[s] ?? -1] ?? 0;
    if (!team) return day.amount;
    return day.byMember.reduce((n, v, i) => n + (teamMembers[i] ? v : 0), 0);
  };

  const column = new Map(names.map((name, i) => [name, i]));
  // Signed amounts per day and segment; the last column is "unassigned".
  const width = names.length + 1;
  const actual = new Float64Array(days.length * width);
  let anyUnassigned = false;
  for (const s of signed) {
    const d = index.get(s.date);
    if (d === undefined || s.date > asOf) continue;
    let col = 0;
    if (dimension !== 'none') {
      const key = dimension === 'markets' ? s.market : dimension === 'classes' ? s.class : s.member;
      col = column.get(key) ?? -1;
      if (col < 0) {
        col = names.length;
        anyUnassigned = true;
      }
    }
    actual[d * width + col] = (actual[d * width + col] ?? 0) + s.amount;
  }
  const segments = dimension === 'none' ? 1 : names.length + (anyUnassigned ? 1 : 0);

  const carries = (day: DayPlan): boolean => carriesTarget(plan, day);
  const from = firstRemainingDay(asOf, options.today ?? asOf);

  const rows: ProgressRow[] = [];
  for (const period of periodsOf(plan, options.level)) {
    const first = index.get(period.start) ?? 0;
    const last = index.get(period.end) ?? days.length - 1;
    for (let s = 0; s < segments; s++) {
      let planned = 0;
      let planToDate = 0;
      let signedSum = 0;
      let remainingDays = 0;
      for (let d = first; d <= last; d++) {
        const day = days[d] as DayPlan;
        const amount = s < names.length ? planOf(day, s) : 0;
        planned += amount;
        if (day.date <= asOf) planToDate += amount;
        if (day.date >= from && carries(day)) remainingDays++;
        signedSum += actual[d * width + s] ?? 0;
      }
      if (dimension === 'markets' || dimension === 'classes') {
        // A team's share of a market or class: scaled once per row, not per day.
        planned = Math.round(planned * teamFactor);
        planToDate = Math.round(planToDate * teamFactor);
      }
      rows.push({
        period: period.key,
        start: period.start,
        end: period.end,
        segment: dimension === 'none' ? null : s < names.length ? (names[s] as string) : UNASSIGNED,
        ...periodPace(planned, planToDate, signedSum, remainingDays),
      });
    }
  }
  return rows;
}

/** The periods of a level with the keys the plan routes use. */
function periodsOf(plan: PlanResult, level: ProgressLevel): { key: string; start: IsoDate; end: IsoDate }[] {
  const year = plan.settings.year;
  switch (level) {
    case 'year':
      return [{ key: String(year), start: plan.year.start, end: plan.year.end }];
    case 'quarters':
      return plan.quarters.map((q) => ({ key: `Q${q.quarter}`, start: q.start, end: q.end }));
    case 'months':
      return plan.months.map((m) => ({
        key: `${year}-${String(m.month).padStart(2, '0')}`,
        start: m.start,
        end: m.end,
      }));
    case 'weeks':
      return plan.weeks.map((w) => ({
        key: `${w.isoYear}-W${String(w.week).padStart(2, '0')}`,
        start: w.start,
        end: w.end,
      }));
    case 'days':
      return plan.days.map((d) => ({ key: d.date, start: d.date, end: d.date }));
  }
}
