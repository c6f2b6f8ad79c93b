/**
 * Year-end forecast (method part 1 and "close 100 times"): a seeded Monte Carlo calibrated
 * on the workspace's own history (see `sales-history.ts`). A year-end total is
 * signed so far + what the open opportunities sign + new business from customers not in
 * the pipeline yet:
 * - an opportunity of group g signs by the year end with p = 1 − e^(−λ·H), λ its group's
 *   measured rate (wins per day at risk over windows as long as the horizon H), priced
 *   with its own open deals or a sampled signed deal of its class;
 * - new business is a Poisson count of deals at the measured run-rate, each a sampled deal
 *   of those that were new business.
 * Every rate is drawn per run from its gamma posterior (few observations → wide) and times
 * one common multiplier per run whose variance is measured on past quarters (a good or bad
 * season moves all deals together); that is what makes the band as wide as history was.
 *
 * Common random numbers: each opportunity draws from its own stream, seeded by the run's
 * seed and the opportunity's key, and draws the same three numbers every run whatever it
 * does with them; rates and new business have their own streams. So adding or removing an
 * opportunity changes the other runs' outcomes not at all — every run's total moves by
 * exactly that opportunity's amount or nothing. Pure and deterministic for a seed.
 */
import { fromEpochDay, type IsoDate, toEpochDay } from '../dates.js';
import { gamma, poisson, seededRandom } from '../random.js';
import {
  FORECAST_GROUPS,
  type ForecastGroup,
  type MeasuredHistory,
  type OpenOpportunity,
} from './sales-history.js';

export { FORECAST_GROUPS, type ForecastGroup, type OpenOpportunity } from './sales-history.js';

/** The simulation's input. */
export interface ForecastInput {
  readonly target: number;
  /** Signed per month of the year up to `asOf` (12 entries). */
  readonly signedByMonth: readonly number[];
  readonly asOf: IsoDate;
  readonly yearEnd: IsoDate;
  readonly opportunities: readonly OpenOpportunity[];
  /** The history as measured on `asOf` for this horizon ({@link measureHistory}). */
  readonly measured: MeasuredHistory;
  readonly runs?: number;
  readonly seed?: number;
}

/** Percentiles of a total. */
export interface Band {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
}

/** Why the forecast says what it says: the mean of each part (rounded separately). */
export interface ForecastBreakdown {
  readonly signedSoFar: number;
  /** Open pipeline per group, in {@link FORECAST_GROUPS} order (groups without opportunities too). */
  readonly groups: readonly {
    readonly group: ForecastGroup;
    readonly opportunities: number;
    /** Mean chance that one of them signs by the year end (the measured rate over the horizon). */
    readonly winProbability: number;
    /** Mean amount the group signs by the year end. */
    readonly expected: number;
  }[];
  /** Customers not in the pipeline today: mean amount and number of deals by the year end. */
  readonly newBusiness: { readonly expected: number; readonly deals: number };
}

/** The forecast. */
export interface Forecast extends Band {
  readonly runs: number;
  readonly seed: number;
  readonly target: number;
  readonly signedSoFar: number;
  /** Mean year-end total, rounded to the fen. */
  readonly expected: number;
  /** Share of runs whose year-end total reaches the target. */
  readonly probabilityOfTarget: number;
  /** Cumulative totals per month of the year (the fan chart), with the signed amount so far. */
  readonly months: readonly (Band & { readonly month: number; readonly signed: number })[];
  readonly opportunities: number;
  /** Opportunities without an amount and without any deal size to sample (counted as 0). */
  readonly unpriced: number;
  /** Days from `asOf` to the year end. */
  readonly horizonDays: number;
  readonly breakdown: ForecastBreakdown;
}

/** Default number of runs: every surface (API, CLI, web) uses these two, never its own. */
export const DEFAULT_RUNS = 10_000;
/** Default seed. */
export const DEFAULT_SEED = 2013;
/**
 * Weight of the pooled rate (all groups together) in a group's rate, in effective days at
 * risk: a group seen for a few days leans on the pool, one seen for years is its own.
 */
export const PRIOR_EXPOSURE_DAYS = 90;

/**
 * Simulated run-opportunity pairs between two pauses of `forecastSteps`: a few milliseconds
 * of work, so a server running the forecast answers other requests in between.
 */
export const STEP_WORK = 200_000;

/** Runs the simulation at once (the CLI, the backtest, the tests). */
export function forecastYear(input: ForecastInput): Forecast {
  const steps = forecastSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The simulation, pausing (a `yield`) after every STEP_WORK simulated run-opportunity pairs
 * and the result as its return value: the caller decides what a pause does (a server gives
 * the event loop a turn). The numbers are those of `forecastYear`, pause or not.
 */
export function* forecastSteps(input: ForecastInput): Generator<void, Forecast, void> {
  const runs = input.runs ?? DEFAULT_RUNS;
  const seed = input.seed ?? DEFAULT_SEED;
  const asOf = toEpochDay(input.asOf);
  const yearEnd = toEpochDay(input.yearEnd);
  const yearStart = toEpochDay(`${input.yearEnd.slice(0, 4)}-01-01`);
  const horizon = Math.max(0, yearEnd - asOf);
  const signedSoFar = input.signedByMonth.reduce((n, v) => n + v, 0);
  const m = input.measured;
  const monthOfDay = (day: number) => Number(fromEpochDay(day).slice(5, 7)) - 1;

  // Windows overlap (a cut every week, each as long as the horizon), so one real day at risk
  // is counted several times: divide by the overlap to get what was really observed.
  const meanWindow = m.cuts > 0 ? m.newBusiness.windowDays / m.cuts : 0;
  const overlap = Math.max(1, meanWindow / 7);
  // A common multiplier per run (mean 1, variance as measured): good and bad seasons.
  const shockRand = seededRandom(streamSeed(seed, '#shock'));
  const shocks = new Float64Array(runs).fill(1);
  if (m.shockVariance > 1e-6) {
    const k = 1 / m.shockVariance;
    for (let r = 0; r < runs; r++) shocks[r] = gamma(shockRand, k) / k;
  }

  // Per run and group: a rate drawn from its gamma posterior, and the chance to sign by the year end.
  const paramRand = seededRandom(streamSeed(seed, '#rates'));
  let pooledWins = 0;
  let pooledDays = 0;
  for (const g of FORECAST_GROUPS) {
    pooledWins += m.groups[g].wins;
    pooledDays += m.groups[g].exposureDays;
  }
  const pooled = pooledDays > 0 ? pooledWins / pooledDays : 0;
  const rateOf = new Map<ForecastGroup, Float64Array>();
  const chanceOf = new Map<ForecastGroup, Float64Array>();
  for (const g of FORECAST_GROUPS) {
    const shape = m.groups[g].wins / overlap + pooled * PRIOR_EXPOSURE_DAYS;
    const rate = m.groups[g].exposureDays / overlap + PRIOR_EXPOSURE_DAYS;
    const lambdas = new Float64Array(runs);
    const chances = new Float64Array(runs);
    for (let r = 0; r < runs; r++) {
      const lambda = shape > 0 ? ((shocks[r] ?? 1) * gamma(paramRand, shape)) / rate : 0;
      lambdas[r] = lambda;
      chances[r] = 1 - Math.exp(-lambda * horizon);
    }
    rateOf.set(g, lambdas);
    chanceOf.set(g, chances);
  }

  const allSizes = Object.values(m.dealSizes).flatMap((v) => [...(v ?? [])]);
  const totals = new Float64Array(runs).fill(signedSoFar);
  const closes = new Float64Array(runs * 12);
  const groupSum = new Map<ForecastGroup, number>(FORECAST_GROUPS.map((g) => [g, 0]));
  const groupCount = new Map<ForecastGroup, number>(FORECAST_GROUPS.map((g) => [g, 0]));
  let unpriced = 0;
  let work = 0;
  for (const o of input.opportunities) {
    work += runs;
    if (work >= STEP_WORK) {
      work = 0;
      yield;
    }
    const own = m.dealSizes[o.class] ?? [];
    const sizes = own.length > 0 ? own : allSizes;
    if (o.amount === null && sizes.length === 0) unpriced++;
    groupCount.set(o.group, (groupCount.get(o.group) ?? 0) + 1);
    const rand = seededRandom(streamSeed(seed, o.key));
    const lambdas = rateOf.get(o.group) as Float64Array;
    const chances = chanceOf.get(o.group) as Float64Array;
    let sum = 0;
    for (let r = 0; r < runs; r++) {
      // Always three draws, so this opportunity's stream stays aligned run by run.
      const win = rand();
      const size = rand();
      const when = rand();
      if (!(win < (chances[r] ?? 0))) continue;
      const amount = o.amount ?? (sizes.length > 0 ? (sizes[index(size, sizes.length)] as number) : 0);
      const day = asOf + closeAfter(lambdas[r] ?? 0, horizon, when);
      if (day > yearEnd || day < yearStart) continue;
      totals[r] = (totals[r] ?? 0) + amount;
      const at = r * 12 + monthOfDay(day);
      closes[at] = (closes[at] ?? 0) + amount;
      sum += amount;
    }
    groupSum.set(o.group, (groupSum.get(o.group) ?? 0) + sum);
  }

  // New business: a gamma-mixed Poisson count of deals, each dated uniformly in the horizon.
  const nb = m.newBusiness;
  const newRand = seededRandom(streamSeed(seed, '#new'));
  const mean = nb.perDay * horizon;
  const measuredDeals = nb.deals / overlap;
  // The rate's own uncertainty: a gamma with as many effective deals as were measured.
  const shape = measuredDeals + 0.5;
  let newSum = 0;
  let newCount = 0;
  if (mean > 0 && nb.sizes.length > 0 && horizon > 0) {
    for (let r = 0; r < runs; r++) {
      if (r > 0 && r % STEP_WORK === 0) yield;
      const lambda = ((shocks[r] ?? 1) * gamma(newRand, shape) * mean) / shape;
      const n = poisson(newRand, lambda);
      newCount += n;
      for (let i = 0; i < n; i++) {
        const amount = nb.sizes[index(newRand(), nb.sizes.length)] as number;
        const day = asOf + 1 + index(newRand(), horizon);
        if (day > yearEnd || day < yearStart) continue;
        totals[r] = (totals[r] ?? 0) + amount;
        const at = r * 12 + monthOfDay(day);
        closes[at] = (closes[at] ?? 0) + amount;
        newSum += amount;
      }
    }
  }

  // Cumulative signed amount at the end of each month.
  const signedCumulative: number[] = [];
  let running = 0;
  for (let mo = 0; mo < 12; mo++) {
    running += input.signedByMonth[mo] ?? 0;
    signedCumulative.push(running);
  }
  const firstMonthAfterAsOf = asOf < yearStart ? 0 : asOf >= yearEnd ? 12 : monthOfDay(asOf + 1);
  const column = new Float64Array(runs);
  const cumulative = new Float64Array(runs);
  const months = Array.from({ length: 12 }, (_, mo) => {
    for (let r = 0; r < runs; r++) {
      cumulative[r] = (cumulative[r] ?? 0) + (closes[r * 12 + mo] ?? 0);
      column[r] = (signedCumulative[mo] ?? 0) + (cumulative[r] ?? 0);
    }
    const signed = mo < firstMonthAfterAsOf ? (signedCumulative[mo] ?? 0) : signedSoFar;
    return { month: mo + 1, signed, ...band(Float64Array.from(column).sort()) };
  });
  const sortedTotals = Float64Array.from(totals).sort();
  let reached = 0;
  let sum = 0;
  for (const t of sortedTotals) {
    sum += t;
    if (t >= input.target) reached++;
  }
  return {
    runs,
    seed,
    target: input.target,
    signedSoFar,
    expected: Math.round(sum / runs),
    probabilityOfTarget: reached / runs,
    ...band(sortedTotals),
    months,
    opportunities: input.opportunities.length,
    unpriced,
    horizonDays: horizon,
    breakdown: {
      signedSoFar,
      groups: FORECAST_GROUPS.map((g) => ({
        group: g,
        opportunities: groupCount.get(g) ?? 0,
        winProbability: meanOf(chanceOf.get(g) as Float64Array),
        expected: Math.round((groupSum.get(g) ?? 0) / runs),
      })),
      newBusiness: { expected: Math.round(newSum / runs), deals: newCount / runs },
    },
  };
}

/** Nearest-rank percentiles of sorted values: every band value is a total some run reached. */
function band(sorted: ArrayLike<number>): Band {
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}

function meanOf(values: Float64Array): number {
  let s = 0;
  for (const v of values) s += v;
  return values.length > 0 ? s / values.length : 0;
}

/** An index in [0, length) from a uniform draw. */
function index(u: number, length: number): number {
  return Math.min(length - 1, Math.floor(u * length));
}

/**
 * Days after asOf a win closes, given that it closes within the horizon: an exponential
 * waiting time with rate λ truncated to (0, H], at least one day.
 */
function closeAfter(lambda: number, horizon: number, u: number): number {
  if (horizon <= 0) return 1;
  const t = lambda > 0 ? -Math.log(1 - u * (1 - Math.exp(-lambda * horizon))) / lambda : u * horizon;
  return Math.min(horizon, Math.max(1, Math.ceil(t)));
}

/** A 32-bit seed for the stream of `key` under `seed` (FNV-1a, then a final mix). */
export function streamSeed(seed: number, key: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
