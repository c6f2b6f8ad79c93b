/**
 * computeCatchUp on China's 2026 calendar (248 working days; January's 21 run from the
 * make-up Sunday 4 January to Friday 30 January, see periods.test.ts) with a target of
 * 2,480 yuan: the plan puts exactly 1,000 fen on every working day.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { buildYearCalendar } from '../calendar.js';
import { toHolidayData } from '../holiday-file.js';
import { computeCatchUp } from './catch-up.js';
import { spreadOverYear } from './periods.js';
import { parsePlanSettings } from './settings.js';

const calendar = buildYearCalendar(2026, { holidays: toHolidayData(chineseDays) });

/** The catch-up of a 2,480-yuan plan for 2026 as of `asOf`, the plan's amount through it given. */
function catchUp(asOf: string, plannedToDate: number, input: Record<string, unknown>) {
  const settings = parsePlanSettings({ target: '2480', year: 2026, ...input });
  return computeCatchUp({
    settings,
    asOf,
    plannedToDate,
    respread: (fromEpochDay, total) =>
      spreadOverYear({ calendar, total, fromEpochDay, spreadOver: settings.spreadOver }),
  });
}

describe('computeCatchUp', () => {
  it('re-spreads what is left over the days left, today included, when behind', () => {
    const actuals = [
      { date: '2025-12-31', amount: '5' },
      { date: '2026-01-10', amount: '100' },
      { date: '2026-02-02', amount: '30' },
    ];
    // As of Friday 30 January, all 21 January working days are planned: 21,000 fen.
    const c = catchUp('2026-01-30', 21_000, { actuals });
    expect(c).toMatchObject({
      actualToDate: 10_000,
      plannedToDate: 21_000,
      difference: -11_000,
      status: 'behind',
      remaining: 238_000,
      // 248 − the 20 working days before the 30th.
      remainingDays: 228,
      // 238,000 ÷ 228 = 1,043.86 → 1,044 fen a day, against the plan's 1,000.
      requiredDailyRate: 1_044,
      plannedDailyRate: 1_000,
      ignoredLaterActuals: 1,
      ignoredOutsidePlan: 1,
    });
    expect(c.days).toHaveLength(228);
    expect(c.days[0]?.date).toBe('2026-01-30');
    expect(c.months[0]).toMatchObject({ month: 1, workingDays: 1 });
    expect([1_043, 1_044]).toContain(c.months[0]?.amount);
    // February's exact share: 238,000 × 16 ÷ 228 = 16,701.75.
    expect(c.months[1]?.workingDays).toBe(16);
    expect([16_701, 16_702]).toContain(c.months[1]?.amount);
    expect(c.months.reduce((n, m) => n + m.amount, 0)).toBe(238_000);
    expect(c.days.reduce((n, d) => n + d.amount, 0)).toBe(238_000);
  });

  it('is on track on the make-up Sunday when its planned 1,000 fen are signed', () => {
    const c = catchUp('2026-01-04', 1_000, { actuals: [{ date: '2026-01-04', amount: '10' }] });
    expect(c).toMatchObject({ difference: 0, status: 'on_track', remaining: 247_000, remainingDays: 248 });
    // 247,000 ÷ 248 = 995.97 → 996.
    expect(c.requiredDailyRate).toBe(996);
  });

  it('needs nothing more once the target is met, and re-spreads nothing', () => {
    // Through 30 June, 59 + 61 working days are planned.
    const c = catchUp('2026-06-30', 120_000, { actuals: [{ date: '2026-06-30', amount: '2500' }] });
    expect(c).toMatchObject({ difference: 130_000, status: 'ahead', remaining: 0, requiredDailyRate: 0 });
    // 30 June and July–December's 23 + 21 + 22 + 18 + 21 + 23 working days.
    expect(c.remainingDays).toBe(129);
    expect(c.months.every((m) => m.amount === 0)).toBe(true);
  });

  it('counts the days left from the start of a plan that has not begun', () => {
    const c = catchUp('2026-03-31', 0, {
      startDate: '2026-07-01',
      actuals: [{ date: '2026-03-02', amount: '1' }],
    });
    expect(c.ignoredOutsidePlan).toBe(1);
    expect(c.actualToDate).toBe(0);
    // July–December: 128 working days; the plan's own rate is 248,000 ÷ 128 = 1,937.5 → 1,938.
    expect(c.remainingDays).toBe(128);
    expect(c.plannedDailyRate).toBe(1_938);
    expect(c.requiredDailyRate).toBe(1_938);
    expect(c.days[0]?.date).toBe('2026-07-01');
  });
});
