import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ForecastInput, forecastSteps, forecastYear, STEP_WORK } from './forecast.js';
import {
  FORECAST_GROUPS,
  type ForecastGroup,
  type MeasuredHistory,
  type OpenOpportunity,
} from './sales-history.js';

const EMPTY_MONTHS = new Array<number>(12).fill(0);

/** A measured history with per-group rates (wins per day) known very precisely, no shock. */
function measured(
  rates: Partial<Record<ForecastGroup, number>>,
  over: Partial<MeasuredHistory> = {},
): MeasuredHistory {
  const days = 10_000_000;
  return {
    groups: Object.fromEntries(
      FORECAST_GROUPS.map((g) => [g, { wins: (rates[g] ?? 0) * days, exposureDays: days, observed: 1000 }]),
    ) as MeasuredHistory['groups'],
    dealSizes: {},
    newBusiness: { perDay: 0, sizes: [], deals: 0, windowDays: 700 },
    shockVariance: 0,
    shockQuarters: 0,
    cuts: 100,
    ...over,
  };
}

function input(
  opps: readonly OpenOpportunity[],
  m: MeasuredHistory,
  over: Partial<ForecastInput> = {},
): ForecastInput {
  return {
    target: 300_00,
    signedByMonth: EMPTY_MONTHS,
    asOf: '2026-06-30',
    yearEnd: '2026-12-31',
    opportunities: opps,
    measured: m,
    ...over,
  };
}

const H = 184; // 2026-06-30 → 2026-12-31
const rateFor = (p: number) => -Math.log(1 - p) / H;
const a: OpenOpportunity = { key: 'a', group: 'proposal', class: 'A', amount: 100_00 };
const b: OpenOpportunity = { key: 'b', group: 'qualified', class: 'B', amount: 200_00 };

describe('forecast', () => {
  it('matches the hand-solved case: two opportunities at p = ½ give 0, a, b, a+b each with ¼', () => {
    const m = measured({ proposal: rateFor(0.5), qualified: rateFor(0.5) });
    const f = forecastYear(input([a, b], m, { runs: 20_000, seed: 7 }));
    expect(f.horizonDays).toBe(H);
    expect(f.p10).toBe(0);
    expect(f.p90).toBe(300_00);
    expect([100_00, 200_00]).toContain(f.p50);
    // Expected (a+b)/2 = 150; the standard error is about 0.6 %.
    expect(Math.abs(f.expected - 150_00)).toBeLessThanOrEqual(3_00);
    expect(Math.abs(f.probabilityOfTarget - 0.25)).toBeLessThan(0.02);
    // The measured rate over the horizon is the group's chance, shown in the breakdown.
    const proposal = f.breakdown.groups.find((g) => g.group === 'proposal');
    expect(proposal?.winProbability).toBeCloseTo(0.5, 2);
    expect(proposal?.opportunities).toBe(1);
    // Nothing closes before asOf.
    expect(f.months.slice(0, 6).every((mo) => mo.p90 === 0)).toBe(true);
  });

  it('is exact with rate 0 and a sure rate, and adds what is already signed', () => {
    const signed = [...EMPTY_MONTHS];
    signed[0] = 50_00;
    const none = forecastYear(input([a, b], measured({}), { signedByMonth: signed, runs: 500 }));
    expect(none).toMatchObject({ p10: 50_00, p50: 50_00, p90: 50_00, expected: 50_00, signedSoFar: 50_00 });
    const sure = forecastYear(
      input([a, b], measured({ proposal: 1, qualified: 1 }), { signedByMonth: signed, runs: 500 }),
    );
    expect(sure).toMatchObject({ p10: 350_00, p90: 350_00, expected: 350_00, probabilityOfTarget: 1 });
    // A sure rate closes at once: in July, the month after asOf.
    expect(sure.months[6]).toMatchObject({ p10: 350_00, p90: 350_00 });
  });

  it('is deterministic for a seed and differs for another', () => {
    const m = measured({ proposal: rateFor(0.4), qualified: rateFor(0.3) }, { shockVariance: 0.2 });
    const opps = Array.from({ length: 30 }, (_, i) => ({ ...a, key: `o${i}`, amount: (i + 1) * 10_00 }));
    const one = forecastYear(input(opps, m, { seed: 1, runs: 2000 }));
    expect(forecastYear(input(opps, m, { seed: 1, runs: 2000 }))).toEqual(one);
    expect(forecastYear(input(opps, m, { seed: 2, runs: 2000 })).expected).not.toBe(one.expected);
  });

  it('prices an opportunity without amount from its class, and counts it unpriced when nothing is known', () => {
    const m = measured({ proposal: 1 }, { dealSizes: { A: [70_00] } });
    const priced = forecastYear(input([{ ...a, amount: null }], m, { runs: 200 }));
    expect(priced).toMatchObject({ p50: 70_00, unpriced: 0 });
    const unpriced = forecastYear(input([{ ...a, amount: null }], measured({ proposal: 1 }), { runs: 200 }));
    expect(unpriced).toMatchObject({ p50: 0, unpriced: 1 });
  });

  it('adds new business at the measured run-rate, from the sizes measured', () => {
    // One deal of 10 every 10 days on average: 18.4 deals, 184 expected over the horizon.
    const m = measured(
      {},
      { newBusiness: { perDay: 0.1, sizes: [10_00], deals: 100_000, windowDays: 1_000_000 } },
    );
    const f = forecastYear(input([], m, { runs: 5000 }));
    expect(Math.abs(f.breakdown.newBusiness.deals - 18.4)).toBeLessThan(0.3);
    expect(Math.abs(f.expected - 184_00)).toBeLessThan(3_00);
    expect(f.breakdown.newBusiness.expected).toBe(f.expected);
  });

  it('widens the band by the measured common shock, not the mean', () => {
    const opps = Array.from({ length: 200 }, (_, i) => ({ ...a, key: `o${i}` }));
    const calm = forecastYear(input(opps, measured({ proposal: rateFor(0.3) }), { runs: 4000 }));
    const shaky = forecastYear(
      input(opps, measured({ proposal: rateFor(0.3) }, { shockVariance: 0.3 }), { runs: 4000 }),
    );
    expect(shaky.p90 - shaky.p10).toBeGreaterThan(1.5 * (calm.p90 - calm.p10));
  });

  it('breaks the mean down into signed so far, each group and new business', () => {
    const m = measured(
      { proposal: rateFor(0.6), qualified: rateFor(0.2), untouched: rateFor(0.02) },
      {
        newBusiness: { perDay: 0.05, sizes: [30_00, 50_00], deals: 1000, windowDays: 20_000 },
        shockVariance: 0.1,
      },
    );
    const signed = [...EMPTY_MONTHS];
    signed[2] = 123_45;
    const opps = [a, b, { key: 'u', group: 'untouched' as const, class: 'new' as const, amount: 40_00 }];
    const f = forecastYear(input(opps, m, { signedByMonth: signed, runs: 3000 }));
    const parts =
      f.breakdown.signedSoFar +
      f.breakdown.groups.reduce((n, g) => n + g.expected, 0) +
      f.breakdown.newBusiness.expected;
    // Each part is rounded to the fen on its own: at most half a fen each.
    expect(Math.abs(parts - f.expected)).toBeLessThanOrEqual(4);
    expect(f.breakdown.groups.map((g) => g.group)).toEqual([...FORECAST_GROUPS]);
  });

  it('one more untouched lead moves each run by its amount or nothing: the mean by its amount × measured rate', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            group: fc.constantFrom(...FORECAST_GROUPS),
            amount: fc.option(fc.integer({ min: 1_000_00, max: 100_000_00 }), { nil: null }),
          }),
          { maxLength: 40 },
        ),
        fc.array(fc.double({ min: 0, max: 0.02, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 1_000_00, max: 100_000_00 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.constantFrom('2026-01-01', '2026-06-30', '2026-12-01'),
        fc.double({ min: 0, max: 0.2, noNaN: true }),
        (list, rates, amount, shock, asOf, perDay) => {
          const m = measured(Object.fromEntries(FORECAST_GROUPS.map((g, i) => [g, rates[i] ?? 0])), {
            dealSizes: { new: [2_000_00, 3_000_00, 5_000_00] },
            newBusiness: { perDay, sizes: [1_000_00, 4_000_00], deals: perDay * 3000, windowDays: 3000 },
            shockVariance: shock,
          });
          const runs = 1000;
          const opps = list.map((o, i) => ({
            key: `k${i}`,
            group: o.group,
            class: 'new' as const,
            amount: o.amount,
          }));
          const lead: OpenOpportunity = { key: 'lead', group: 'untouched', class: 'new', amount };
          const base = { asOf: asOf as `${number}-${number}-${number}`, runs, seed: 11 };
          const before = forecastYear(input(opps, m, base));
          const after = forecastYear(input([...opps, lead], m, base));
          const p = after.breakdown.groups[0]?.winProbability ?? 0;
          // Common random numbers: nothing else moves, exactly.
          for (const [i, g] of after.breakdown.groups.entries()) {
            const old = before.breakdown.groups[i];
            if (g.group === 'untouched') expect(g.opportunities).toBe((old?.opportunities ?? 0) + 1);
            else expect(g).toEqual(old);
          }
          expect(after.breakdown.newBusiness).toEqual(before.breakdown.newBusiness);
          // The mean moves by the lead's own amount in the runs it wins: a × (wins / runs), whose
          // spread around a × p is binomial (4 standard deviations here).
          const moved = after.expected - before.expected;
          expect(Math.abs(moved - amount * p)).toBeLessThanOrEqual(
            4 * amount * Math.sqrt((p * (1 - p)) / runs) + 1,
          );
          // Each run moves by a or 0, so every percentile moves by at least 0 and at most a.
          expect(after.p50 - before.p50).toBeGreaterThanOrEqual(0);
          expect(after.p50 - before.p50).toBeLessThanOrEqual(amount);
          expect(after.p10).toBeGreaterThanOrEqual(before.p10);
          expect(after.p90 - before.p90).toBeLessThanOrEqual(amount);
        },
      ),
      { numRuns: 60, seed: 2013 },
    );
  });
});

describe('forecastSteps', () => {
  it('pauses after every STEP_WORK simulated pairs and ends with the numbers of forecastYear', () => {
    const opps: OpenOpportunity[] = Array.from({ length: 120 }, (_, i) => ({
      key: `o${i}`,
      group: i % 2 === 0 ? 'proposal' : 'qualified',
      class: 'A',
      amount: 10_00 * (i + 1),
    }));
    const m = measured(
      { proposal: rateFor(0.3), qualified: rateFor(0.2) },
      { newBusiness: { perDay: 0.2, sizes: [5_00, 8_00], deals: 40, windowDays: 700 } },
    );
    const runs = 10_000;
    const steps = forecastSteps(input(opps, m, { runs, seed: 3 }));
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // 120 × 10,000 pairs of opportunities, then 10,000 runs of new business.
    expect(pauses).toBe(Math.floor((opps.length * runs) / STEP_WORK));
    expect(step.value).toEqual(forecastYear(input(opps, m, { runs, seed: 3 })));
  });
});
