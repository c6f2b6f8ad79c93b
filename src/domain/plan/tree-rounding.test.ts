import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../random.js';
import { type PeriodTree, roundDimension, roundDimensions, roundTree } from './tree-rounding.js';

/**
 * A random period-like tree: a root, `fanouts.length` inner levels and leaves that are days.
 * Small leaf weights and totals make many exact shares integral or halves, which is where a
 * rounding with fixed margins can get stuck.
 */
const trees = fc
  .record({
    fanouts: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    leafWeights: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 7 }),
    total: fc.integer({ min: 0, max: 300 }),
  })
  .map(({ fanouts, leafWeights, total }) => {
    const parents = [-1];
    const dayOf = [-1];
    let level = [0];
    for (const fanout of fanouts) {
      const next: number[] = [];
      for (const parent of level) {
        for (let c = 0; c < fanout; c++) {
          parents.push(parent);
          dayOf.push(-1);
          next.push(parents.length - 1);
        }
      }
      level = next;
    }
    const weights: bigint[] = parents.map(() => 0n);
    let day = 0;
    for (const parent of level) {
      for (const w of leafWeights) {
        parents.push(parent);
        dayOf.push(day++);
        weights.push(BigInt(w));
      }
    }
    for (let p = parents.length - 1; p > 0; p--) {
      const parent = parents[p] as number;
      weights[parent] = (weights[parent] as bigint) + (weights[p] as bigint);
    }
    const tree: PeriodTree = {
      total: (weights[0] as bigint) === 0n ? 0 : total,
      weights,
      parents: Int32Array.from(parents),
      dayOf: Int32Array.from(dayOf),
    };
    return { tree, days: day };
  });

/** Value weights with a positive sum. */
const valueWeights = fc
  .array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 6 })
  .filter((ws) => ws.some((w) => w > 0))
  .map((ws) => ws.map(BigInt));

/** The parts of a rounded dimension the checks read. */
type RoundedDimensionLike = { byDay: Float64Array; totals: number[] };

/** True when x is ⌊num/den⌋ or ⌈num/den⌉ (exactly, in BigInt). */
function floorOrCeil(x: number, num: bigint, den: bigint): boolean {
  const lo = num / den;
  const big = BigInt(x);
  return big === lo || (num % den !== 0n && big === lo + 1n);
}

/** Sums of the leaves' values below every node: cells[node·k + v]. */
function nodeSums(tree: PeriodTree, k: number, leafValue: (day: number, v: number) => number): number[] {
  const n = tree.parents.length;
  const sums = new Array<number>(n * k).fill(0);
  for (let p = n - 1; p >= 0; p--) {
    const day = tree.dayOf[p] as number;
    if (day >= 0) for (let v = 0; v < k; v++) sums[p * k + v] = leafValue(day, v);
    const parent = tree.parents[p] as number;
    if (parent >= 0)
      for (let v = 0; v < k; v++)
        sums[parent * k + v] = (sums[parent * k + v] as number) + (sums[p * k + v] as number);
  }
  return sums;
}

/**
 * Every cell of every node floor or ceiling of its exact share; rows = period amounts.
 * Collects the offending cells and asserts once (an expect per cell is slow in a property).
 */
function expectControlled(
  tree: PeriodTree,
  rounded: Float64Array,
  weights: readonly bigint[],
  result: RoundedDimensionLike,
): void {
  const total = BigInt(tree.total);
  const year = tree.weights[0] as bigint;
  const k = weights.length;
  const s = weights.reduce((a, b) => a + b, 0n);
  const cells = nodeSums(tree, k, (day, v) => result.byDay[day * k + v] as number);
  const wrong: string[] = [];
  for (let p = 0; p < tree.parents.length; p++) {
    let row = 0;
    for (let v = 0; v < k; v++) {
      const x = cells[p * k + v] as number;
      row += x;
      const num = total * (tree.weights[p] as bigint) * (weights[v] as bigint);
      const ok = year > 0n ? floorOrCeil(x, num, year * s) : x === 0;
      if (!ok) wrong.push(`cell ${p}×${v} = ${x}`);
    }
    if (row !== rounded[p]) wrong.push(`row ${p} = ${row}, amount ${rounded[p]}`);
  }
  expect(wrong).toEqual([]);
  expect(result.totals).toEqual(cells.slice(0, k));
}

/** Period amounts: floor or ceiling of the exact share, children adding up to parents. */
function expectTreeRounding(tree: PeriodTree, rounded: Float64Array): void {
  const total = BigInt(tree.total);
  const year = tree.weights[0] as bigint;
  expect(rounded[0]).toBe(tree.total);
  const n = rounded.length;
  const childSums = new Array<number>(n).fill(0);
  const hasChildren = new Array<boolean>(n).fill(false);
  const wrong: string[] = [];
  rounded.forEach((r, p) => {
    if (year > 0n && !floorOrCeil(r, total * (tree.weights[p] as bigint), year))
      wrong.push(`node ${p} = ${r}`);
    const parent = tree.parents[p] as number;
    if (parent >= 0) {
      childSums[parent] = (childSums[parent] as number) + r;
      hasChildren[parent] = true;
    }
  });
  rounded.forEach((r, p) => {
    if (hasChildren[p] && childSums[p] !== r) wrong.push(`children of ${p} = ${childSums[p]}, not ${r}`);
  });
  expect(wrong).toEqual([]);
}

describe('roundTree', () => {
  it('gives every node the floor or ceiling of its exact share, children adding up', () => {
    fc.assert(
      fc.property(trees, fc.integer(), ({ tree }, seed) => {
        expectTreeRounding(tree, roundTree(tree));
        // The randomised variant is a valid rounding too.
        expectTreeRounding(tree, roundTree(tree, seededRandom(seed)));
      }),
      { numRuns: 500 },
    );
  });

  it('rounds a month against its exact share, not against its rounded quarter', () => {
    // Target 2 over weights 6 | 2: quarters 1.5 and 0.5 round to 2 and 0. The first quarter's
    // months weigh 4, 1, 1, exactly 1, 0.25 and 0.25. Splitting the ROUNDED 2 by 4 : 1 : 1
    // (1.33, 0.33, 0.33) gives 2, 0, 0, one unit off the first month's exact 1; the exact
    // remainders give 1, 1, 0.
    const tree: PeriodTree = {
      total: 2,
      weights: [8n, 6n, 2n, 4n, 1n, 1n, 2n],
      parents: Int32Array.from([-1, 0, 0, 1, 1, 1, 2]),
      dayOf: Int32Array.from([-1, -1, -1, 0, 1, 2, 3]),
    };
    expect(Array.from(roundTree(tree))).toEqual([2, 2, 0, 1, 1, 0, 0]);
  });
});

describe('roundDimension', () => {
  it('always finds a rounding when it may choose the period amounts too', () => {
    fc.assert(
      fc.property(trees, valueWeights, ({ tree, days }, weights) => {
        const result = roundDimension(tree, null, weights, days);
        expect(result).not.toBeNull();
        if (result === null) return;
        expectTreeRounding(tree, result.rounded);
        expectControlled(tree, result.rounded, weights, result);
      }),
      { numRuns: 1000 },
    );
  });

  it('rounds three dimensions over shared period amounts, every cell floor or ceiling', () => {
    fc.assert(
      fc.property(
        trees,
        fc.array(valueWeights, { minLength: 1, maxLength: 3 }),
        ({ tree, days }, dimensions) => {
          const { rounded, dimensions: results } = roundDimensions(tree, roundTree(tree), dimensions, days);
          expectTreeRounding(tree, rounded);
          dimensions.forEach((weights, i) => {
            expectControlled(tree, rounded, weights, results[i] as RoundedDimensionLike);
          });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds the one rounding that fits where a fixed split of the year would not', () => {
    // Exact cells [[1.5·1/3, 1.5·2/3], [3·1/3, 3·2/3], [0.5/3, 1/3]] = [[.5, 1], [1, 2], [1/6, 1/3]]:
    // the year totals 5/3 and 10/3 could round to 1 and 4, but then no cell table exists; the
    // flow picks 2 and 3.
    const tree: PeriodTree = {
      total: 5,
      weights: [10n, 3n, 6n, 1n],
      parents: Int32Array.from([-1, 0, 0, 0]),
      dayOf: Int32Array.from([-1, 0, 1, 2]),
    };
    const rounded = roundTree(tree);
    expect(Array.from(rounded)).toEqual([5, 2, 3, 0]);
    const result = roundDimension(tree, rounded, [1n, 2n], 3);
    expect(result?.totals).toEqual([2, 3]);
    expect(Array.from(result?.byDay ?? [])).toEqual([1, 1, 1, 2, 0, 0]);
  });

  it('moves the period amounts when the first rounding of the periods leaves a dimension stuck', () => {
    // Target 30 over three months of 10 each (weights 4), each two days weighing 1 and 3:
    // days 2.5 and 7.5, tied, so every month rounds them 3 + 7. With shares 1 : 2 a 7.5 day's
    // second cell is exactly 5, so its first is 2, and a 3 day's cells are 1 and 2: every
    // month's first cell is 3 and the year's 9, but the year's exact first cell is 10.
    const tree: PeriodTree = {
      total: 30,
      weights: [12n, 4n, 4n, 4n, 1n, 3n, 1n, 3n, 1n, 3n],
      parents: Int32Array.from([-1, 0, 0, 0, 1, 1, 2, 2, 3, 3]),
      dayOf: Int32Array.from([-1, -1, -1, -1, 0, 1, 2, 3, 4, 5]),
    };
    const first = roundTree(tree);
    expect(Array.from(first.slice(4))).toEqual([3, 7, 3, 7, 3, 7]);
    expect(roundDimension(tree, first, [1n, 2n], 6)).toBeNull();
    const { rounded, dimensions } = roundDimensions(tree, first, [[1n, 2n]], 6);
    expectTreeRounding(tree, rounded);
    expectControlled(tree, rounded, [1n, 2n], dimensions[0] as RoundedDimensionLike);
    expect(dimensions[0]?.totals).toEqual([10, 20]);
  });
});
