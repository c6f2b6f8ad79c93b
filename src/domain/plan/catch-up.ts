/**
 * Catch-up (追赶): when actual signatures run ahead of or behind the plan, the rest of the
 * target is spread again over the working days left, and the daily run-rate needed from
 * here on is set against the original one. `asOf` is the workspace's today: it is not over,
 * so it is the first day the rest is spread on (the one definition in method/run-rate.ts,
 * shared with Today and the progress rows).
 */
import { type IsoDate, toEpochDay } from '../dates.js';
import { type PaceStatus, paceStatus, runRate } from '../method/run-rate.js';
import type { Spread } from './periods.js';
import type { PlanSettings } from './settings.js';

/** Where the plan stands on `asOf` (signatures so far that day included) and what the rest now needs. */
export interface CatchUp {
  readonly asOf: IsoDate;
  /** Signed through `asOf`, inclusive. */
  readonly actualToDate: number;
  /** The plan's amount through `asOf`, inclusive. */
  readonly plannedToDate: number;
  /** actual − planned: positive = ahead, negative = behind. */
  readonly difference: number;
  readonly status: PaceStatus;
  /** Target still to sign (never below 0). */
  readonly remaining: number;
  /** Days from `asOf` (included: it is not over) to the year's end that carry a target. */
  readonly remainingDays: number;
  /** Average per remaining day now needed, rounded up to the fen; 0 when met; all of it when no day is left. */
  readonly requiredDailyRate: number;
  /** The original plan's average per target day. */
  readonly plannedDailyRate: number;
  /** Actuals dated after `asOf` that were not counted. */
  readonly ignoredLaterActuals: number;
  /** Actuals outside the plan (another year, or before its start day) that were not counted. */
  readonly ignoredOutsidePlan: number;
  /** The remaining target re-spread per month (12 entries, 0 for months already past). */
  readonly months: readonly {
    readonly month: number;
    readonly amount: number;
    readonly workingDays: number;
  }[];
  /** The re-spread amount for each remaining day that carries target. */
  readonly days: readonly { readonly date: IsoDate; readonly amount: number }[];
}

/** Computes the catch-up from the settings' actuals; `respread` spreads a total from a day on. */
export function computeCatchUp(options: {
  settings: PlanSettings;
  asOf: IsoDate;
  plannedToDate: number;
  respread: (fromEpochDay: number, total: number) => Spread;
}): CatchUp {
  const { settings, asOf, plannedToDate } = options;
  let actualToDate = 0;
  let ignoredLaterActuals = 0;
  let ignoredOutsidePlan = 0;
  for (const a of settings.actuals) {
    // Only signatures inside the plan (its year, from its start day) count toward it.
    if (a.date < settings.startDate || !a.date.startsWith(`${settings.year}-`)) ignoredOutsidePlan++;
    else if (a.date <= asOf) actualToDate += a.amount;
    else ignoredLaterActuals++;
  }
  const difference = actualToDate - plannedToDate;
  const from = Math.max(toEpochDay(asOf), toEpochDay(settings.startDate));
  const probe = options.respread(from, 0);
  const remainingDays = probe.carries.reduce((n, c) => n + c, 0);
  const rate = runRate(settings.target, actualToDate, remainingDays);
  const remaining = rate.remaining;
  // With nothing left to sign, or no day left to sign it on, there is nothing to re-spread.
  const spread = remaining > 0 && remainingDays > 0 ? options.respread(from, remaining) : probe;
  const months = Array.from({ length: 12 }, (_, m) => ({ month: m + 1, amount: 0, workingDays: 0 }));
  const days: { date: IsoDate; amount: number }[] = [];
  spread.days.forEach((day, d) => {
    const entry = months[day.month - 1];
    if (!entry || !spread.carries[d]) return;
    entry.amount += spread.amounts[d] ?? 0;
    entry.workingDays += 1;
    days.push({ date: day.date, amount: spread.amounts[d] ?? 0 });
  });
  const targetDays = options.respread(toEpochDay(settings.startDate), 0).carries.reduce((n, c) => n + c, 0);
  return {
    asOf,
    actualToDate,
    plannedToDate,
    difference,
    status: paceStatus(difference),
    remaining,
    remainingDays,
    requiredDailyRate: rate.requiredDailyRate ?? remaining,
    plannedDailyRate: targetDays > 0 ? Math.round(settings.target / targetDays) : 0,
    ignoredLaterActuals,
    ignoredOutsidePlan,
    months,
    days,
  };
}
