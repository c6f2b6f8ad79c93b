/**
 * A workspace's sales history as dated events, and what can be known of it on a given day:
 * who was an open opportunity in which forecast group, and — measured over earlier cuts —
 * how often each group went on to sign within a horizon and how much business came from
 * customers that were not in the pipeline at all. The forecast and its backtest both read
 * the history only through {@link snapshotAt} and {@link measureHistory}, so a backtest cut
 * sees exactly what a forecast made on that day would have seen. Pure; dates are ISO days.
 */
import { type IsoDate, toEpochDay } from '../dates.js';
import type { ClassKey } from '../plan/settings.js';

/** A customer of the history (its status now is used only when it has no stage history). */
export interface HistoryCustomer {
  readonly id: string;
  readonly class: ClassKey;
  /** The day the record was created (workspace time zone). */
  readonly createdOn: IsoDate;
  readonly status: string;
}

/** One stage change (`customer_stage_changes`). */
export interface HistoryStageChange {
  readonly customerId: string;
  readonly to: string;
  readonly on: IsoDate;
}

/** One deal: signed on `signedOn`, or open (null) since `createdOn`. */
export interface HistoryDeal {
  readonly customerId: string;
  readonly amount: number;
  readonly signedOn: IsoDate | null;
  readonly createdOn: IsoDate;
}

/** One visit that took place. */
export interface HistoryVisit {
  readonly customerId: string;
  readonly on: IsoDate;
}

/** Everything the forecast learns from. Stage changes in the order they happened. */
export interface SalesHistory {
  readonly customers: readonly HistoryCustomer[];
  readonly stageChanges: readonly HistoryStageChange[];
  readonly deals: readonly HistoryDeal[];
  readonly visits: readonly HistoryVisit[];
}

/**
 * Forecast groups of an open opportunity: `untouched` is a lead with no visit, no deal and
 * no stage past lead — it is measured on its own because such leads rarely sign; the other
 * groups are the funnel stages (a won customer with an open deal counts at `proposal`).
 */
export const FORECAST_GROUPS = ['untouched', 'lead', 'contacted', 'qualified', 'proposal'] as const;
/** One of {@link FORECAST_GROUPS}. */
export type ForecastGroup = (typeof FORECAST_GROUPS)[number];

const OPEN = new Set(['lead', 'contacted', 'qualified', 'proposal']);

/** An opportunity open on the snapshot's day. */
export interface OpenOpportunity {
  /** The customer's id: it keys the opportunity's own random stream in the simulation. */
  readonly key: string;
  readonly group: ForecastGroup;
  readonly class: ClassKey;
  /** Its open deals' amount, else null (a deal size of its class is sampled). */
  readonly amount: number | null;
}

/** Indexes of a history by customer, built once and reused for every cut. */
export interface HistoryIndex {
  readonly history: SalesHistory;
  readonly customers: readonly IndexedCustomer[];
  /** The first day business was recorded (first visit or signed deal): measuring starts there. */
  readonly firstDay: number;
}

interface IndexedCustomer {
  readonly id: string;
  readonly class: ClassKey;
  readonly status: string;
  /** The first day the customer is known: record created, or an earlier dated event. */
  readonly knownFrom: number;
  /** Stage changes as [day, to], in order. */
  readonly changes: readonly (readonly [number, string])[];
  readonly firstVisit: number;
  /** Deals as [signed day or +∞, created day, amount], sorted by signed day. */
  readonly deals: readonly (readonly [number, number, number])[];
}

/** Builds the per-customer index of a history. */
export function indexHistory(history: SalesHistory): HistoryIndex {
  const changes = groupBy(history.stageChanges, (c) => c.customerId);
  const deals = groupBy(history.deals, (d) => d.customerId);
  const firstVisit = new Map<string, number>();
  for (const v of history.visits) {
    const day = toEpochDay(v.on);
    if (day < (firstVisit.get(v.customerId) ?? Number.POSITIVE_INFINITY)) firstVisit.set(v.customerId, day);
  }
  let firstDay = Number.POSITIVE_INFINITY;
  const customers = history.customers.map((c): IndexedCustomer => {
    const own = (changes.get(c.id) ?? []).map((s) => [toEpochDay(s.on), s.to] as const);
    const ownDeals = (deals.get(c.id) ?? [])
      .map(
        (d) =>
          [
            d.signedOn === null ? Number.POSITIVE_INFINITY : toEpochDay(d.signedOn),
            toEpochDay(d.createdOn),
            d.amount,
          ] as const,
      )
      .sort((x, y) => x[0] - y[0]);
    const visit = firstVisit.get(c.id) ?? Number.POSITIVE_INFINITY;
    const knownFrom = Math.min(
      toEpochDay(c.createdOn),
      own[0]?.[0] ?? Number.POSITIVE_INFINITY,
      visit,
      ...ownDeals.map((d) => Math.min(d[0], d[1])),
    );
    // The history starts with the first visit or signing: customers imported as won long
    // before (a stage change and nothing else) say nothing about the run-rate back then.
    firstDay = Math.min(firstDay, visit, ownDeals[0]?.[0] ?? Number.POSITIVE_INFINITY);
    return {
      id: c.id,
      class: c.class,
      status: c.status,
      knownFrom,
      changes: own,
      firstVisit: visit,
      deals: ownDeals,
    };
  });
  return { history, customers, firstDay };
}

/** A customer's stage on `day`: its last change by then, else (no history at all) its status now. */
function stageOn(c: IndexedCustomer, day: number): string {
  let stage: string | undefined;
  for (const [on, to] of c.changes) {
    if (on > day) break;
    stage = to;
  }
  if (stage !== undefined) return stage;
  return c.changes.length === 0 ? c.status : 'lead';
}

/** The opportunity a customer is on `day`, or undefined (not known yet, or won/lost without an open deal). */
function opportunityOn(c: IndexedCustomer, day: number): OpenOpportunity | undefined {
  if (c.knownFrom > day) return undefined;
  let open = 0;
  let openDeals = 0;
  let signedBefore = false;
  for (const [signed, created, amount] of c.deals) {
    if (signed <= day) signedBefore = true;
    else if (created <= day) {
      open += amount;
      openDeals++;
    }
  }
  const stage = stageOn(c, day);
  const amount = openDeals > 0 ? open : null;
  if (OPEN.has(stage)) {
    const untouched = stage === 'lead' && c.firstVisit > day && !signedBefore && openDeals === 0;
    return { key: c.id, group: untouched ? 'untouched' : (stage as ForecastGroup), class: c.class, amount };
  }
  return openDeals > 0 ? { key: c.id, group: 'proposal', class: c.class, amount } : undefined;
}

/** The open opportunities on `day` and what was signed by then. */
export function snapshotAt(index: HistoryIndex, day: IsoDate): OpenOpportunity[] {
  const d = toEpochDay(day);
  const list: OpenOpportunity[] = [];
  for (const c of index.customers) {
    const o = opportunityOn(c, d);
    if (o) list.push(o);
  }
  return list;
}

/** Counts behind a group's rate: wins and days at risk over the measurement windows. */
export interface GroupCounts {
  readonly wins: number;
  readonly exposureDays: number;
  /** Opportunity-windows observed (one per opportunity per cut). */
  readonly observed: number;
}

/** What the history says on a day, for a forecast over `horizonDays`. */
export interface MeasuredHistory {
  /** Per group: wins / exposure over windows of the horizon's length (where history allows). */
  readonly groups: Readonly<Record<ForecastGroup, GroupCounts>>;
  /** Signed deal amounts per class, by `asOf`. */
  readonly dealSizes: Partial<Record<ClassKey, readonly number[]>>;
  /** Business from customers that were no opportunity at a window's start. */
  readonly newBusiness: {
    /** Deals per day (Σ deals / Σ window days). */
    readonly perDay: number;
    /** Amounts of those deals, each once, in signing order. */
    readonly sizes: readonly number[];
    /** Σ deals counted over the windows (a deal counts once per window it falls in). */
    readonly deals: number;
    /** Σ window days measured (0: nothing to measure from). */
    readonly windowDays: number;
  };
  /**
   * Variance of a common multiplier on every rate (a good or bad season moves all deals
   * together), measured over disjoint quarters before `asOf`: how much more the quarters'
   * signings varied around what the rates expected than chance alone (Poisson) explains.
   */
  readonly shockVariance: number;
  /** Quarters that measured it. */
  readonly shockQuarters: number;
  /** Cuts the rates were measured at. */
  readonly cuts: number;
}

/** Step between measurement cuts and how far back they go. */
export const MEASURE_STEP_DAYS = 7;
export const MEASURE_MAX_CUTS = 160;

/**
 * Measures the history as it was known on `asOf`: at cuts every {@link MEASURE_STEP_DAYS}
 * days back from `asOf`, each opportunity open at the cut is followed for the forecast's
 * horizon (cut to the earlier of cut + horizon and `asOf`): a win when a deal of it is
 * signed in the window, days at risk until it signs, is lost or the window ends. Deals
 * signed in a window by customers that were no opportunity at its start are new business.
 * Nothing dated after `asOf` is read.
 */
export function measureHistory(index: HistoryIndex, asOf: IsoDate, horizonDays: number): MeasuredHistory {
  const end = toEpochDay(asOf);
  const horizon = Math.max(1, horizonDays);
  const counts = Object.fromEntries(
    FORECAST_GROUPS.map((g) => [g, { wins: 0, exposureDays: 0, observed: 0 }]),
  ) as Record<ForecastGroup, { wins: number; exposureDays: number; observed: number }>;
  let newDeals = 0;
  let windowDays = 0;
  let cuts = 0;
  for (let k = 1; k <= MEASURE_MAX_CUTS; k++) {
    const cut = end - k * MEASURE_STEP_DAYS;
    if (cut < index.firstDay) break;
    const stop = Math.min(cut + horizon, end);
    cuts++;
    let inWindow = 0;
    for (const c of index.customers) {
      if (c.knownFrom > stop) continue;
      const o = opportunityOn(c, cut);
      if (o) {
        const signed = c.deals.find((d) => d[0] > cut && d[0] <= stop)?.[0];
        const lost = c.changes.find(([on, to]) => on > cut && on <= stop && to === 'lost')?.[0];
        const until = Math.min(signed ?? stop, lost ?? stop);
        const g = counts[o.group];
        g.observed++;
        g.exposureDays += Math.max(1, until - cut);
        if (signed !== undefined && (lost === undefined || signed <= lost)) g.wins++;
      } else {
        for (const [signed] of c.deals) {
          if (signed <= cut || signed > stop) continue;
          inWindow++;
        }
      }
    }
    newDeals += inWindow;
    windowDays += stop - cut;
  }
  const dealSizes: Partial<Record<ClassKey, number[]>> = {};
  for (const c of index.customers) {
    for (const [signed, , amount] of c.deals) {
      if (signed > end) continue;
      const list = dealSizes[c.class] ?? [];
      list.push(amount);
      dealSizes[c.class] = list;
    }
  }
  return {
    groups: counts,
    dealSizes,
    newBusiness: {
      perDay: windowDays > 0 ? newDeals / windowDays : 0,
      sizes: uniqueNewSizes(index, end, horizon),
      deals: newDeals,
      windowDays,
    },
    ...measureShock(index, end, counts, windowDays > 0 ? newDeals / windowDays : 0),
    cuts,
  };
}

/** Length of the windows the common shock is measured over. */
export const SHOCK_WINDOW_DAYS = 91;

/**
 * The variance σ² of a mean-1 multiplier on all rates, by the method of moments over
 * disjoint quarters ending at `end`: with E the signings the rates expect in a quarter and
 * O those that happened, a gamma-mixed Poisson has Var(O) = E + σ²E², so
 * σ² = Σ[(O − E)² − E] / ΣE², floored at 0. Counts, not amounts: deal sizes are sampled apart.
 */
function measureShock(
  index: HistoryIndex,
  end: number,
  groups: Readonly<Record<ForecastGroup, { wins: number; exposureDays: number }>>,
  newPerDay: number,
): { shockVariance: number; shockQuarters: number } {
  const rate = (g: ForecastGroup) => {
    const c = groups[g];
    return c.exposureDays > 0 ? c.wins / c.exposureDays : 0;
  };
  let excess = 0;
  let squares = 0;
  let quarters = 0;
  for (let k = 1; ; k++) {
    const cut = end - k * SHOCK_WINDOW_DAYS;
    if (cut < index.firstDay) break;
    const stop = cut + SHOCK_WINDOW_DAYS;
    let expected = newPerDay * SHOCK_WINDOW_DAYS;
    let observed = 0;
    for (const c of index.customers) {
      if (c.knownFrom > stop) continue;
      const o = opportunityOn(c, cut);
      if (o) {
        expected += 1 - Math.exp(-rate(o.group) * SHOCK_WINDOW_DAYS);
        if (c.deals.some((d) => d[0] > cut && d[0] <= stop)) observed++;
      } else observed += c.deals.filter((d) => d[0] > cut && d[0] <= stop).length;
    }
    if (expected <= 0) continue;
    quarters++;
    excess += (observed - expected) ** 2 - expected;
    squares += expected * expected;
  }
  return {
    shockVariance: quarters >= 2 && squares > 0 ? Math.max(0, excess / squares) : 0,
    shockQuarters: quarters,
  };
}

/** Each deal that counted as new business in some window, once, in signing order. */
function uniqueNewSizes(index: HistoryIndex, end: number, horizon: number): number[] {
  const out: [number, number][] = [];
  for (const c of index.customers) {
    for (const [signed, , amount] of c.deals) {
      if (signed > end) continue;
      // New business for the cut just before it when the customer was no opportunity then.
      const cut = signed - Math.min(horizon, MEASURE_STEP_DAYS);
      if (cut < index.firstDay) continue;
      if (!opportunityOn(c, cut)) out.push([signed, amount]);
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, amount]) => amount);
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const bucket = map.get(k);
    if (bucket) bucket.push(item);
    else map.set(k, [item]);
  }
  return map;
}
