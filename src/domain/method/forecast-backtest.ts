/**
 * Backtest of the forecast: cut a history at many days, forecast the rest of that year
 * using only what was known at the cut (`snapshotAt` and `measureHistory` read nothing
 * later), and compare with what was then signed. Reports how often the outcome fell inside
 * P10–P90, the mean absolute error of P50, and the Brier score of P(reaching the target).
 * Pure; the same simulation and defaults as the live forecast except `runs`.
 */
import { type IsoDate, toEpochDay } from '../dates.js';
import { forecastYear } from './forecast.js';
import { indexHistory, measureHistory, type SalesHistory, snapshotAt } from './sales-history.js';

/** One cut of the backtest. */
export interface BacktestCase {
  readonly cut: IsoDate;
  /** The last day counted: the year end, or the end of the data when that comes first. */
  readonly end: IsoDate;
  readonly target: number | null;
  readonly signedAtCut: number;
  /** Signed from the year start through `end`. */
  readonly actual: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly probabilityOfTarget: number | null;
}

/** The figures of a backtest. */
export interface BacktestSummary {
  readonly cases: readonly BacktestCase[];
  /** Share of cuts whose outcome fell inside [P10, P90]. */
  readonly coverage: number;
  /** Shares below P10 and above P90. */
  readonly below: number;
  readonly above: number;
  /** Mean |P50 − actual|, in fen, and as a share of the target (cuts with a target). */
  readonly maeP50: number;
  readonly maeP50OfTarget: number | null;
  /** Mean (P(target) − reached)² over cuts with a target, and the same for always saying the base rate. */
  readonly brier: number | null;
  readonly brierBaseRate: number | null;
  /** Share of cuts (with a target) whose year reached it. */
  readonly reachedRate: number | null;
}

/** Options of {@link backtestForecast}. */
export interface BacktestOptions {
  readonly cuts: readonly IsoDate[];
  /** Where the history ends (actuals are counted only up to it). */
  readonly dataEnd: IsoDate;
  /** The target of a year, or null when there is none. */
  readonly targetOf: (year: number) => number | null;
  readonly runs: number;
  readonly seed?: number;
}

/** Runs the backtest over `history`. */
export function backtestForecast(history: SalesHistory, options: BacktestOptions): BacktestSummary {
  const index = indexHistory(history);
  const cases: BacktestCase[] = [];
  for (const cut of options.cuts) {
    const year = Number(cut.slice(0, 4));
    const yearEnd = `${year}-12-31` as IsoDate;
    // ISO dates compare as text (Math.min would turn them into numbers).
    const end: IsoDate = [options.dataEnd, yearEnd].sort()[0] as IsoDate;
    if (end <= cut) continue;
    const signedByMonth = new Array<number>(12).fill(0);
    let actual = 0;
    for (const d of history.deals) {
      if (d.signedOn === null || d.signedOn < `${year}-01-01` || d.signedOn > end) continue;
      actual += d.amount;
      if (d.signedOn <= cut) {
        const m = Number(d.signedOn.slice(5, 7)) - 1;
        signedByMonth[m] = (signedByMonth[m] ?? 0) + d.amount;
      }
    }
    const target = options.targetOf(year);
    const f = forecastYear({
      target: target ?? Number.MAX_SAFE_INTEGER,
      signedByMonth,
      asOf: cut,
      yearEnd: end,
      opportunities: snapshotAt(index, cut),
      measured: measureHistory(index, cut, toEpochDay(end) - toEpochDay(cut)),
      runs: options.runs,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    });
    cases.push({
      cut,
      end,
      target,
      signedAtCut: f.signedSoFar,
      actual,
      p10: f.p10,
      p50: f.p50,
      p90: f.p90,
      probabilityOfTarget: target === null ? null : f.probabilityOfTarget,
    });
  }
  return summarize(cases);
}

/** The figures of a list of cases. */
export function summarize(cases: readonly BacktestCase[]): BacktestSummary {
  const n = cases.length || 1;
  const share = (pred: (c: BacktestCase) => boolean) => cases.filter(pred).length / n;
  const withTarget = cases.filter((c) => c.target !== null && c.probabilityOfTarget !== null);
  const reached = (c: BacktestCase) => (c.actual >= (c.target ?? 0) ? 1 : 0);
  const reachedRate =
    withTarget.length > 0 ? withTarget.reduce((s, c) => s + reached(c), 0) / withTarget.length : null;
  const mean = (values: number[]) =>
    values.length > 0 ? values.reduce((s, v) => s + v, 0) / values.length : null;
  return {
    cases,
    coverage: share((c) => c.actual >= c.p10 && c.actual <= c.p90),
    below: share((c) => c.actual < c.p10),
    above: share((c) => c.actual > c.p90),
    maeP50: mean(cases.map((c) => Math.abs(c.p50 - c.actual))) ?? 0,
    maeP50OfTarget: mean(withTarget.map((c) => Math.abs(c.p50 - c.actual) / (c.target as number))),
    brier: mean(withTarget.map((c) => ((c.probabilityOfTarget as number) - reached(c)) ** 2)),
    brierBaseRate:
      reachedRate === null ? null : (mean(withTarget.map((c) => (reachedRate - reached(c)) ** 2)) as number),
    reachedRate,
  };
}

/** The first day of each month from `from` through `to` (inclusive). */
export function monthStarts(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  if (from.slice(8) !== '01') m++;
  for (;;) {
    if (m > 12) {
      m = 1;
      y++;
    }
    const day = `${y}-${String(m).padStart(2, '0')}-01` as IsoDate;
    if (day > to) return out;
    out.push(day);
    m++;
  }
}
