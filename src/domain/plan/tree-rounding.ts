/**
 * Controlled rounding down the period tree (year → quarters → months → week pieces → days).
 *
 * Every node P of the tree has an exact share of the target, R(P) = T · W(P) / W, where W(P)
 * is the node's weighted target days and W the year's. A dimension (markets, classes or
 * members) with integer weights s_v (Σ s = S) gives every node × value cell the exact share
 * E(P, v) = R(P) · s_v / S. This module rounds
 *
 * 1. the tree itself (`roundTree`): every node gets ⌊R(P)⌋ or ⌈R(P)⌉ and the children of a
 *    node add up to it. Top down, each parent's surplus over the children's floors goes to
 *    the children with the largest EXACT remainders. That is always possible: Σ⌊R(ch)⌋ ≤
 *    ⌊R(P)⌋ ≤ r(P) ≤ ⌈R(P)⌉ ≤ Σ⌈R(ch)⌉. (Splitting the ROUNDED parent instead, as a plain
 *    largest-remainder split does, lets a month drift up to two units from its share.)
 * 2. one dimension over the rounded tree (`roundDimension`): every cell E(P, v) at every
 *    level gets its floor or ceiling, the cells of a node add up to the node's rounded amount,
 *    and the children's cells add up to the parent's. The year's cells (the dimension's year
 *    totals) are floor or ceiling of T · s_v / S too.
 *
 * Why a flow: with x(P, v) = ⌊E(P, v)⌋ + y(P, v), y ∈ {0, 1} where E is fractional, each
 * column is a tree through which units flow from the year down to the days, each day taking
 * exactly the units its rounded amount needs. Node P of column v must pass on
 * b(P, v) = ⌊E(P, v)⌋ − Σ ⌊E(child, v)⌋ units plus the one it may receive, and each child
 * arc carries at most one. That is an integral max-flow problem (`../max-flow.ts`). When the
 * flow may also choose the period amounts (free rows: the units then climb the period tree
 * from the days to the year, one more at most where a period's share is fractional), the
 * exact table is a fractional flow of a network with integer bounds, so an integral one exists
 * (the network is two laminar families: Cox's controlled rounding, extended to the tree).
 *
 * With FIXED period amounts a dimension can have no rounding (a small example is in the
 * tests: tied days rounded the same way in every month pile their extra units into one
 * column of the year). And the three dimensions must share the period amounts, which no
 * single flow can express. So `roundDimensions` tries the amounts of `roundTree` first, and
 * when a dimension does not fit, the amounts that dimension's free flow chooses, or a random
 * valid rounding of the periods (seeded). Random trees with tiny weights and totals, where
 * this is hardest, needed another try in about 1 case in 800 and never more than the limit.
 *
 * Exact arithmetic: shares are compared as BigInt numerators over a common denominator;
 * nothing here rounds a float.
 */
import { FlowNetwork } from '../max-flow.js';
import { type Random, seededRandom } from '../random.js';

/** The period tree: nodes in top-down order, each parent before its children. */
export interface PeriodTree {
  /** The target T (minor units), a safe integer. */
  readonly total: number;
  /** W(P) per node: integer weighted target days; the root holds W. */
  readonly weights: readonly bigint[];
  /** Parent index per node, −1 for the root (node 0). */
  readonly parents: Int32Array;
  /** For leaves (days) the calendar day index, −1 for inner nodes. */
  readonly dayOf: Int32Array;
}

/** A rounded dimension: cells per calendar day and the year totals per value. */
export interface RoundedDimension {
  /** Row-major day × value (days without a target are all zero). */
  readonly byDay: Float64Array;
  /** The year's cells: the dimension's year totals. */
  readonly totals: number[];
  /** The period amounts the cells add up to (the given ones, or those the flow chose). */
  readonly rounded: Float64Array;
}

/**
 * Rounds every node of the tree to ⌊R(P)⌋ or ⌈R(P)⌉, children adding up to their parent.
 * Each parent's surplus goes to the children with the largest exact remainders (ties to the
 * lower index) or, with `random`, to fractional children picked at random with the larger
 * remainders likelier: another valid rounding, for when a dimension does not fit the first.
 * Returns the rounded amount per node (same order as the tree).
 */
export function roundTree(tree: PeriodTree, random?: Random): Float64Array {
  const n = tree.parents.length;
  const rounded = new Float64Array(n);
  const denominator = tree.weights[0] ?? 0n;
  if (n === 0 || tree.total === 0 || denominator === 0n) return rounded;
  const t = BigInt(tree.total);
  const floors = new Float64Array(n);
  const remainders: bigint[] = new Array<bigint>(n).fill(0n);
  for (let i = 0; i < n; i++) {
    const numerator = t * (tree.weights[i] as bigint);
    floors[i] = Number(numerator / denominator);
    remainders[i] = numerator % denominator;
  }
  rounded[0] = tree.total;
  // Children of a node are contiguous (top-down order); walk them per parent.
  let i = 1;
  while (i < n) {
    const parent = tree.parents[i] as number;
    let end = i;
    let floorSum = 0;
    while (end < n && tree.parents[end] === parent) floorSum += floors[end++] as number;
    let extra = (rounded[parent] as number) - floorSum;
    const order: number[] = [];
    for (let c = i; c < end; c++) {
      rounded[c] = floors[c] as number;
      if ((remainders[c] as bigint) > 0n) order.push(c);
    }
    if (random) {
      // Any `extra` of the fractional children will do; larger remainders are likelier.
      const keys = new Map(
        order.map((c) => [c, Number(remainders[c] as bigint) / Number(denominator) + random()]),
      );
      order.sort((a, b) => (keys.get(b) as number) - (keys.get(a) as number) || a - b);
    } else {
      order.sort((a, b) => {
        const ra = remainders[a] as bigint;
        const rb = remainders[b] as bigint;
        return ra > rb ? -1 : ra < rb ? 1 : a - b;
      });
    }
    for (const c of order) {
      if (extra <= 0) break;
      rounded[c] = (rounded[c] as number) + 1;
      extra--;
    }
    if (extra !== 0) throw new RangeError('tree rounding: the parent is not a rounding of its exact share');
    i = end;
  }
  return rounded;
}

/**
 * Rounds one dimension over the period tree (see the module comment): every node × value
 * cell the floor or ceiling of its exact share, each node's cells adding up to its amount,
 * children's cells to their parent's.
 *
 * @param tree The period tree.
 * @param rounded The period amounts to keep (e.g. `roundTree(tree)`, or what another
 *   dimension chose), or null to let the flow choose them too (each still ⌊R(P)⌋ or ⌈R(P)⌉,
 *   children adding up).
 * @param valueWeights Integer weights s_v of the dimension's values (not all zero when T > 0).
 * @param dayCount Number of calendar days (rows of `byDay`).
 * @returns The rounding, or null when none exists for the given period amounts. With free
 *   period amounts (`rounded` null) a rounding always exists: the exact table is a fractional
 *   flow of the network, and a network with integer bounds that has a fractional flow has an
 *   integral one.
 */
export function roundDimension(
  tree: PeriodTree,
  rounded: Float64Array | null,
  valueWeights: readonly bigint[],
  dayCount: number,
): RoundedDimension | null {
  const k = valueWeights.length;
  const n = tree.parents.length;
  const byDay = new Float64Array(dayCount * k);
  const totals = new Array<number>(k).fill(0);
  const weightSum = valueWeights.reduce((a, b) => a + b, 0n);
  const yearWeight = tree.weights[0] ?? 0n;
  if (tree.total === 0 || n === 0 || yearWeight === 0n)
    return { byDay, totals, rounded: new Float64Array(n) };
  if (weightSum === 0n) throw new RangeError('cannot round a dimension whose weights are all 0');

  // Values of equal weight have equal exact cells everywhere, so the flow runs on one column
  // per distinct weight, carrying up to `size` units per arc, and the units are dealt out to
  // the values afterwards (`dealOut`). A team of 1,000 with five distinct weights is a
  // five-column problem.
  const distinct = new Map<bigint, number>();
  const members: number[][] = [];
  for (let v = 0; v < k; v++) {
    const w = valueWeights[v] as bigint;
    let c = distinct.get(w);
    if (c === undefined) {
      c = distinct.size;
      distinct.set(w, c);
      members.push([]);
    }
    (members[c] as number[]).push(v);
  }
  const weightsByClass = [...distinct.keys()];
  const classes = weightsByClass.length;
  const size = members.map((m) => m.length);
  // lo[P·classes + c] = ⌊E(P, v)⌋ and frac[…] = 1 when E(P, v) is not an integer.
  const lo = new Float64Array(n * classes);
  const frac = new Uint8Array(n * classes);
  const denominator = yearWeight * weightSum;
  const t = BigInt(tree.total);
  // Nodes of equal weight (the days of a month, most week pieces) have equal cells: BigInt
  // division once per distinct node weight, then copies.
  const firstOfWeight = new Map<bigint, number>();
  for (let p = 0; p < n; p++) {
    const weight = tree.weights[p] as bigint;
    if (weight === 0n) continue;
    const same = firstOfWeight.get(weight);
    if (same !== undefined) {
      lo.copyWithin(p * classes, same * classes, (same + 1) * classes);
      frac.copyWithin(p * classes, same * classes, (same + 1) * classes);
      continue;
    }
    firstOfWeight.set(weight, p);
    const share = t * weight;
    for (let c = 0; c < classes; c++) {
      const numerator = share * (weightsByClass[c] as bigint);
      lo[p * classes + c] = Number(numerator / denominator);
      frac[p * classes + c] = numerator % denominator === 0n ? 0 : 1;
    }
  }
  // b(P, c) = ⌊E(P)⌋ − Σ ⌊E(child)⌋: units node P must hand down on its own, per value.
  const handDown = Float64Array.from(lo);
  for (let p = 1; p < n; p++) {
    const parent = tree.parents[p] as number;
    for (let c = 0; c < classes; c++) {
      handDown[parent * classes + c] =
        (handDown[parent * classes + c] as number) - (lo[p * classes + c] as number);
    }
  }

  // Nodes: per class one per inner tree node; one per group of days (the days of one week
  // piece with the same weight have the same cells, so they share a node and their units are
  // dealt out afterwards, like the values of a class); with free rows one per inner tree node
  // for the period's own amount; then source, year pool and sink.
  const innerIndex = new Int32Array(n).fill(-1);
  let inner = 0;
  const groupDays: number[][] = [];
  const groupParent: number[] = [];
  const groupByKey = new Map<string, number>();
  for (let p = 0; p < n; p++) {
    if ((tree.dayOf[p] as number) < 0) {
      innerIndex[p] = inner++;
      continue;
    }
    if ((tree.weights[p] as bigint) === 0n) continue;
    const key = `${tree.parents[p]}:${tree.weights[p]}`;
    let g = groupByKey.get(key);
    if (g === undefined) {
      g = groupDays.length;
      groupByKey.set(key, g);
      groupDays.push([]);
      groupParent.push(tree.parents[p] as number);
    }
    (groupDays[g] as number[]).push(p);
  }
  const groupCount = groupDays.length;
  const innerNode = (p: number, c: number) => c * inner + (innerIndex[p] as number);
  const groupNode = (g: number) => classes * inner + g;
  const rowNode = (p: number) => classes * inner + groupCount + (innerIndex[p] as number);
  const source = classes * inner + groupCount + (rounded ? 0 : inner);
  const pool = source + 1;
  const sink = source + 2;
  const network = new FlowNetwork(sink + 1, 3 * classes * n + 2 * n + 2);

  // The year's cells: floors are given, the pool hands out the T − Σ floors extra units.
  let yearFloors = 0;
  for (let c = 0; c < classes; c++) yearFloors += (size[c] as number) * (lo[c] as number);
  if (tree.total > yearFloors) network.addArc(source, pool, tree.total - yearFloors);
  // Arcs are tried last-added first: add the classes with the largest remainders last, so the
  // flow's first choice for the year totals is the largest-remainder one.
  const yearRemainder = weightsByClass.map((w) => (t * yearWeight * w) % denominator);
  const yearOrder = weightsByClass.map((_, c) => c);
  yearOrder.sort((a, b) => {
    const ra = yearRemainder[a] as bigint;
    const rb = yearRemainder[b] as bigint;
    return ra > rb ? 1 : ra < rb ? -1 : b - a;
  });
  // arcOf[P·classes + c]: the arc into (P, c) from its parent (the pool for the year), or −1.
  const arcOf = new Int32Array(n * classes).fill(-1);
  for (const c of yearOrder) {
    if (frac[c]) arcOf[c] = network.addArc(pool, innerNode(0, c), size[c] as number);
  }
  for (let c = 0; c < classes; c++) {
    const m = size[c] as number;
    for (let p = 0; p < n; p++) {
      if ((innerIndex[p] as number) >= 0) {
        const units = m * (handDown[p * classes + c] as number);
        if (units > 0) network.addArc(source, innerNode(p, c), units);
      }
      if (p === 0 || (innerIndex[p] as number) < 0 || !frac[p * classes + c]) continue;
      arcOf[p * classes + c] = network.addArc(innerNode(tree.parents[p] as number, c), innerNode(p, c), m);
    }
  }
  // groupArcs[g·classes + c]: the arc from the week piece's (P, c) into the group, or −1.
  const groupArcs = new Int32Array(groupCount * classes).fill(-1);
  for (let g = 0; g < groupCount; g++) {
    const days = groupDays[g] as number[];
    const first = days[0] as number;
    for (let c = 0; c < classes; c++) {
      if (!frac[first * classes + c]) continue;
      const from = innerNode(groupParent[g] as number, c);
      groupArcs[g * classes + c] = network.addArc(from, groupNode(g), (size[c] as number) * days.length);
    }
  }

  let required = 0;
  const rowArcs = new Int32Array(n).fill(-1);
  const rowFloors = new Float64Array(n);
  const cellFloors = (p: number) => {
    let floors = 0;
    for (let c = 0; c < classes; c++) floors += (size[c] as number) * (lo[p * classes + c] as number);
    return floors;
  };
  const groupUp = new Int32Array(groupCount).fill(-1);
  if (rounded) {
    // Each day takes what its amount needs beyond the floors of its cells.
    for (let p = 0; p < n; p++) {
      if ((tree.dayOf[p] as number) >= 0 && (tree.weights[p] as bigint) === 0n && rounded[p] !== 0)
        return null;
    }
    for (let g = 0; g < groupCount; g++) {
      const days = groupDays[g] as number[];
      const floors = cellFloors(days[0] as number);
      let need = 0;
      for (const d of days) {
        if ((rounded[d] as number) < floors) return null;
        need += (rounded[d] as number) - floors;
      }
      if (need > 0) network.addArc(groupNode(g), sink, need);
      required += need;
    }
  } else {
    // Free rows: the units climb the period tree from the days to the year, each period
    // keeping ⌊R(P)⌋ − Σ ⌊R(child)⌋ and passing at most one more up where R(P) is fractional.
    const remainderZero = new Uint8Array(n);
    for (let p = 0; p < n; p++) {
      const numerator = t * (tree.weights[p] as bigint);
      rowFloors[p] = Number(numerator / yearWeight);
      remainderZero[p] = numerator % yearWeight === 0n ? 1 : 0;
    }
    const keep = Float64Array.from(rowFloors);
    for (let p = 1; p < n; p++) {
      const parent = tree.parents[p] as number;
      keep[parent] = (keep[parent] as number) - (rowFloors[p] as number);
    }
    for (let p = 0; p < n; p++) {
      if ((innerIndex[p] as number) < 0) continue;
      const units = keep[p] as number;
      if (units < 0) throw new RangeError('tree rounding: a period is below the floors of its cells');
      if (units > 0) network.addArc(rowNode(p), sink, units);
      required += units;
      if (p > 0 && !remainderZero[p])
        rowArcs[p] = network.addArc(rowNode(p), rowNode(tree.parents[p] as number), 1);
    }
    for (let g = 0; g < groupCount; g++) {
      const days = groupDays[g] as number[];
      const first = days[0] as number;
      const units = days.length * ((rowFloors[first] as number) - cellFloors(first));
      if (units < 0) throw new RangeError('tree rounding: a day is below the floors of its cells');
      if (units > 0) network.addArc(groupNode(g), sink, units);
      required += units;
      if (!remainderZero[first])
        groupUp[g] = network.addArc(groupNode(g), rowNode(groupParent[g] as number), days.length);
    }
  }
  // Fewer units than needed: a cut of the network is too narrow, no rounding exists.
  if (network.maxFlow(source, sink) !== required) return null;

  let amounts = rounded;
  if (!amounts) {
    // Each period's amount: its floor plus the unit it passed up, if any.
    amounts = new Float64Array(n);
    for (let p = 0; p < n; p++) {
      const arc = rowArcs[p] as number;
      amounts[p] = (rowFloors[p] as number) + (arc >= 0 ? network.flowOn(arc) : 0);
    }
    amounts[0] = tree.total;
    // A group's days: the first ones take the units it passed up.
    for (let g = 0; g < groupCount; g++) {
      const arc = groupUp[g] as number;
      const up = arc >= 0 ? network.flowOn(arc) : 0;
      const days = groupDays[g] as number[];
      for (let i = 0; i < days.length; i++) {
        const d = days[i] as number;
        amounts[d] = (rowFloors[d] as number) + (i < up ? 1 : 0);
      }
    }
  }

  // Each group's units per class go to its days round the circle, days needing one more unit
  // first. A day needs ⌊Y⌋ or ⌈Y⌉ units (its amount is a floor or ceiling of the same share),
  // so, as in `dealOut` below, each day gets exactly what it needs; and no day gets more units
  // of a class than the class has values (a run of at most size × days units round a circle
  // of days).
  const leafUnits = new Float64Array(n * classes);
  for (let g = 0; g < groupCount; g++) {
    const days = groupDays[g] as number[];
    const floors = cellFloors(days[0] as number);
    const least = Math.min(...days.map((d) => (amounts[d] as number) - floors));
    const order = [
      ...days.filter((d) => (amounts[d] as number) - floors > least),
      ...days.filter((d) => (amounts[d] as number) - floors === least),
    ];
    let pointer = 0;
    for (let c = 0; c < classes; c++) {
      const arc = groupArcs[g * classes + c] as number;
      const units = arc >= 0 ? network.flowOn(arc) : 0;
      for (let i = 0; i < units; i++) {
        const d = order[pointer] as number;
        leafUnits[d * classes + c] = (leafUnits[d * classes + c] as number) + 1;
        pointer = pointer + 1 === order.length ? 0 : pointer + 1;
      }
    }
  }

  // Deal each class's units out to its values, top down: `extra[p·k + v]` = 1 when value v's
  // cell at node p is its ceiling.
  const extra = new Uint8Array(n * k);
  const flowInto = (p: number, c: number) => {
    if ((innerIndex[p] as number) < 0) return leafUnits[p * classes + c] as number;
    const arc = arcOf[p * classes + c] as number;
    return arc >= 0 ? network.flowOn(arc) : 0;
  };
  const childrenStart = new Int32Array(n + 1).fill(n);
  for (let p = n - 1; p >= 1; p--) childrenStart[tree.parents[p] as number] = p;
  for (let c = 0; c < classes; c++) {
    const values = members[c] as number[];
    // The year: the first values of the class get its extra units.
    const yearUnits = flowInto(0, c);
    for (let i = 0; i < yearUnits; i++) extra[values[i] as number] = 1;
    for (let p = 0; p < n; p++) {
      if ((innerIndex[p] as number) < 0) continue;
      const first = childrenStart[p] as number;
      if (first >= n) continue;
      dealOut(p, first, c, values);
    }
  }

  /**
   * Hands the units of node p (class c) to its children: value v has b(p) + extra(p, v)
   * units, child ch takes flowInto(ch) of them, at most one per value. Values with the extra
   * unit go first, then the children take consecutive runs of values round the circle. Since
   * every run is at most the class size, no value gives one child two units; and since the
   * runs cover the circle evenly, the values at the front (exactly those with b + 1 units)
   * give one more than the rest: each value gives exactly what it has.
   */
  function dealOut(p: number, first: number, c: number, values: readonly number[]): void {
    const m = values.length;
    const order: number[] = [];
    for (const v of values) if (extra[p * k + v]) order.push(v);
    for (const v of values) if (!extra[p * k + v]) order.push(v);
    let pointer = 0;
    for (let ch = first; ch < n && tree.parents[ch] === p; ch++) {
      const units = flowInto(ch, c);
      for (let i = 0; i < units; i++) {
        extra[ch * k + (order[pointer] as number)] = 1;
        pointer = pointer + 1 === m ? 0 : pointer + 1;
      }
    }
  }

  for (let c = 0; c < classes; c++) {
    for (const v of members[c] as number[]) {
      totals[v] = (lo[c] as number) + (extra[v] as number);
      for (let p = 0; p < n; p++) {
        const d = tree.dayOf[p] as number;
        if (d >= 0) byDay[d * k + v] = (lo[p * classes + c] as number) + (extra[p * k + v] as number);
      }
    }
  }
  return { byDay, totals, rounded: amounts };
}

/** Period roundings tried before giving up. */
const MAX_ATTEMPTS = 24;

/**
 * Rounds several dimensions that share the period amounts.
 *
 * A dimension may have no controlled rounding for given period amounts (e.g. when ties in the
 * period rounding repeat the same pattern in every month and a dimension's cells are whole
 * numbers there, the months' extra units pile up in one column of the quarter). So: try
 * `initial` for every dimension; when one does not fit, try in turn the period amounts that
 * dimension's own flow chooses (they fit it, and are a valid rounding of the periods) and a
 * random valid rounding of the periods (seeded, so the result is the same on every run).
 *
 * @returns The period amounts used and one rounding per dimension (same order).
 * @throws RangeError when no common period amounts are found in MAX_ATTEMPTS tries (a bug
 *   report, not bad input; the property tests have not produced one).
 */
export function roundDimensions(
  tree: PeriodTree,
  initial: Float64Array,
  dimensions: readonly (readonly bigint[])[],
  dayCount: number,
): { rounded: Float64Array; dimensions: RoundedDimension[] } {
  let rounded = initial;
  const random = seededRandom(0x5eed);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const results: RoundedDimension[] = [];
    let failed: readonly bigint[] | null = null;
    for (const weights of dimensions) {
      const result = roundDimension(tree, rounded, weights, dayCount);
      if (result === null) {
        failed = weights;
        break;
      }
      results.push(result);
    }
    if (failed === null) return { rounded, dimensions: results };
    // With free rows a rounding always exists (see roundDimension).
    rounded =
      attempt % 2 === 0
        ? (roundDimension(tree, null, failed, dayCount) as RoundedDimension).rounded
        : roundTree(tree, random);
  }
  throw new RangeError('no period amounts found that every dimension can be rounded to');
}
