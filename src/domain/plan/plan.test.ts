/**
 * The planning engine (buildPlan over parsed settings and China's holiday data): the exact
 * decomposition of a target to quarters, months, ISO weeks and days, its options, the
 * funnel and verdict, the catch-up through the engine, and the sums it promises for any input.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_MARKETS, REPEAT_CLASSES } from '../../../test/harness/plan-settings.js';
import { toHolidayData } from '../holiday-file.js';
import { buildPlan, type PlanResult } from './plan.js';
import { parsePlanSettings } from './settings.js';

const holidays = toHolidayData(chineseDays);
const MARKETS = ARTICLE_MARKETS;

/** A 588万 plan for 2026 with `input` on top, computed as of `today` (a Monday by default). */
function plan(input: Record<string, unknown>, today = '2026-03-02'): PlanResult {
  return buildPlan(parsePlanSettings({ target: '588万', year: 2026, ...input }), { holidays, today });
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** Every invariant the decomposition promises, checked on one plan. */
function expectConsistent(p: PlanResult): void {
  const target = p.settings.target;
  expect(p.year.amount).toBe(target);
  expect(sum(p.quarters.map((q) => q.amount))).toBe(target);
  expect(sum(p.months.map((m) => m.amount))).toBe(target);
  expect(sum(p.weeks.map((w) => w.amount))).toBe(target);
  expect(sum(p.days.map((d) => d.amount))).toBe(target);
  for (const q of p.quarters) {
    expect(sum(p.months.filter((m) => Math.ceil(m.month / 3) === q.quarter).map((m) => m.amount))).toBe(
      q.amount,
    );
  }
  for (const m of p.months) {
    const parts = p.weeks.flatMap((w) => w.parts.filter((part) => part.month === m.month));
    expect(sum(parts.map((part) => part.amount))).toBe(m.amount);
  }
  for (const w of p.weeks) expect(sum(w.parts.map((part) => part.amount))).toBe(w.amount);
  for (const d of p.days) {
    expect(d.amount).toBeGreaterThanOrEqual(0);
    if (!d.working || d.date < p.settings.startDate) expect(d.amount).toBe(0);
  }
  // Every dimension splits every period exactly, and adds up to its yearly total.
  for (const period of [...p.quarters, ...p.months, ...p.weeks, ...p.days]) {
    expect(sum(period.byMarket)).toBe(period.amount);
    expect(sum(period.byClass)).toBe(period.amount);
    expect(sum(period.byMember)).toBe(period.amount);
    for (const v of [...period.byMarket, ...period.byClass, ...period.byMember]) {
      expect(Number.isInteger(v) && v >= 0).toBe(true);
    }
  }
  p.dimensions.markets.forEach((m, i) => {
    expect(sum(p.months.map((x) => x.byMarket[i] ?? 0))).toBe(m.amount);
  });
  p.dimensions.classes.forEach((c, i) => {
    expect(sum(p.months.map((x) => x.byClass[i] ?? 0))).toBe(c.amount);
  });
  p.dimensions.members.forEach((c, i) => {
    expect(sum(p.months.map((x) => x.byMember[i] ?? 0))).toBe(c.amount);
  });
  expect(sum(p.dimensions.markets.map((m) => m.amount))).toBe(target);
}

describe('buildPlan: 588万 in 2026', () => {
  const p = plan({ markets: MARKETS }, '2026-03-02');

  it('spreads the target exactly over 248 working days', () => {
    expect(p.settings.target).toBe(588_000_000);
    expect(sum(p.months.map((m) => m.amount))).toBe(588_000_000);
    expect(p.calendar.workingDays).toBe(248);
    expect(p.months[1]?.workingDays).toBe(16);
    expectConsistent(p);
  });

  it('splits the markets 294万 / 235.2万 / 58.8万', () => {
    expect(p.dimensions.markets.map((m) => m.amount)).toEqual([294_000_000, 235_200_000, 58_800_000]);
  });

  it('keeps each quarter and month within a fen or two of the market shares', () => {
    for (const period of [...p.quarters, ...p.months]) {
      period.byMarket.forEach((v, i) => {
        const exact = (period.amount * (MARKETS[i]?.share ?? 0)) / 100;
        expect(Math.abs(v - exact)).toBeLessThanOrEqual(2);
      });
    }
    // 147万 in Q4 divides exactly, so its market split is exact too.
    expect(p.quarters[3]?.byMarket).toEqual([73_500_000, 58_800_000, 14_700_000]);
  });

  it('gives each working day floor or ceil of target/248 within its month, holidays nothing', () => {
    const day = (date: string) => p.days.find((d) => d.date === date);
    expect(day('2026-03-02')?.amount).toBe(2_370_968);
    expect(day('2026-02-17')?.amount).toBe(0); // Spring Festival
    expect(day('2026-02-14')?.amount).toBeGreaterThan(0); // make-up Saturday
    expect(p.today?.day.amount).toBe(2_370_968);
    expect(p.today?.plannedToDate).toBe(
      sum(p.days.filter((d) => d.date <= '2026-03-02').map((d) => d.amount)),
    );
  });

  it('splits ISO weeks that span two months into parts', () => {
    const w = p.weeks.find((x) => x.start === '2026-03-30');
    expect(w?.parts.map((part) => part.month)).toEqual([3, 4]);
    expect(w?.parts.map((part) => part.workingDays)).toEqual([2, 3]);
  });
});

describe('buildPlan: options', () => {
  it('starts mid-year: nothing before the first day, the whole target after it', () => {
    const p = plan({ startDate: '2026-07-01' });
    expect(sum(p.months.slice(0, 6).map((m) => m.amount))).toBe(0);
    expect(sum(p.months.slice(6).map((m) => m.amount))).toBe(588_000_000);
    expect(p.months[0]?.workingDays).toBe(0);
    expectConsistent(p);
  });

  it('weights months by seasonality × working days', () => {
    const seasonality = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2];
    const p = plan({ seasonality });
    const dec = p.months[11]?.amount ?? 0;
    const nov = p.months[10]?.amount ?? 0;
    // December has 23 working days at weight 2, November 21 at weight 1.
    expect(dec / nov).toBeCloseTo((23 * 2) / 21, 5);
    expectConsistent(p);
  });

  it('can carry the target on field days only', () => {
    const p = plan({ spreadOver: 'field-days', fieldDays: ['tue', 'wed', 'thu'] });
    for (const d of p.days) if (!d.field) expect(d.amount).toBe(0);
    expect(p.calendar.targetDays).toBe(p.calendar.fieldDays);
    expectConsistent(p);
  });

  it('falls back to Mon–Fri with a warning for a year without holiday data', () => {
    const p = buildPlan(parsePlanSettings({ target: '100万', year: 2031 }), {
      holidays,
      today: '2026-03-02',
    });
    expect(p.calendar.source).toBe('weekdays');
    expect(p.calendar.workingDays).toBe(261);
    expect(p.warnings.map((w) => w.code)).toContain('CALENDAR.NO_HOLIDAY_DATA');
    expectConsistent(p);
  });

  it('splits by members with weights', () => {
    const p = plan({ members: [{ name: '王磊', weight: 2 }, { name: '李娜' }, { name: '张伟', weight: 1 }] });
    expect(p.dimensions.members.map((m) => m.amount)).toEqual([294_000_000, 147_000_000, 147_000_000]);
    expectConsistent(p);
  });
});

describe('buildPlan: funnel and verdict', () => {
  const classes = REPEAT_CLASSES;

  it('derives class amounts from existing customers and gives the rest to new customers', () => {
    const p = plan({ classes });
    // A: 10×0.8×10万 = 80万; B: 30×0.6×5万 = 90万; C: 60×0.5×2万 = 60万; new: 588−230 = 358万.
    expect(p.dimensions.classes.map((c) => c.amount)).toEqual([80e6, 90e6, 60e6, 358e6]);
    expect(p.funnel.existingSignings).toBe(8 + 18 + 30);
    expect(p.funnel.newCustomersNeeded).toBe(Math.ceil(358 / 3));
    expect(p.funnel.meetingsPerWin).toBe(1.45);
    expectConsistent(p);
  });

  it('is feasible when the field days give enough meetings', () => {
    const p = plan({ classes, funnel: { winRate: 30, meetingsPerFieldDay: 4 } });
    // new 120 → 400 prospects → 580 meetings; existing 56 → 82 meetings; capacity 149 × 4 = 596.
    expect(p.funnel.prospectsToMeet).toBe(400);
    expect(p.funnel.meetingsNeeded).toEqual({ existing: 82, new: 580, total: 662 });
    expect(p.funnel.capacity.meetings).toBe(596);
    expect(p.funnel.verdict.status).toBe('short');
    expect(p.funnel.verdict.shortMeetings).toBe(66);
    expect(p.funnel.verdict.shortCustomers).toBeGreaterThan(0);

    const roomy = plan({ classes, funnel: { winRate: 30, meetingsPerFieldDay: 5 } });
    expect(roomy.funnel.verdict).toMatchObject({ status: 'feasible', shortMeetings: 0, shortCustomers: 0 });
  });

  it('counts seminar signings against the new customers needed', () => {
    const p = plan({ classes, markets: MARKETS, seminars: { perMonth: 1, invitations: 30, signRate: 10 } });
    expect(p.seminars.count).toBe(12);
    expect(p.seminars.totalInvitations).toBe(360);
    // 18 of the 30 invitations per seminar go to new prospects (class split 80/90/60/358万):
    // 12 × 18 × 10 % = 21.6 → 21 new customers expected from seminars.
    expect(p.seminars.byClass).toEqual([4, 5, 3, 18]);
    expect(p.funnel.seminarSignings).toBe(21);
    expect(p.funnel.newByMeetings).toBe(120 - 21);
    expect(p.seminars.byMarket.map((m) => m.invitations)).toEqual([15, 12, 3]);
    expect(p.seminars.byMarket[1]?.cities).toEqual([
      { city: '富阳', invitations: 4 },
      { city: '桐庐', invitations: 4 },
      { city: '临安', invitations: 4 },
    ]);
  });

  it('counts in whole units without floating-point slips', () => {
    // 21 new customers at 35 % need exactly 60 prospects (21 / 0.35 = 60.000…01 in floats).
    const p = plan({ target: '63万', classes: { new: { averageOrder: '3万' } }, funnel: { winRate: 35 } });
    expect(p.funnel.newCustomersNeeded).toBe(21);
    expect(p.funnel.prospectsToMeet).toBe(60);
    // 20 repeat orders at 70/20/10 (1.4 meetings each) need exactly 28 meetings.
    const q = plan({
      target: '20万',
      classes: { A: { customers: 20, repeatRate: 100, averageOrder: '1万' }, new: { averageOrder: '1万' } },
      funnel: { meetingClose: [70, 20, 10] },
    });
    expect(q.funnel.existingSignings).toBe(20);
    expect(q.funnel.meetingsNeeded.existing).toBe(28);
  });

  it('reports a class with customers but no order value as missing data', () => {
    const p = plan({ classes: { A: { customers: 12, repeatRate: 80 }, new: { averageOrder: '3万' } } });
    expect(p.funnel.verdict.status).toBe('unknown');
    expect(p.funnel.verdict.missing).toEqual(['classes.A.averageOrder']);
  });

  it('says which data is missing instead of guessing', () => {
    const p = plan({});
    expect(p.funnel.verdict.status).toBe('unknown');
    expect(p.funnel.verdict.missing).toEqual(['classes.new.averageOrder']);
  });

  it('reports a prospect shortage', () => {
    const p = plan({ classes, funnel: { winRate: 30, meetingsPerFieldDay: 10, prospects: 300 } });
    expect(p.funnel.verdict.status).toBe('short');
    expect(p.funnel.verdict.shortProspects).toBe(100);
  });

  it('plans classes by share when shares are given', () => {
    const p = plan({
      classes: {
        A: { share: 30 },
        B: { share: 30 },
        C: { share: 20 },
        new: { share: 20, averageOrder: '3万' },
      },
    });
    expect(p.funnel.mode).toBe('share');
    expect(p.dimensions.classes.map((c) => c.amount)).toEqual([176.4e6, 176.4e6, 117.6e6, 117.6e6]);
    expectConsistent(p);
  });
});

describe('buildPlan: catch-up', () => {
  it('re-spreads the remaining target over the remaining working days', () => {
    const p = plan(
      {
        actuals: [
          { date: '2026-03-31', amount: '100万' },
          { date: '2026-04-02', amount: '1万' },
        ],
      },
      '2026-03-31',
    );
    const c = p.catchUp;
    expect(c).toBeDefined();
    if (!c) return;
    expect(c.actualToDate).toBe(100_000_000);
    expect(c.plannedToDate).toBe(sum(p.months.slice(0, 3).map((m) => m.amount)));
    expect(c.status).toBe('behind');
    expect(c.difference).toBe(100_000_000 - c.plannedToDate);
    expect(c.remaining).toBe(488_000_000);
    // 31 March (a Tuesday) is today and not over: it still counts, with the 189 after it.
    expect(c.remainingDays).toBe(248 - 59 + 1);
    expect(sum(c.months.map((m) => m.amount))).toBe(488_000_000);
    expect(sum(c.days.map((d) => d.amount))).toBe(488_000_000);
    // Nothing goes to the days before today; of March only today itself gets a share.
    expect(c.months.slice(0, 2).every((m) => m.amount === 0)).toBe(true);
    expect(c.days[0]?.date).toBe('2026-03-31');
    expect(c.months[2]?.amount).toBe(c.days[0]?.amount);
    expect(c.requiredDailyRate).toBe(Math.ceil(488_000_000 / 190));
    expect(c.ignoredLaterActuals).toBe(1);
  });

  it('does not count days of months weighted 0 as days left, and never fails for lack of them', () => {
    const seasonality = [1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 0];
    const p = plan({ seasonality, actuals: [{ date: '2026-07-31', amount: '300万' }] }, '2026-07-31');
    const c = p.catchUp;
    // August and December carry nothing: the days left are today (Friday 31 July, not over)
    // and September–November's working days.
    const left = 1 + p.months.slice(8, 11).reduce((n, m) => n + m.workingDays, 0);
    expect(c?.remainingDays).toBe(left);
    expect(c?.requiredDailyRate).toBe(Math.ceil((c?.remaining ?? 0) / left));
    const lastMonthOff = plan(
      { seasonality, actuals: [{ date: '2026-11-30', amount: '1万' }] },
      '2026-11-30',
    );
    // Monday 30 November is the last day with a target, and it is today: one day left.
    expect(lastMonthOff.catchUp?.remainingDays).toBe(1);
    expect(lastMonthOff.catchUp?.requiredDailyRate).toBe(lastMonthOff.catchUp?.remaining);
    // In December (weighted 0) no day is left: all of the rest is needed, no division by 0.
    const december = plan({ seasonality, actuals: [{ date: '2026-11-30', amount: '1万' }] }, '2026-12-01');
    expect(december.catchUp?.remainingDays).toBe(0);
    expect(december.catchUp?.requiredDailyRate).toBe(december.catchUp?.remaining);
  });

  it('counts only actuals inside the plan period', () => {
    const p = plan(
      {
        startDate: '2026-03-01',
        actuals: [
          { date: '2025-12-20', amount: '50万' },
          { date: '2026-02-27', amount: '10万' },
          { date: '2026-03-03', amount: '5万' },
        ],
      },
      '2026-03-31',
    );
    expect(p.catchUp?.actualToDate).toBe(5_000_000);
    expect(p.catchUp?.ignoredOutsidePlan).toBe(2);
  });

  it('shows ahead when signatures run before the plan, and nothing left when the target is met', () => {
    const p = plan({ actuals: [{ date: '2026-03-01', amount: '600万' }] }, '2026-03-02');
    expect(p.catchUp?.status).toBe('ahead');
    expect(p.catchUp?.remaining).toBe(0);
    expect(p.catchUp?.requiredDailyRate).toBe(0);
  });
});

describe('buildPlan: loose input', () => {
  it('accepts shares given to three decimals and a year written as text', () => {
    const p = plan({
      year: '2026',
      markets: [
        { name: 'a', share: 33.333 },
        { name: 'b', share: 33.333 },
        { name: 'c', share: 33.334 },
      ],
    });
    expect(p.settings.year).toBe(2026);
    expect(p.dimensions.markets.reduce((n, m) => n + m.amount, 0)).toBe(588_000_000);
  });
});

describe('buildPlan: no day to carry the target', () => {
  it('refuses a plan whose only day in range is a day off', () => {
    expect(() => plan({ startDate: '2026-12-31', calendar: { daysOff: ['2026-12-31'] } })).toThrow(
      expect.objectContaining({ code: 'PLAN.NO_WORKING_DAYS' }),
    );
  });
});

describe('buildPlan: properties', () => {
  const shares = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }).map((ws) => {
    const total = ws.reduce((a, b) => a + b, 0);
    const pct = ws.map((w) => Math.floor((w * 100) / total));
    pct[0] = (pct[0] ?? 0) + 100 - pct.reduce((a, b) => a + b, 0);
    return pct.filter((p) => p > 0);
  });

  it('sums exactly at every level and dimension for any target, shares, members, start and seasonality', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        shares,
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 364 }),
        fc.option(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 12, maxLength: 12 })),
        (targetFen, marketShares, memberWeights, startOffset, seasonality) => {
          const weights = memberWeights.some((w) => w > 0) ? memberWeights : [1, ...memberWeights.slice(1)];
          const start = new Date(Date.UTC(2026, 0, 1 + startOffset)).toISOString().slice(0, 10);
          let p: PlanResult;
          try {
            p = plan({
              target: (targetFen / 100).toFixed(2),
              startDate: start,
              markets: marketShares.map((share, i) => ({ name: `m${i}`, share })),
              members: weights.map((weight, i) => ({ name: `p${i}`, weight })),
              ...(seasonality?.some((s) => s > 0) ? { seasonality } : {}),
            });
          } catch (error) {
            // A late start (or seasonality) can leave no working day: that must be the named error.
            expect((error as { code?: string }).code).toBe('PLAN.NO_WORKING_DAYS');
            return;
          }
          expectConsistent(p);
        },
      ),
      { numRuns: 60 },
    );
  });
});
