/**
 * The one definition of "remaining working days" and of the run-rate still needed, shared
 * by Today, the progress rows (Dashboard, `closer progress`) and the plan's catch-up, so
 * the same period on the same day shows one number everywhere:
 *
 * - a day still counts as remaining while it is not over: a report made on the workspace's
 *   today counts today itself (whether or not something was signed today already); a report
 *   as of a past day counts from the day after, because that day is over;
 * - remaining working days = days from that first day through the period's end that carry
 *   a target ({@link carriesTarget});
 * - still needed = plan of the period − signed in it so far (today's signatures included),
 *   never below 0;
 * - per day = still needed ÷ remaining days, rounded up to the fen; 0 when nothing is
 *   needed; null when something is needed but no day is left.
 */
import { addDays, type IsoDate } from '../dates.js';
import type { PlanSettings } from '../plan/settings.js';

/**
 * What the run-rate reads of a plan (a `PlanResult` is one). Declared here rather than
 * imported from plan.ts because the plan's catch-up uses {@link runRate}: importing plan.ts
 * back would make an import circle.
 */
export interface TargetPlan {
  readonly settings: Pick<PlanSettings, 'startDate' | 'spreadOver' | 'seasonality'>;
  readonly days: readonly TargetDay[];
}

/** What the run-rate reads of a plan's day (a `DayPlan` is one). */
export interface TargetDay {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly field: boolean;
}

/**
 * Whether a day carries a target: on or after the plan's start, a working day (a field
 * day when the plan spreads over field days) in a month whose seasonality is not 0.
 */
export function carriesTarget(plan: TargetPlan, day: TargetDay): boolean {
  const settings = plan.settings;
  return (
    day.date >= settings.startDate &&
    (settings.spreadOver === 'field-days' ? day.field : day.working) &&
    (settings.seasonality?.[Number(day.date.slice(5, 7)) - 1] ?? 1) > 0
  );
}

/**
 * The first day that still counts as remaining for a report as of `asOf` made on `today`:
 * `asOf` itself unless it is over (before today), else the day after.
 */
export function firstRemainingDay(asOf: IsoDate, today: IsoDate): IsoDate {
  return asOf < today ? addDays(asOf, 1) : asOf;
}

/** Days in `[from, end]` of the plan that carry a target. */
export function remainingTargetDays(plan: TargetPlan, from: IsoDate, end: IsoDate): number {
  let n = 0;
  for (const day of plan.days) {
    if (day.date >= from && day.date <= end && carriesTarget(plan, day)) n++;
  }
  return n;
}

/** What a period still needs. */
export interface RunRate {
  /** Plan − signed, never below 0. */
  readonly remaining: number;
  /** Per remaining day, rounded up to the fen; 0 when met; null when no day is left. */
  readonly requiredDailyRate: number | null;
}

/**
 * The run-rate of a period from its plan, what was signed in it so far and its remaining
 * target days (see the module comment for the definition).
 */
export function runRate(plan: number, signed: number, remainingDays: number): RunRate {
  const remaining = Math.max(0, plan - signed);
  return {
    remaining,
    requiredDailyRate:
      remaining === 0 ? 0 : remainingDays === 0 ? null : Math.ceil(remaining / remainingDays),
  };
}

/** Where actual stands against the plan to date. */
export type PaceStatus = 'ahead' | 'behind' | 'on_track';

/** The status of a difference actual − plan to date: positive is ahead, negative behind. */
export function paceStatus(difference: number): PaceStatus {
  return difference > 0 ? 'ahead' : difference < 0 ? 'behind' : 'on_track';
}

/** A period's pace as of a day: a progress row's figures, and Today's month. */
export interface PeriodPace {
  /** The plan for the whole period. */
  readonly plan: number;
  /** The plan for the period's days up to and including the day. */
  readonly planToDate: number;
  /** Signed in the period up to and including the day. */
  readonly actual: number;
  /** actual − planToDate. */
  readonly difference: number;
  readonly status: PaceStatus;
  /** Plan still to sign in the period (never below 0). */
  readonly remaining: number;
  /** Days of the period that carry a target and are not over (see {@link firstRemainingDay}). */
  readonly remainingWorkingDays: number;
  /** remaining ÷ remainingWorkingDays rounded up to the fen; 0 when met; null when no day is left. */
  readonly requiredDailyRate: number | null;
}

/** The pace of a period from its plan, its plan to date, what was signed and its remaining target days. */
export function periodPace(
  plan: number,
  planToDate: number,
  actual: number,
  remainingDays: number,
): PeriodPace {
  const difference = actual - planToDate;
  const { remaining, requiredDailyRate } = runRate(plan, actual, remainingDays);
  return {
    plan,
    planToDate,
    actual,
    difference,
    status: paceStatus(difference),
    remaining,
    remainingWorkingDays: remainingDays,
    requiredDailyRate,
  };
}
