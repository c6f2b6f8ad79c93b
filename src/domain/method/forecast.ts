/**
 * Year-end forecast (method part 1 and "close 100 times"): a seeded Monte Carlo over the
 * open opportunities. Each run lets every opportunity win with its stage × class win rate,
 * prices it with its own amount or a sampled deal size of its class, and dates it with a
 * sampled cycle time from the day it entered its stage; what closes by the year end adds
 * to what is already signed. Pure and deterministic for a seed (`seededRandom`).
 */
import { fromEpochDay, type IsoDate, toEpochDay } from '../dates.js';
import type { ClassKey } from '../plan/settings.js';
import { type Random, seededRandom } from '../random.js';

/** Funnel stages an open opportunity can be in. */
export const OPEN_STAGES = ['lead', 'contacted', 'qualified', 'proposal'] as const;
/** One of {@link OPEN_STAGES}. */
export type OpenStage = (typeof OPEN_STAGES)[number];

/** An opportunity still open on `asOf`. */
export interface Opportunity {
  readonly stage: OpenStage;
  readonly class: ClassKey;
  /** Its own amount (an open deal), else null: a deal size of its class is sampled. */
  readonly amount: number | null;
  readonly enteredStageOn: IsoDate;
}

/** How often customers who entered a stage went on to win or lose, per class. */
export interface StageOutcome {
  readonly stage: OpenStage;
  readonly class: ClassKey;
  readonly won: number;
  readonly lost: number;
}

/** A win rate per stage and class, as {@link estimateWinRates} makes it. */
export interface WinRate {
  readonly stage: OpenStage;
  readonly class: ClassKey;
  readonly rate: number;
}

/** What the past says. */
export interface ForecastHistory {
  /** Must hold every stage × class an opportunity has (see {@link estimateWinRates}). */
  readonly winRates: readonly WinRate[];
  /** Signed deal amounts per class. */
  readonly dealSizes: Partial<Record<ClassKey, readonly number[]>>;
  /** Days from entering a stage to signing, per stage. */
  readonly cycleDays: Partial<Record<OpenStage, readonly number[]>>;
}

/** The simulation's input. */
export interface ForecastInput {
  readonly target: number;
  /** Signed per month of the year up to `asOf` (12 entries). */
  readonly signedByMonth: readonly number[];
  readonly asOf: IsoDate;
  readonly yearEnd: IsoDate;
  readonly opportunities: readonly Opportunity[];
  readonly history: ForecastHistory;
  readonly runs?: number;
  readonly seed?: number;
}

/** Percentiles of a total. */
export interface Band {
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
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
}

/** Default number of runs. */
export const DEFAULT_RUNS = 10_000;
/** Default seed. */
export const DEFAULT_SEED = 2013;
/** Win rate before any outcome is known (the plan's default win rate). */
export const PRIOR_WIN_RATE = 0.3;
/** How many observations the prior counts as: a class with fewer leans on its stage's rate. */
export const PRIOR_WEIGHT = 5;
/** Cycle time used when no customer has ever signed after entering any stage. */
export const DEFAULT_CYCLE_DAYS = 30;

/**
 * Win rates for every stage × class with shrinkage: the overall rate leans on
 * {@link PRIOR_WIN_RATE}, a stage's rate on the overall rate, and a class's rate within
 * a stage on its stage's rate, each prior counting as {@link PRIOR_WEIGHT} observations:
 * rate = (won + k · parentRate) / (won + lost + k). A class seen twice barely moves off its
 * stage's rate; one seen a hundred times is nearly its own.
 */
export function estimateWinRates(outcomes: readonly StageOutcome[], classes: readonly ClassKey[]): WinRate[] {
  const k = PRIOR_WEIGHT;
  const shrink = (won: number, n: number, parent: number) => (won + k * parent) / (n + k);
  const sum = (list: readonly StageOutcome[]) =>
    list.reduce((acc, o) => ({ won: acc.won + o.won, n: acc.n + o.won + o.lost }), { won: 0, n: 0 });
  const all = sum(outcomes);
  const overall = shrink(all.won, all.n, PRIOR_WIN_RATE);
  const rates: WinRate[] = [];
  for (const stage of OPEN_STAGES) {
    const s = sum(outcomes.filter((o) => o.stage === stage));
    const stageRate = shrink(s.won, s.n, overall);
    for (const cls of classes) {
      const c = sum(outcomes.filter((o) => o.stage === stage && o.class === cls));
      rates.push({ stage, class: cls, rate: shrink(c.won, c.n, stageRate) });
    }
  }
  return rates;
}

/** Runs the simulation. */
export function forecastYear(input: ForecastInput): Forecast {
  const runs = input.runs ?? DEFAULT_RUNS;
  const seed = input.seed ?? DEFAULT_SEED;
  const rand = seededRandom(seed);
  const asOf = toEpochDay(input.asOf);
  const yearEnd = toEpochDay(input.yearEnd);
  const yearStart = toEpochDay(`${input.yearEnd.slice(0, 4)}-01-01`);
  const signedSoFar = input.signedByMonth.reduce((n, v) => n + v, 0);

  const rateOf = new Map(input.history.winRates.map((w) => [`${w.stage}/${w.class}`, w.rate]));
  const allSizes = Object.values(input.history.dealSizes).flatMap((v) => [...(v ?? [])]);
  const allCycles = Object.values(input.history.cycleDays)
    .flatMap((v) => [...(v ?? [])])
    .sort((a, b) => a - b);
  const sortedCycles = new Map<OpenStage, number[]>();
  for (const stage of OPEN_STAGES) {
    const own = [...(input.history.cycleDays[stage] ?? [])].sort((a, b) => a - b);
    sortedCycles.set(stage, own.length > 0 ? own : allCycles.length > 0 ? allCycles : [DEFAULT_CYCLE_DAYS]);
  }
  let unpriced = 0;
  const opps = input.opportunities.map((o) => {
    const rate = rateOf.get(`${o.stage}/${o.class}`);
    if (rate === undefined) throw new RangeError(`no win rate for ${o.stage}/${o.class}`);
    const own = input.history.dealSizes[o.class] ?? [];
    const sizes = own.length > 0 ? own : allSizes;
    if (o.amount === null && sizes.length === 0) unpriced++;
    const entered = toEpochDay(o.enteredStageOn);
    const cycles = sortedCycles.get(o.stage) as number[];
    return {
      rate: rateGivenAge(rate, cycles, asOf - entered),
      amount: o.amount,
      sizes,
      entered,
      cycles,
    };
  });

  // Cumulative signed amount at the end of each month, and the month of each day of the year.
  const signedCumulative: number[] = [];
  let running = 0;
  for (let m = 0; m < 12; m++) {
    running += input.signedByMonth[m] ?? 0;
    signedCumulative.push(running);
  }
  const monthOfDay = (day: number) => Number(fromEpochDay(day).slice(5, 7)) - 1;
  const firstMonthAfterAsOf = asOf < yearStart ? 0 : asOf >= yearEnd ? 12 : monthOfDay(asOf + 1);

  const totals = new Float64Array(runs);
  const monthly = new Float64Array(runs * 12);
  const closesIn = new Float64Array(12);
  for (let r = 0; r < runs; r++) {
    closesIn.fill(0);
    let total = signedSoFar;
    for (const o of opps) {
      if (!(rand() < o.rate)) continue;
      const amount = o.amount ?? (o.sizes.length > 0 ? (o.sizes[pick(rand, o.sizes.length)] as number) : 0);
      const close = closeDay(o.entered, asOf, o.cycles, rand);
      if (close > yearEnd || close < yearStart) continue;
      total += amount;
      closesIn[monthOfDay(close)] = (closesIn[monthOfDay(close)] ?? 0) + amount;
    }
    totals[r] = total;
    let cumulative = 0;
    for (let m = 0; m < 12; m++) {
      cumulative += closesIn[m] ?? 0;
      monthly[r * 12 + m] = (signedCumulative[m] ?? 0) + cumulative;
    }
  }

  const sortedTotals = Array.from(totals).sort((a, b) => a - b);
  const months = Array.from({ length: 12 }, (_, m) => {
    const column = new Array<number>(runs);
    for (let r = 0; r < runs; r++) column[r] = monthly[r * 12 + m] ?? 0;
    column.sort((a, b) => a - b);
    const signed = m < firstMonthAfterAsOf ? (signedCumulative[m] ?? 0) : signedSoFar;
    return { month: m + 1, signed, ...band(column) };
  });
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
    opportunities: opps.length,
    unpriced,
  };
}

/** Nearest-rank percentiles of sorted values: every band value is a total some run reached. */
function band(sorted: readonly number[]): Band {
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p10: at(0.1), p50: at(0.5), p90: at(0.9) };
}

function pick(rand: Random, length: number): number {
  return Math.min(length - 1, Math.floor(rand() * length));
}

/**
 * The win rate of an opportunity that is still open at `age` days in its stage. Wins
 * happened after the observed cycle times, so an opportunity older than most of them is
 * less likely to be a future win (Bayes: p·S / (p·S + 1 − p), S the share of cycles at
 * least `age` long; losses are taken as not bound to a time). Older than every observed
 * cycle, S is floored at 0.5 / (n + 1) rather than 0: a stale deal can still sign.
 */
function rateGivenAge(rate: number, cycles: readonly number[], age: number): number {
  if (age <= 0 || rate <= 0 || rate >= 1) return rate;
  const tail = cycles.filter((c) => c >= age).length;
  const survival = tail > 0 ? tail / cycles.length : 0.5 / (cycles.length + 1);
  return (rate * survival) / (rate * survival + 1 - rate);
}

/**
 * The day an opportunity closes: entered + a cycle time sampled among those longer than
 * its age on `asOf` (it is still open, so shorter cycles did not happen); when it is older
 * than every observed cycle, or the cycle ends by `asOf`, it closes the day after `asOf`.
 */
function closeDay(entered: number, asOf: number, cycles: readonly number[], rand: Random): number {
  const age = asOf - entered;
  // First index whose cycle is longer than the age (cycles are sorted).
  let lo = 0;
  let hi = cycles.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cycles[mid] ?? 0) > age) hi = mid;
    else lo = mid + 1;
  }
  const tail = cycles.length - lo;
  const cycle = tail > 0 ? (cycles[lo + pick(rand, tail)] as number) : 0;
  return Math.max(entered + cycle, asOf + 1);
}
