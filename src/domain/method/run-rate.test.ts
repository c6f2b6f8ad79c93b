import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HolidayData } from '../calendar.js';
import type { IsoDate } from '../dates.js';
import { buildPlan } from '../plan/plan.js';
import { parsePlanSettings } from '../plan/settings.js';
import { computeProgressRows } from './progress.js';
import { firstRemainingDay, runRate } from './run-rate.js';
import { todayNumbers } from './today.js';

// A made-up arrangement for 2030 so the days are known here, not read from the same code:
// National Day 1–7 October (Tuesday to Monday), paid for by the Saturdays 28 September and
// 12 October (调休 make-up working days).
const NATIONAL_DAY = { zh: '国庆节', en: 'National Day' };
const HOLIDAYS: HolidayData = {
  years: new Set([2030]),
  holidays: new Map(
    ['01', '02', '03', '04', '05', '06', '07'].map((d) => [`2030-10-${d}` as IsoDate, NATIONAL_DAY]),
  ),
  workdays: new Map([
    ['2030-09-28', NATIONAL_DAY],
    ['2030-10-12', NATIONAL_DAY],
  ]),
};
const plan = buildPlan(parsePlanSettings({ target: '588万', year: 2030 }), { holidays: HOLIDAYS });
const WAN = 1_000_000;
const monthPlan = (date: string) =>
  plan.days.filter((d) => d.date.startsWith(date.slice(0, 7))).reduce((n, d) => n + d.amount, 0);
const dayPlan = (date: string) => plan.days.find((d) => d.date === date)?.amount ?? 0;

describe('run-rate: one definition of the days left', () => {
  it('counts a day as remaining until it is over', () => {
    expect(firstRemainingDay('2030-04-01', '2030-04-01')).toBe('2030-04-01');
    expect(firstRemainingDay('2030-04-01', '2030-04-02')).toBe('2030-04-02');
    // A report as of a day still to come (a future year's eve) counts that day too.
    expect(firstRemainingDay('2030-04-05', '2030-04-01')).toBe('2030-04-05');
  });

  it.each([
    [1_000_00, 0, 3, { remaining: 1_000_00, requiredDailyRate: Math.ceil(1_000_00 / 3) }],
    [1_000_00, 1_000_00, 3, { remaining: 0, requiredDailyRate: 0 }],
    [1_000_00, 5_000_00, 0, { remaining: 0, requiredDailyRate: 0 }],
    [1_000_00, 1, 0, { remaining: 99_999, requiredDailyRate: null }],
    [10, 0, 3, { remaining: 10, requiredDailyRate: 4 }],
  ])('plan %i, signed %i, %i days → %o', (p, signed, days, expected) => {
    expect(runRate(p, signed, days)).toEqual(expected);
  });
});

describe('Today and the progress month row agree on the same day', () => {
  // [case, today, signed this month so far (today's included), days left (counted by hand),
  //  working, whether something is still needed today]
  const cases: [string, IsoDate, number, number, boolean][] = [
    // Monday 1 April: Mon–Fri 1–5, 8–12, 15–19, 22–26, 29–30 = 22 days, today among them.
    ['first day of a month', '2030-04-01', 0, 22, true],
    ['first day of a month, signed this morning', '2030-04-01', 3 * WAN, 22, true],
    // Tuesday 31 December, the year's last working day: it alone is left.
    ['last working day of the year, behind', '2030-12-31', 10 * WAN, 1, true],
    // Saturday 12 October is a make-up working day: it, 14–18, 21–25 and 28–31 = 15.
    ['a make-up Saturday', '2030-10-12', 20 * WAN, 15, true],
    // Saturday 28 September (make-up) and Monday 30 September.
    ['a make-up Saturday at the month end', '2030-09-28', 0, 2, true],
    // 1 October is a holiday: 8–11, 12 (Sat), 14–18, 21–25, 28–31 = 19 days, not today.
    ['a holiday', '2030-10-01', 0, 19, false],
  ];
  it.each(cases)('%s (%s)', (_, date, signed, days, working) => {
    const n = todayNumbers(plan, date, undefined, signed, { today: date, yearActual: signed });
    const remaining = Math.max(0, monthPlan(date) - signed);
    const rate = Math.ceil(remaining / days);
    expect(n).toMatchObject({
      working,
      carriesTarget: working,
      planToday: dayPlan(date),
      neededToday: working ? rate : 0,
      neededReason: working ? 'needed' : 'not_target_day',
      month: {
        plan: monthPlan(date),
        actual: signed,
        remaining,
        remainingWorkingDays: days,
        requiredDailyRate: rate,
      },
    });
    if (working) expect(n.planToday).toBeGreaterThan(0);
    else expect(n.planToday).toBe(0);
    const [row] = computeProgressRows(
      plan,
      signed ? [{ date, amount: signed, market: '*', class: 'A', member: '*' }] : [],
      {
        level: 'months',
        dimension: 'none',
        asOf: date,
        today: date,
      },
    ).filter((r) => r.start <= date && date <= r.end);
    expect(row).toMatchObject({
      plan: n.month.plan,
      planToDate: n.month.planToDate,
      actual: n.month.actual,
      remaining: n.month.remaining,
      remainingWorkingDays: n.month.remainingWorkingDays,
      requiredDailyRate: n.month.requiredDailyRate,
    });
  });

  it('on the last working day of a year 42万 ahead: nothing is needed, the plan’s amount is still said', () => {
    const date = '2030-12-31';
    const yearPlan = plan.days.reduce((n, d) => n + d.amount, 0);
    const december = monthPlan(date);
    // The year is 42万 ahead; December itself either ahead (20万 over) or behind (10万 short).
    for (const monthSigned of [december + 20 * WAN, december - 10 * WAN]) {
      const signed = [
        { date: '2030-06-10' as IsoDate, amount: yearPlan + 42 * WAN - monthSigned },
        { date: '2030-12-02' as IsoDate, amount: monthSigned },
      ].map((s) => ({ ...s, market: '*', class: 'A' as const, member: '*' }));
      const n = todayNumbers(plan, date, undefined, monthSigned, {
        today: date,
        yearActual: yearPlan + 42 * WAN,
      });
      expect(n).toMatchObject({
        carriesTarget: true,
        neededToday: 0,
        neededReason: 'year_met',
        year: { plan: yearPlan, actual: yearPlan + 42 * WAN, remaining: 0 },
        month: { remainingWorkingDays: 1, remaining: Math.max(0, december - monthSigned) },
      });
      // What the plan said for the day is still there, labelled as the plan's.
      expect(n.planToday).toBe(dayPlan(date));
      expect(n.planToday).toBeGreaterThan(0);
      const [yearRow] = computeProgressRows(plan, signed, {
        level: 'year',
        dimension: 'none',
        asOf: date,
        today: date,
      });
      expect(yearRow).toMatchObject({
        difference: 42 * WAN,
        remaining: 0,
        remainingWorkingDays: 1,
        requiredDailyRate: 0,
      });
      // The month's own row still agrees with Today's month, behind or not.
      const decRow = computeProgressRows(plan, signed, {
        level: 'months',
        dimension: 'none',
        asOf: date,
        today: date,
      })[11];
      expect(decRow?.requiredDailyRate).toBe(n.month.requiredDailyRate);
    }
    // A year not met yet on its last day needs the month's rest today.
    const behind = todayNumbers(plan, date, undefined, december - 10 * WAN, {
      today: date,
      yearActual: yearPlan - 10 * WAN,
    });
    expect(behind).toMatchObject({ neededToday: 10 * WAN, neededReason: 'needed' });
    // A month already met needs nothing today either, though the year still does.
    const april = todayNumbers(plan, '2030-04-10', undefined, monthPlan('2030-04-10'), {
      today: '2030-04-10',
      yearActual: monthPlan('2030-04-10'),
    });
    expect(april).toMatchObject({
      neededToday: 0,
      neededReason: 'month_met',
      month: { requiredDailyRate: 0 },
    });
    // A caller the plan gives nothing to needs nothing, and is told why.
    const outsider = todayNumbers(plan, '2030-04-10', [], 0, { today: '2030-04-10', yearActual: 0 });
    expect(outsider).toMatchObject({ planToday: 0, neededToday: 0, neededReason: 'no_share' });
  });

  it('looked at after the day: the day is over, nothing more is needed on it', () => {
    const n = todayNumbers(plan, '2030-04-01', undefined, 0, { today: '2030-04-03', yearActual: 0 });
    expect(n.month.remainingWorkingDays).toBe(21);
    expect(n).toMatchObject({ neededToday: 0, neededReason: 'day_over' });
    expect(n.planToday).toBe(dayPlan('2030-04-01'));
    const [, , , april] = computeProgressRows(plan, [], {
      level: 'months',
      dimension: 'none',
      asOf: '2030-04-01',
      today: '2030-04-03',
    });
    expect(april?.remainingWorkingDays).toBe(21);
    // A finished year looked back on: no day left, the rest cannot be "per day".
    const [year] = computeProgressRows(plan, [], {
      level: 'year',
      dimension: 'none',
      asOf: '2030-12-31',
      today: '2031-01-05',
    });
    expect(year).toMatchObject({ remainingWorkingDays: 0, requiredDailyRate: null });
  });

  it('agrees for any day of the year, whatever was signed, seen on the day or after it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: plan.days.length - 1 }),
        fc.integer({ min: 0, max: 80 * WAN }),
        fc.integer({ min: 0, max: 3 }),
        (d, signed, later) => {
          const date = plan.days[d]?.date as IsoDate;
          const today = plan.days[Math.min(d + later, plan.days.length - 1)]?.date as IsoDate;
          const n = todayNumbers(plan, date, undefined, signed, { today, yearActual: signed });
          const row = computeProgressRows(
            plan,
            [{ date, amount: signed, market: '*', class: 'A', member: '*' }],
            {
              level: 'months',
              dimension: 'none',
              asOf: date,
              today,
            },
          )[Number(date.slice(5, 7)) - 1];
          expect(row).toMatchObject({
            remaining: n.month.remaining,
            remainingWorkingDays: n.month.remainingWorkingDays,
            requiredDailyRate: n.month.requiredDailyRate,
          });
          // Something is needed today only on a target day that is not over.
          if (n.neededToday > 0) expect(n.carriesTarget && today === date).toBe(true);
          expect(n.neededReason === 'needed').toBe(n.neededToday > 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
