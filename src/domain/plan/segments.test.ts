/**
 * dailyDimensions on a spread whose amounts are known by hand, then the controlled rounding
 * of the whole plan (issue 11): every quarter, month, week piece and day × market,
 * class and member cell is the floor or the ceiling of its EXACT share — target × the period's
 * share of the year's weighted target days × the value's share — and so is every period's
 * amount and every dimension's year total. Checked with BigInt numerators, never floats.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_MARKETS } from '../../../test/harness/plan-settings.js';
import { buildYearCalendar } from '../calendar.js';
import { toEpochDay } from '../dates.js';
import { toHolidayData } from '../holiday-file.js';
import { spreadOverYear } from './periods.js';
import { buildPlan, type DayPlan, type PlanResult } from './plan.js';
import { dailyDimensions } from './segments.js';
import { parsePlanSettings } from './settings.js';

const holidays = toHolidayData(chineseDays);

/** Integer weights the test knows exactly (it generated them), per dimension. */
interface ExactInputs {
  /** Market shares in tenths of a percent. */
  readonly markets: readonly bigint[];
  /** Member weights in tenths. */
  readonly members: readonly bigint[];
  /** Seasonality factors in tenths, or null for none. */
  readonly seasonality: readonly bigint[] | null;
}

/** x is ⌊num/den⌋ or ⌈num/den⌉. */
function floorOrCeil(x: number, num: bigint, den: bigint): boolean {
  const lo = num / den;
  const big = BigInt(x);
  return big === lo || (num % den !== 0n && big === lo + 1n);
}

/** The periods whose cells must be controlled: quarters, months, week pieces, days. */
function periods(p: PlanResult): { name: string; days: DayPlan[] }[] {
  const out: { name: string; days: DayPlan[] }[] = [];
  const group = (name: string, key: (d: DayPlan) => string) => {
    const groups = new Map<string, DayPlan[]>();
    for (const d of p.days) {
      const k = key(d);
      groups.set(k, [...(groups.get(k) ?? []), d]);
    }
    for (const [k, days] of groups) out.push({ name: `${name} ${k}`, days });
  };
  group('quarter', (d) => String(Math.ceil(Number(d.date.slice(5, 7)) / 3)));
  group('month', (d) => d.date.slice(5, 7));
  // A week piece: the days of one ISO week within one month (a new piece on each Monday).
  let piece = 0;
  let lastMonth = '';
  group('piece', (d) => {
    const month = d.date.slice(5, 7);
    if (d.weekday === 1 || month !== lastMonth) piece++;
    lastMonth = month;
    return String(piece);
  });
  group('day', (d) => d.date);
  return out;
}

/** Every cell that is not the floor or ceiling of its exact share, as readable lines. */
function uncontrolledCells(p: PlanResult, exact: ExactInputs): string[] {
  const target = BigInt(p.settings.target);
  const weightOf = (d: DayPlan): bigint => {
    const month = Number(d.date.slice(5, 7)) - 1;
    const factor = exact.seasonality ? (exact.seasonality[month] ?? 0n) : 1n;
    const carries = p.settings.spreadOver === 'field-days' ? d.field : d.working;
    return d.date >= p.settings.startDate && carries ? factor : 0n;
  };
  const year = p.days.reduce((s, d) => s + weightOf(d), 0n);
  const classWeights = p.dimensions.classes.map((c) => BigInt(c.amount));
  const dimensions = [
    { name: 'market', weights: exact.markets, cells: (d: DayPlan) => d.byMarket },
    { name: 'class', weights: classWeights, cells: (d: DayPlan) => d.byClass },
    { name: 'member', weights: exact.members, cells: (d: DayPlan) => d.byMember },
  ];
  const wrong: string[] = [];
  const check = (name: string, weight: bigint, amount: number, byDim: (dim: number) => readonly number[]) => {
    if (!floorOrCeil(amount, target * weight, year)) wrong.push(`${name}: ${amount}`);
    dimensions.forEach((dim, i) => {
      const s = dim.weights.reduce((a, b) => a + b, 0n);
      if (s === 0n) return;
      byDim(i).forEach((x, v) => {
        const num = target * weight * (dim.weights[v] as bigint);
        if (!floorOrCeil(x, num, year * s)) wrong.push(`${name} × ${dim.name} ${v}: ${x}`);
      });
    });
  };
  if (year === 0n) return wrong;
  const yearTotals = [p.dimensions.markets, p.dimensions.classes, p.dimensions.members].map((list) =>
    list.map((x) => x.amount),
  );
  check('year', year, p.year.amount, (i) => yearTotals[i] as number[]);
  for (const period of periods(p)) {
    const weight = period.days.reduce((s, d) => s + weightOf(d), 0n);
    const amount = period.days.reduce((s, d) => s + d.amount, 0);
    const sums = dimensions.map((dim, i) => {
      const out = new Array<number>(dim.weights.length).fill(0);
      for (const d of period.days) {
        dim.cells(d).forEach((x, v) => {
          out[v] = (out[v] as number) + x;
        });
      }
      // Every dimension adds up to the period's amount.
      if (out.reduce((a, b) => a + b, 0) !== amount) wrong.push(`${period.name} ${dimensions[i]?.name} sum`);
      return out;
    });
    check(period.name, weight, amount, (i) => sums[i] as number[]);
  }
  return wrong;
}

const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

describe('controlled rounding of the plan', () => {
  it("rounds the issue's example to the fen: Q2 杭州主城+萧山 is ⌊ or ⌈ 14,780,038.12", () => {
    const p = buildPlan(
      parsePlanSettings({
        target: '1234567.89',
        year: 2013,
        markets: ARTICLE_MARKETS,
        spreadOver: 'field-days',
      }),
      { holidays },
    );
    expect([14_780_038, 14_780_039]).toContain(p.quarters[1]?.byMarket[0]);
    expect(p.year.amount).toBe(123_456_789);
    expect(uncontrolledCells(p, { markets: [500n, 400n, 100n], members: [1n], seasonality: null })).toEqual(
      [],
    );
  });

  it('keeps every cell of every level the floor or ceiling of its exact share, for random plans', () => {
    const shares = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 0, maxLength: 4 }).map((cuts) => {
      const points = [0, ...[...cuts].sort((a, b) => a - b), 1000];
      return points.slice(1).map((x, i) => x - (points[i] as number));
    });
    const input = fc.record({
      year: fc.integer({ min: 2013, max: 2026 }),
      target: fc.oneof(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 10 ** 13 })),
      markets: shares,
      members: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 25 }),
      seasonality: fc.option(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 12, maxLength: 12 })),
      fieldDays: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 })),
      spreadOver: fc.constantFrom('working-days', 'field-days'),
      startDay: fc.option(fc.integer({ min: 0, max: 364 })),
      withClasses: fc.boolean(),
    });
    fc.assert(
      fc.property(input, (i) => {
        const start = i.startDay === null ? undefined : new Date(Date.UTC(i.year, 0, 1 + i.startDay));
        let p: PlanResult;
        try {
          p = buildPlan(
            parsePlanSettings({
              target: yuan(i.target),
              year: i.year,
              markets: i.markets.map((tenths, m) => ({ name: `m${m}`, share: tenths / 10 })),
              members: i.members.map((tenths, m) => ({ name: `p${m}`, weight: tenths / 10 })),
              ...(i.seasonality ? { seasonality: i.seasonality.map((x) => x / 10) } : {}),
              ...(i.fieldDays ? { fieldDays: i.fieldDays } : {}),
              spreadOver: i.spreadOver,
              ...(start?.getUTCFullYear() === i.year ? { startDate: start.toISOString().slice(0, 10) } : {}),
              ...(i.withClasses
                ? {
                    classes: {
                      A: { customers: 12, repeatRate: 80, averageOrder: '8万' },
                      B: { customers: 40, repeatRate: 60, averageOrder: '4万' },
                      new: { averageOrder: '2.98万' },
                    },
                  }
                : {}),
            }),
            { holidays },
          );
        } catch (error) {
          // A seasonality or start that leaves no target day is refused with a code; skip it.
          fc.pre((error as { code?: string }).code !== 'PLAN.NO_WORKING_DAYS');
          throw error;
        }
        expect(p.year.amount).toBe(i.target);
        expect(
          uncontrolledCells(p, {
            markets: i.markets.map(BigInt),
            members: i.members.map(BigInt),
            seasonality: i.seasonality ? i.seasonality.map(BigInt) : null,
          }),
        ).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('dailyDimensions', () => {
  // 2026 in mainland China has 248 working days (see periods.test.ts): 24,800 fen put exactly
  // 100 on each of them, and 2,100 on January's 21.
  const spread = spreadOverYear({
    calendar: buildYearCalendar(2026, { holidays }),
    total: 24_800,
    fromEpochDay: toEpochDay('2026-01-01'),
    spreadOver: 'working-days',
  });
  const d = dailyDimensions(spread, { markets: [1n, 1n], classes: [3n, 1n], members: [1n, 1n, 1n] });
  const row = (table: Float64Array, width: number, date: string) => {
    const i = spread.days.findIndex((day) => day.date === date);
    return [...table.slice(i * width, (i + 1) * width)];
  };

  it('keeps the day amounts and splits a day exactly where the weights divide it', () => {
    expect([...d.amounts]).toEqual([...spread.amounts]);
    expect(row(d.byMarket, 2, '2026-01-05')).toEqual([50, 50]);
    expect(row(d.byClass, 2, '2026-01-05')).toEqual([75, 25]);
    expect(row(d.byMarket, 2, '2026-02-14')).toEqual([50, 50]); // a make-up Saturday
    expect(row(d.byMarket, 2, '2026-02-17')).toEqual([0, 0]); // Spring Festival
    expect(d.totals.markets).toEqual([12_400, 12_400]);
    expect(d.totals.classes).toEqual([18_600, 6_200]);
  });

  it('gives a cell that does not divide its floor or ceiling, rows and columns adding up', () => {
    // 100 fen in thirds: 33 or 34, and every day's three cells add up to 100.
    for (let i = 0; i < spread.days.length; i++) {
      const cells = [...d.byMember.slice(i * 3, i * 3 + 3)];
      expect(cells.reduce((a, b) => a + b, 0)).toBe(spread.amounts[i]);
      if (spread.amounts[i]) for (const c of cells) expect([33, 34]).toContain(c);
    }
    // January's 2,100 divides by 3: each member's January is exactly 700.
    const january = [0, 0, 0];
    spread.days.forEach((day, i) => {
      if (day.month !== 1) return;
      for (let m = 0; m < 3; m++) january[m] = (january[m] ?? 0) + (d.byMember[i * 3 + m] ?? 0);
    });
    expect(january).toEqual([700, 700, 700]);
    // 24,800 ÷ 3 = 8,266.67: the year totals are 8,266 or 8,267 and add up to the target.
    expect([...d.totals.members].sort((a, b) => a - b)).toEqual([8_266, 8_267, 8_267]);
  });
});
