/**
 * Spreads an amount over the working days of a plan year, top down:
 * year → quarter → month → (ISO week ∩ month) → working day. Each level is a
 * largest-remainder split of its parent, so every level sums exactly to the one above
 * and non-working days get nothing. A week that spans two months is two pieces, one per
 * month; the week's amount is the sum of its pieces.
 */
import type { CalendarDay, YearCalendar } from '../calendar.js';
import { AppError } from '../errors.js';
import { allocate } from '../money.js';

/** How the amount is weighted: by working days (default) or by field days only. */
export type SpreadOver = 'working-days' | 'field-days';

/** Inputs of {@link spreadOverYear}. */
export interface SpreadOptions {
  readonly calendar: YearCalendar;
  /** Minor units to spread. */
  readonly total: number;
  /** First day that carries a target (mid-year start, or the day after a catch-up date). */
  readonly fromEpochDay: number;
  readonly spreadOver: SpreadOver;
  /** Optional 12 monthly intensity factors; a month's weight is factor × its days. */
  readonly seasonality?: readonly number[];
}

/** The amounts of a spread at every level, and the calendar days they belong to. */
export interface Spread {
  /** Every calendar day of the year, aligned with `amounts`. */
  readonly days: readonly CalendarDay[];
  /** Minor units per calendar day (0 on days without a target). */
  readonly amounts: Float64Array;
  /** 1 when the day carries a target (in range, working / field, month weighted above 0). */
  readonly carries: Uint8Array;
  /** Quarter amounts (4) and month amounts (12) of the same split. */
  readonly quarters: readonly number[];
  readonly months: readonly number[];
}

/** True when `day` carries target under the spread mode. */
export function carriesTarget(day: CalendarDay, spreadOver: SpreadOver): boolean {
  return spreadOver === 'field-days' ? day.field : day.working;
}

/**
 * Spreads `total` over the calendar. Returns the per-day amounts; callers aggregate them
 * into weeks, months and quarters by summation, which is exact by construction.
 * Throws PLAN.NO_WORKING_DAYS when `total` > 0 but no day in range carries a target.
 */
export function spreadOverYear(options: SpreadOptions): Spread {
  const { calendar, total, fromEpochDay, spreadOver, seasonality } = options;
  const days = calendar.days;
  const carries = new Uint8Array(days.length);
  days.forEach((day, i) => {
    // A month weighted 0 by seasonality carries nothing, so its days are not target days
    // (this keeps "days left" and the catch-up run-rate honest).
    const weighted = seasonality ? (seasonality[day.month - 1] ?? 0) > 0 : true;
    carries[i] = day.epochDay >= fromEpochDay && weighted && carriesTarget(day, spreadOver) ? 1 : 0;
  });

  // Integer day counts per month, per quarter; seasonality multiplies a month's days.
  const monthDays = new Array<number>(12).fill(0);
  days.forEach((day, i) => {
    if (carries[i]) monthDays[day.month - 1] = (monthDays[day.month - 1] ?? 0) + 1;
  });
  const monthWeights = monthDays.map((n, m) => n * (seasonality ? (seasonality[m] ?? 0) : 1));
  const quarterWeights = [0, 1, 2, 3].map((q) => sum(monthWeights.slice(q * 3, q * 3 + 3)));

  const amounts = new Float64Array(days.length);
  if (total === 0)
    return { days, amounts, carries, quarters: [0, 0, 0, 0], months: new Array<number>(12).fill(0) };
  if (sum(quarterWeights) === 0) {
    const first = days.find((day) => day.epochDay >= fromEpochDay);
    throw new AppError('PLAN.NO_WORKING_DAYS', {
      from: first?.date ?? `${calendar.year}-12-31`,
      to: `${calendar.year}-12-31`,
    });
  }
  const quarterAmounts = allocate(total, quarterWeights);
  const monthAmounts = quarterAmounts.flatMap((qa, q) => allocate(qa, monthWeights.slice(q * 3, q * 3 + 3)));

  // Within a month, the pieces of ISO weeks get their share by day count, then each day one.
  let i = 0;
  while (i < days.length) {
    const month = (days[i] as CalendarDay).month;
    let end = i;
    while (end < days.length && (days[end] as CalendarDay).month === month) end++;
    const pieceStarts: number[] = [];
    const pieceWeights: number[] = [];
    for (let d = i; d < end; d++) {
      const day = days[d] as CalendarDay;
      if (d === i || day.weekday === 1) {
        pieceStarts.push(d);
        pieceWeights.push(0);
      }
      if (carries[d])
        pieceWeights[pieceWeights.length - 1] = (pieceWeights[pieceWeights.length - 1] ?? 0) + 1;
    }
    const monthAmount = monthAmounts[month - 1] ?? 0;
    const pieceAmounts = monthAmount > 0 ? allocate(monthAmount, pieceWeights) : pieceWeights.map(() => 0);
    pieceStarts.forEach((start, p) => {
      const stop = pieceStarts[p + 1] ?? end;
      const amount = pieceAmounts[p] ?? 0;
      if (amount === 0) return;
      const weights: number[] = [];
      for (let d = start; d < stop; d++) weights.push(carries[d] ?? 0);
      const dayAmounts = allocate(amount, weights);
      for (let d = start; d < stop; d++) amounts[d] = dayAmounts[d - start] ?? 0;
    });
    i = end;
  }
  return { days, amounts, carries, quarters: quarterAmounts, months: monthAmounts };
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
