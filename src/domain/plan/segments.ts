/**
 * Dimensions multiplied through every period. A *segment* is one market × class × member.
 * Segment totals are split so that the market, class and member totals are each exact.
 * The segments then follow the period tree down — year → quarters → months → days (weeks
 * are sums of days). At each step the parent's segments are split over its children market first, then
 * class within market, then member within market × class, each a controlled rounding
 * whose rows are the children and whose columns are the parent's amounts. So every table
 * (market by month, member by week …) is exact in both directions, the market split of
 * every period stays within a fen or two of its share, and every report is a plain sum
 * over one consistent cube.
 */
import { splitTable } from '../money.js';
import type { Spread } from './periods.js';

/** Sizes of the three dimensions. */
export interface DimensionSizes {
  readonly markets: number;
  readonly classes: number;
  readonly members: number;
}

/**
 * Segment totals, indexed `(market * classes + class) * members + member`.
 * Market × class comes from a controlled rounding of the market and class totals; each
 * market × class cell is then split over members with the member totals as the other margin.
 */
export function segmentTotals(
  marketTotals: readonly number[],
  classTotals: readonly number[],
  memberTotals: readonly number[],
): Float64Array {
  const marketClass = splitTable(marketTotals, classTotals);
  return splitTable(Array.from(marketClass), memberTotals);
}

/** Per-day totals of each dimension, row-major by day. */
export interface DailyDimensions {
  readonly byMarket: Float64Array;
  readonly byClass: Float64Array;
  readonly byMember: Float64Array;
}

/** Column `c` of a row-major table with `width` columns. */
function column(table: Float64Array, c: number, width: number, rows: number): number[] {
  const out = new Array<number>(rows);
  for (let r = 0; r < rows; r++) out[r] = table[r * width + c] ?? 0;
  return out;
}

/**
 * Splits a parent's segment amounts over its children (whose amounts sum to the parent's):
 * market first, then class within market, then member within market × class. Returns the
 * children's segment amounts, row-major (child × segment).
 */
export function splitSegments(
  childAmounts: readonly number[],
  parent: ArrayLike<number>,
  sizes: DimensionSizes,
): Float64Array {
  const { markets, classes, members } = sizes;
  const rows = childAmounts.length;
  const width = markets * classes * members;
  const out = new Float64Array(rows * width);
  const marketTotals = new Array<number>(markets).fill(0);
  const marketClass = new Array<number>(markets * classes).fill(0);
  for (let m = 0, s = 0; m < markets; m++) {
    for (let c = 0; c < classes; c++) {
      for (let p = 0; p < members; p++, s++) {
        const v = parent[s] ?? 0;
        marketTotals[m] = (marketTotals[m] ?? 0) + v;
        marketClass[m * classes + c] = (marketClass[m * classes + c] ?? 0) + v;
      }
    }
  }
  const byMarket = splitTable(childAmounts, marketTotals);
  for (let m = 0; m < markets; m++) {
    const childMarket = column(byMarket, m, markets, rows);
    const byClass = splitTable(childMarket, marketClass.slice(m * classes, (m + 1) * classes));
    for (let c = 0; c < classes; c++) {
      const childClass = column(byClass, c, classes, rows);
      const base = (m * classes + c) * members;
      const memberTotals = Array.from({ length: members }, (_, p) => parent[base + p] ?? 0);
      const byMember = splitTable(childClass, memberTotals);
      for (let r = 0; r < rows; r++) {
        for (let p = 0; p < members; p++) out[r * width + base + p] = byMember[r * members + p] ?? 0;
      }
    }
  }
  return out;
}

/**
 * Splits the spread's amounts over the segments down the period tree and sums the day
 * level into per-day market, class and member tables.
 */
export function dailyDimensions(
  spread: Spread,
  segments: Float64Array,
  sizes: DimensionSizes,
): DailyDimensions {
  const dayCount = spread.days.length;
  const { markets, classes, members } = sizes;
  const width = segments.length;
  const byMarket = new Float64Array(dayCount * markets);
  const byClass = new Float64Array(dayCount * classes);
  const byMember = new Float64Array(dayCount * members);
  const rowOf = (table: Float64Array, r: number) => table.subarray(r * width, (r + 1) * width);

  const addDay = (d: number, cells: ArrayLike<number>) => {
    for (let m = 0, s = 0; m < markets; m++) {
      for (let c = 0; c < classes; c++) {
        for (let p = 0; p < members; p++, s++) {
          const v = cells[s] ?? 0;
          if (v === 0) continue;
          // Typed arrays start at 0, so `?? 0` never changes a value; it satisfies the checker.
          byMarket[d * markets + m] = (byMarket[d * markets + m] ?? 0) + v;
          byClass[d * classes + c] = (byClass[d * classes + c] ?? 0) + v;
          byMember[d * members + p] = (byMember[d * members + p] ?? 0) + v;
        }
      }
    }
  };

  const quarterTable = splitSegments(spread.quarters, segments, sizes);
  for (let q = 0; q < 4; q++) {
    if ((spread.quarters[q] ?? 0) === 0) continue;
    const monthRows = spread.months.slice(q * 3, q * 3 + 3);
    const monthTable = splitSegments(monthRows, rowOf(quarterTable, q), sizes);
    for (let mi = 0; mi < 3; mi++) {
      const month = q * 3 + mi + 1;
      if ((monthRows[mi] ?? 0) === 0) continue;
      // Days of the month with an amount; the month's segments are split straight over them.
      const dayIndexes: number[] = [];
      spread.days.forEach((day, d) => {
        if (day.month === month && (spread.amounts[d] ?? 0) > 0) dayIndexes.push(d);
      });
      const dayTable = splitSegments(
        dayIndexes.map((d) => spread.amounts[d] ?? 0),
        rowOf(monthTable, mi),
        sizes,
      );
      dayIndexes.forEach((d, r) => {
        addDay(d, rowOf(dayTable, r));
      });
    }
  }
  return { byMarket, byClass, byMember };
}
