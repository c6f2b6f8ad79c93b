/**
 * Dimensions through every period: the market, class and member tables of each day, from
 * which every report sums its weeks, months and quarters.
 *
 * Each dimension is its own controlled rounding over the period tree (`tree-rounding.ts`):
 * every quarter, month, week piece and day × market (or class, or member) cell is the floor
 * or the ceiling of its exact share, target × the period's share of the year's weighted
 * target days × the value's share, and every row and column adds up exactly — to the
 * period's amount and to the dimension's year total. The three dimensions share only the
 * day amounts, which are themselves a controlled rounding of the periods, so they cannot
 * disagree on any period's total.
 */
import type { Spread } from './periods.js';
import { type RoundedDimension, roundDimensions } from './tree-rounding.js';

/** Exact integer weights of each dimension's values (shares, class amounts, member weights). */
export interface DimensionWeights {
  readonly markets: readonly bigint[];
  readonly classes: readonly bigint[];
  readonly members: readonly bigint[];
}

/** Per-day totals of each dimension, row-major by day, the day amounts and the year totals. */
export interface DailyDimensions {
  /** Amount per calendar day: the spread's, unless a dimension needed other roundings. */
  readonly amounts: Float64Array;
  readonly byMarket: Float64Array;
  readonly byClass: Float64Array;
  readonly byMember: Float64Array;
  readonly totals: {
    readonly markets: readonly number[];
    readonly classes: readonly number[];
    readonly members: readonly number[];
  };
}

/**
 * Rounds the three dimensions over the spread's period tree (members first: with many values
 * their cells are the most constrained; see `roundDimensions` for how the period amounts
 * they share are found).
 *
 * @param spread The year's spread (its tree and rounded amounts).
 * @param weights Exact weights per dimension; each must have a positive sum when the spread
 *   carries an amount.
 */
export function dailyDimensions(spread: Spread, weights: DimensionWeights): DailyDimensions {
  const dayCount = spread.days.length;
  const { rounded, dimensions } = roundDimensions(
    spread.tree,
    spread.rounded,
    [weights.members, weights.markets, weights.classes],
    dayCount,
  );
  const [members, markets, classes] = dimensions as [RoundedDimension, RoundedDimension, RoundedDimension];
  const amounts = new Float64Array(dayCount);
  for (let p = 0; p < rounded.length; p++) {
    const d = spread.tree.dayOf[p] as number;
    if (d >= 0) amounts[d] = rounded[p] as number;
  }
  return {
    amounts,
    byMarket: markets.byDay,
    byClass: classes.byDay,
    byMember: members.byDay,
    totals: { markets: markets.totals, classes: classes.totals, members: members.totals },
  };
}
