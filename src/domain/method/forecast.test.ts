import { describe, expect, it } from 'vitest';
import { estimateWinRates, type ForecastInput, forecastYear, type Opportunity } from './forecast.js';

const EMPTY_MONTHS = new Array<number>(12).fill(0);

function input(opps: readonly Opportunity[], rate: number, over: Partial<ForecastInput> = {}): ForecastInput {
  return {
    target: 300_00,
    signedByMonth: EMPTY_MONTHS,
    asOf: '2026-06-30',
    yearEnd: '2026-12-31',
    opportunities: opps,
    history: {
      winRates: [
        { stage: 'proposal', class: 'A', rate },
        { stage: 'qualified', class: 'B', rate },
      ],
      dealSizes: {},
      cycleDays: { proposal: [0], qualified: [0] },
    },
    ...over,
  };
}

const a: Opportunity = { stage: 'proposal', class: 'A', amount: 100_00, enteredStageOn: '2026-06-30' };
const b: Opportunity = { stage: 'qualified', class: 'B', amount: 200_00, enteredStageOn: '2026-06-30' };

describe('forecast', () => {
  it('matches the hand-solved case: two opportunities at p = ½ give 0, a, b, a+b each with ¼', () => {
    const f = forecastYear(input([a, b], 0.5, { runs: 20_000, seed: 7 }));
    // P10 falls in the lowest quarter (0), P90 in the highest (a+b); P50 sits on the boundary
    // between a and b, so either is exact for a finite sample.
    expect(f.p10).toBe(0);
    expect(f.p90).toBe(300_00);
    expect([100_00, 200_00]).toContain(f.p50);
    // Expected value (a+b)/2 = 150; tolerance 2 % (the standard error is about 0.6 %).
    expect(Math.abs(f.expected - 150_00)).toBeLessThanOrEqual(3_00);
    // P(total ≥ a+b) = ¼; tolerance ±0.02 (standard error 0.003).
    expect(Math.abs(f.probabilityOfTarget - 0.25)).toBeLessThan(0.02);
    // Zero cycle: everything closes the day after asOf, in July; nothing before.
    expect(f.months[5]).toMatchObject({ p10: 0, p50: 0, p90: 0 });
    expect(f.months[6]?.p90).toBe(300_00);
    expect(f.months[11]?.p90).toBe(300_00);
  });

  it('lowers the chance of a deal open longer than the observed cycles (p·S / (p·S + 1 − p))', () => {
    // One earlier win took 10 days; this opportunity has been open 29 days: S is floored at
    // 0.5 / (1 + 1) = ¼, so p = ½ becomes (½·¼) / (½·¼ + ½) = 0.2.
    const stale = { ...a, enteredStageOn: '2026-06-01' };
    const f = forecastYear(
      input([stale], 0.5, {
        runs: 20_000,
        seed: 11,
        history: {
          winRates: [{ stage: 'proposal', class: 'A', rate: 0.5 }],
          dealSizes: {},
          cycleDays: { proposal: [10] },
        },
      }),
    );
    expect(Math.abs(f.expected - 0.2 * 100_00)).toBeLessThanOrEqual(0.02 * 100_00);
    // Younger than the cycle (S = 1), the rate stays ½.
    const fresh = forecastYear(
      input([{ ...a, enteredStageOn: '2026-06-25' }], 0.5, {
        runs: 20_000,
        seed: 11,
        history: {
          winRates: [{ stage: 'proposal', class: 'A', rate: 0.5 }],
          dealSizes: {},
          cycleDays: { proposal: [10] },
        },
      }),
    );
    expect(Math.abs(fresh.expected - 0.5 * 100_00)).toBeLessThanOrEqual(0.02 * 100_00);
  });

  it('is exact with p = 1 and p = 0, and adds what is already signed', () => {
    const signedByMonth = [...EMPTY_MONTHS];
    signedByMonth[0] = 50_00;
    const sure = forecastYear(input([a, b], 1, { signedByMonth, runs: 500 }));
    expect(sure).toMatchObject({
      p10: 350_00,
      p50: 350_00,
      p90: 350_00,
      expected: 350_00,
      probabilityOfTarget: 1,
    });
    expect(sure.months[0]).toMatchObject({ signed: 50_00, p50: 50_00 });
    const never = forecastYear(input([a, b], 0, { signedByMonth, runs: 500 }));
    expect(never).toMatchObject({
      p10: 50_00,
      p50: 50_00,
      p90: 50_00,
      expected: 50_00,
      probabilityOfTarget: 0,
    });
  });

  it('is deterministic for a seed and differs for another', () => {
    const opps = [a, b, { ...a, amount: null }, { ...b, amount: null }];
    const history = {
      winRates: [
        { stage: 'proposal' as const, class: 'A' as const, rate: 0.4 },
        { stage: 'qualified' as const, class: 'B' as const, rate: 0.3 },
      ],
      dealSizes: { A: [80_00, 120_00, 150_00], B: [40_00] },
      cycleDays: { proposal: [10, 40, 200], qualified: [30, 90] },
    };
    const one = forecastYear(input(opps, 0, { history, seed: 1 }));
    expect(forecastYear(input(opps, 0, { history, seed: 1 }))).toEqual(one);
    expect(forecastYear(input(opps, 0, { history, seed: 2 })).expected).not.toBe(one.expected);
    expect(one.p10).toBeLessThanOrEqual(one.p50);
    expect(one.p50).toBeLessThanOrEqual(one.p90);
    for (const m of one.months) expect(m.p10).toBeLessThanOrEqual(m.p90);
  });

  it('does not count a close after the year end', () => {
    const late = forecastYear(
      input([a], 1, {
        history: {
          winRates: [{ stage: 'proposal', class: 'A', rate: 1 }],
          dealSizes: {},
          cycleDays: { proposal: [400] },
        },
        runs: 100,
      }),
    );
    expect(late.p90).toBe(0);
  });

  it('prices an opportunity without amount from its class, and counts it unpriced when nothing is known', () => {
    const unknown = { ...a, amount: null };
    const priced = forecastYear(
      input([unknown], 1, {
        history: {
          winRates: [{ stage: 'proposal', class: 'A', rate: 1 }],
          dealSizes: { A: [70_00] },
          cycleDays: {},
        },
        runs: 50,
      }),
    );
    expect(priced).toMatchObject({ p50: 70_00, unpriced: 0 });
    const none = forecastYear(
      input([unknown], 1, {
        history: { winRates: [{ stage: 'proposal', class: 'A', rate: 1 }], dealSizes: {}, cycleDays: {} },
        runs: 50,
      }),
    );
    expect(none).toMatchObject({ p50: 0, unpriced: 1 });
  });

  it('leans a class with few observations on its stage rate (shrinkage)', () => {
    const rates = estimateWinRates(
      [
        { stage: 'proposal', class: 'A', won: 1, lost: 0 },
        { stage: 'proposal', class: 'B', won: 60, lost: 40 },
      ],
      ['A', 'B', 'new'],
    );
    const get = (stage: string, cls: string) => rates.find((r) => r.stage === stage && r.class === cls)?.rate;
    // overall = (61 + 5·0.3)/(101 + 5) = 0.5896…; stage = (61 + 5·overall)/(106)
    const overall = (61 + 5 * 0.3) / 106;
    const stage = (61 + 5 * overall) / 106;
    expect(get('proposal', 'A')).toBeCloseTo((1 + 5 * stage) / 6, 12);
    expect(get('proposal', 'B')).toBeCloseTo((60 + 5 * stage) / 105, 12);
    expect(get('proposal', 'new')).toBeCloseTo(stage, 12);
    // A stage without observations takes the overall rate.
    expect(get('lead', 'A')).toBeCloseTo(overall, 12);
    // Nothing known at all: the prior.
    expect(estimateWinRates([], ['A'])[0]?.rate).toBeCloseTo(0.3, 12);
  });
});
