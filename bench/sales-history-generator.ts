/**
 * A seeded, deterministic multi-year sales history for the forecast backtest: a region
 * with A/B/C customers who reorder each year and a stream of new leads (seasonal, growing
 * year on year) that go through the funnel — some never touched, some lost at each stage,
 * some signed — with visits, stage changes, open deals before signing, and a good or bad
 * year now and then (a yearly shock on arrivals and win chances). Targets are the previous
 * year's result + 10 %, as a region would set them. The figures are not the demo's: the
 * backtest must hold on a history it was not tuned on.
 */
import { addDays, fromEpochDay, type IsoDate, toEpochDay } from '../src/domain/dates.js';
import type {
  HistoryCustomer,
  HistoryDeal,
  HistoryStageChange,
  HistoryVisit,
  SalesHistory,
} from '../src/domain/method/sales-history.js';
import type { ClassKey } from '../src/domain/plan/settings.js';
import { normal, poisson, type Random, seededRandom } from '../src/domain/random.js';

/** Options of {@link generateSalesHistory}. */
export interface GeneratorOptions {
  readonly seed: number;
  readonly firstYear: number;
  readonly years: number;
}

/** A generated history and each year's target (null for the first year: nothing to grow from). */
export interface GeneratedHistory {
  readonly history: SalesHistory;
  readonly targets: ReadonlyMap<number, number>;
  readonly dataEnd: IsoDate;
}

// New leads per day by month: quiet around the Spring Festival, busy before the year end.
const SEASON = [0.9, 0.5, 1.1, 1.1, 1.0, 1.0, 0.9, 0.9, 1.0, 1.1, 1.2, 1.3];
const EXISTING: readonly { cls: ClassKey; count: number; order: number; repeat: number }[] = [
  { cls: 'A', count: 12, order: 80_000_00, repeat: 0.8 },
  { cls: 'B', count: 40, order: 40_000_00, repeat: 0.6 },
  { cls: 'C', count: 80, order: 20_000_00, repeat: 0.4 },
];
const NEW_ORDER = 29_800_00;

/** Generates the history (same options, same history). */
export function generateSalesHistory(options: GeneratorOptions): GeneratedHistory {
  const rand = seededRandom(options.seed);
  const customers: HistoryCustomer[] = [];
  const changes: HistoryStageChange[] = [];
  const deals: HistoryDeal[] = [];
  const visits: HistoryVisit[] = [];
  const lastYear = options.firstYear + options.years - 1;
  const dataEnd = `${lastYear}-12-31` as IsoDate;
  const end = toEpochDay(dataEnd);
  let n = 0;
  const id = () => `c${String(++n).padStart(6, '0')}`;
  const exp = (mean: number) => -Math.log(1 - rand()) * mean;
  const lognormal = (median: number, sigma: number) => median * Math.exp(sigma * normal(rand));
  const amountOf = (median: number) =>
    Math.max(1_000_00, Math.round(lognormal(median, 0.35) / 100_00) * 100_00);
  const shock = new Map<number, number>();
  for (let y = options.firstYear; y <= lastYear; y++) shock.set(y, Math.exp(0.15 * normal(rand)));
  const stage = (customerId: string, to: string, day: number) => {
    if (day <= end) changes.push({ customerId, to, on: fromEpochDay(day) });
  };
  const visit = (customerId: string, day: number) => {
    if (day <= end) visits.push({ customerId, on: fromEpochDay(day) });
  };
  /** A signing on `day`, with an open deal visible from `openFrom` when given. */
  const sign = (customerId: string, day: number, amount: number, openFrom: number | null) => {
    if (day > end) {
      // Not signed by the end of the data: an open deal if it was already entered.
      if (openFrom !== null && openFrom <= end)
        deals.push({ customerId, amount, signedOn: null, createdOn: fromEpochDay(openFrom) });
      return;
    }
    deals.push({ customerId, amount, signedOn: fromEpochDay(day), createdOn: fromEpochDay(openFrom ?? day) });
  };

  // Existing customers, won the year before the first, reorder once a year or not.
  const base = toEpochDay(`${options.firstYear - 1}-06-01`);
  const existing: { id: string; order: number; repeat: number }[] = [];
  for (const e of EXISTING) {
    for (let i = 0; i < e.count; i++) {
      const cid = id();
      customers.push({ id: cid, class: e.cls, createdOn: fromEpochDay(base), status: 'won' });
      stage(cid, 'won', base);
      existing.push({ id: cid, order: e.order, repeat: e.repeat });
    }
  }
  const repeaters: { id: string; order: number; repeat: number }[] = [];
  for (let y = options.firstYear; y <= lastYear; y++) {
    const start = toEpochDay(`${y}-01-01`);
    const days = toEpochDay(`${y}-12-31`) - start + 1;
    const yShock = shock.get(y) ?? 1;
    for (const c of [...existing, ...repeaters]) {
      if (rand() >= Math.min(0.95, c.repeat * yShock)) continue;
      const day = start + seasonalDay(rand, days, y);
      const open = rand() < 0.5 ? day - 7 - Math.floor(rand() * 35) : null;
      if (open !== null) visit(c.id, open);
      sign(c.id, day, amountOf(c.order), open);
    }
    // New leads: a Poisson stream, 0.8 a day at the first year's pace, 8 % more each year.
    for (let d = 0; d < days; d++) {
      const day = start + d;
      const month = Number(fromEpochDay(day).slice(5, 7)) - 1;
      const rate = 0.8 * (SEASON[month] ?? 1) * 1.08 ** (y - options.firstYear) * yShock;
      for (let k = poisson(rand, rate); k > 0; k--) {
        const cid = id();
        let status = 'lead';
        customers.push({ id: cid, class: 'new', createdOn: fromEpochDay(day), status });
        stage(cid, 'lead', day);
        const finish = (to: string, on: number) => {
          stage(cid, to, on);
          if (on <= end) status = to;
        };
        if (rand() < 0.4) {
          // Never touched; half are written off after a few months.
          if (rand() < 0.5) finish('lost', day + 30 + Math.floor(rand() * 90));
        } else {
          const contacted = day + 2 + Math.floor(exp(10));
          visit(cid, contacted);
          finish('contacted', contacted);
          if (rand() < 0.45) finish('lost', contacted + 20 + Math.floor(rand() * 40));
          else {
            const qualified = contacted + 1 + Math.floor(exp(15));
            visit(cid, qualified);
            finish('qualified', qualified);
            if (rand() < 0.3) finish('lost', qualified + 10 + Math.floor(rand() * 30));
            else {
              const proposal = qualified + 1 + Math.floor(exp(10));
              finish('proposal', proposal);
              if (rand() < Math.min(0.95, 0.6 * yShock)) {
                const signed = proposal + Math.floor(exp(14));
                sign(cid, signed, amountOf(NEW_ORDER), rand() < 0.5 ? proposal : null);
                finish('won', signed);
                if (signed <= end) repeaters.push({ id: cid, order: NEW_ORDER, repeat: 0.35 });
              } else finish('lost', proposal + 30);
            }
          }
        }
        const record = customers[customers.length - 1];
        if (record) customers[customers.length - 1] = { ...record, status };
      }
    }
  }
  changes.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const targets = new Map<number, number>();
  for (let y = options.firstYear + 1; y <= lastYear; y++) {
    const last = deals.filter((d) => d.signedOn?.startsWith(`${y - 1}-`)).reduce((s, d) => s + d.amount, 0);
    targets.set(y, Math.round((last * 1.1) / 10_000_00) * 10_000_00);
  }
  return { history: { customers, stageChanges: changes, deals, visits }, targets, dataEnd };
}

/** A day of a year of `days` days, more likely in busy months. */
function seasonalDay(rand: Random, days: number, year: number): number {
  const max = Math.max(...SEASON);
  for (;;) {
    const d = Math.floor(rand() * days);
    const month = Number(addDays(`${year}-01-01`, d).slice(5, 7)) - 1;
    if (rand() * max < (SEASON[month] ?? 1)) return d;
  }
}
