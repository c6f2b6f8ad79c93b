/**
 * Spreads an amount over the working days of a plan year, top down:
 * year → quarter → month → (ISO week ∩ month) → working day. Every node gets the floor or
 * the ceiling of its exact share of the year (target × its weighted days ÷ the year's), and
 * every level sums exactly to the one above; non-working days get nothing. A week that spans two months is two pieces, one per
 * month; the week's amount is the sum of its pieces.
 */
import type { CalendarDay, YearCalendar } from '../calendar.js';
import { AppError } from '../errors.js';
import { integerWeights } from '../money.js';
import { type PeriodTree, roundTree } from './tree-rounding.js';

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
  /** The period tree the amounts were rounded on, and its rounded amount per node. */
  readonly tree: PeriodTree;
  readonly rounded: Float64Array;
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

  // Integer weight per day: 1 per target day, times the month's seasonality factor scaled to
  // integers exactly (factors 1.2 and 0.8 weigh 12 : 8), so every share below is exact.
  const factors = seasonality ? integerWeights(seasonality.slice(0, 12)) : null;
  const dayWeights = days.map((day, i) =>
    carries[i] ? (factors ? (factors[day.month - 1] ?? 0n) : 1n) : 0n,
  );
  const tree = periodTree(days, dayWeights, total);

  const amounts = new Float64Array(days.length);
  const yearWeight = tree.weights[0] ?? 0n;
  if (total === 0 || yearWeight === 0n) {
    if (total > 0) {
      const first = days.find((day) => day.epochDay >= fromEpochDay);
      throw new AppError('PLAN.NO_WORKING_DAYS', {
        from: first?.date ?? `${calendar.year}-12-31`,
        to: `${calendar.year}-12-31`,
      });
    }
    return {
      days,
      amounts,
      carries,
      quarters: [0, 0, 0, 0],
      months: new Array<number>(12).fill(0),
      tree,
      rounded: new Float64Array(tree.parents.length),
    };
  }
  // Every node (quarter, month, week piece, day) gets the floor or ceiling of its exact share
  // of the target, and children add up to their parent (see tree-rounding.ts).
  const rounded = roundTree(tree);
  const quarters = [0, 0, 0, 0];
  const months = new Array<number>(12).fill(0);
  for (let p = 0; p < tree.parents.length; p++) {
    const d = tree.dayOf[p] as number;
    if (d < 0) continue;
    const day = days[d] as CalendarDay;
    const amount = rounded[p] as number;
    amounts[d] = amount;
    quarters[day.quarter - 1] = (quarters[day.quarter - 1] ?? 0) + amount;
    months[day.month - 1] = (months[day.month - 1] ?? 0) + amount;
  }
  return { days, amounts, carries, quarters, months, tree, rounded };
}

/**
 * The period tree of a year: year → 4 quarters → 12 months → week pieces (an ISO week's days
 * within one month) → days, top-down, children contiguous. Weights are the integer weighted
 * target days below each node.
 */
function periodTree(days: readonly CalendarDay[], dayWeights: readonly bigint[], total: number): PeriodTree {
  const monthsOf = Array.from({ length: 12 }, () => [] as number[][]);
  days.forEach((day, d) => {
    const pieces = monthsOf[day.month - 1] as number[][];
    if (pieces.length === 0 || day.weekday === 1) pieces.push([]);
    (pieces[pieces.length - 1] as number[]).push(d);
  });
  const parents: number[] = [-1];
  const dayOf: number[] = [-1];
  const weights: bigint[] = [0n];
  const add = (parent: number, day: number, weight: bigint) => {
    parents.push(parent);
    dayOf.push(day);
    weights.push(weight);
    return parents.length - 1;
  };
  const quarterNodes = [0, 1, 2, 3].map(() => add(0, -1, 0n));
  const monthNodes = monthsOf.map((_, m) => add(quarterNodes[Math.floor(m / 3)] as number, -1, 0n));
  const pieceNodes = monthsOf.map((pieces, m) => pieces.map(() => add(monthNodes[m] as number, -1, 0n)));
  pieceNodes.forEach((nodes, m) => {
    nodes.forEach((node, i) => {
      for (const d of (monthsOf[m] as number[][])[i] as number[]) add(node, d, dayWeights[d] ?? 0n);
    });
  });
  // Parents come before children, so one backwards pass sums the weights up the tree.
  for (let p = parents.length - 1; p > 0; p--) {
    const parent = parents[p] as number;
    weights[parent] = (weights[parent] as bigint) + (weights[p] as bigint);
  }
  return { total, weights, parents: Int32Array.from(parents), dayOf: Int32Array.from(dayOf) };
}
