/**
 * Use case: compute a plan from user input (a parsed plan file, CLI options or an API body).
 */
import type { HolidayData } from '../../domain/calendar.js';
import { dateInTimeZone, type IsoDate } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import { buildPlan, type PlanResult } from '../../domain/plan/plan.js';
import { parsePlanSettings } from '../../domain/plan/settings.js';

/** Dependencies of {@link computePlan}. */
export interface ComputePlanDeps {
  readonly holidays: HolidayData;
  /** The clock's instant; "today" is its date in the plan's time zone. */
  readonly now: Date;
  /** A date chosen by the user as "today" (must lie in the plan year). */
  readonly date?: IsoDate;
}

/**
 * Validates `input` (AppError PLAN.* with field details on failure) and computes the plan.
 * An explicit `date` outside the plan year is an error; the clock's today outside it only
 * produces a warning, so planning next year in December works.
 */
export function computePlan(input: unknown, deps: ComputePlanDeps): PlanResult {
  const settings = parsePlanSettings(input);
  if (deps.date !== undefined && !deps.date.startsWith(`${settings.year}-`)) {
    throw new AppError('PLAN.DATE_OUT_OF_YEAR', { date: deps.date, year: settings.year });
  }
  const today = deps.date ?? dateInTimeZone(deps.now, settings.timeZone);
  return buildPlan(settings, { holidays: deps.holidays, today });
}
