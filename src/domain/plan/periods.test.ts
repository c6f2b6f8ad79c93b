/**
 * spreadOverYear over China's 2026 calendar (State Council arrangement, as in chinese-days):
 * holidays Jan 1–3, Feb 15–23, Apr 4–6, May 1–5, Jun 19–21, Sep 25–27, Oct 1–7; make-up
 * working days Sun Jan 4, Sat Feb 14, Sat Feb 28, Sat May 9, Sun Sep 20, Sat Oct 10.
 * Counted by hand: 261 weekdays − 19 holiday weekdays + 6 make-up days = 248 working days,
 * per month 21, 16, 22 | 21, 19, 21 | 23, 21, 22 | 18, 21, 23.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { buildYearCalendar, type CalendarOverrides } from '../calendar.js';
import { toEpochDay } from '../dates.js';
import { toHolidayData } from '../holiday-file.js';
import { type SpreadOptions, spreadOverYear } from './periods.js';

const holidays = toHolidayData(chineseDays);
const WORKING_DAYS_PER_MONTH = [21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23];

/** Spreads `total` fen over 2026 from `from` on (1 January by default). */
function spread(
  total: number,
  options: Partial<SpreadOptions> & { from?: string; overrides?: CalendarOverrides } = {},
) {
  const { from = '2026-01-01', overrides, ...rest } = options;
  return spreadOverYear({
    calendar: buildYearCalendar(2026, { holidays, ...(overrides ? { overrides } : {}) }),
    total,
    fromEpochDay: toEpochDay(from),
    spreadOver: 'working-days',
    ...rest,
  });
}

describe('spreadOverYear on the 2026 calendar of mainland China', () => {
  // 248 working days × 100 fen: every working day's exact share is 100, no rounding at all.
  const s = spread(24_800);
  const amountOn = (date: string) => s.amounts[s.days.findIndex((d) => d.date === date)];

  it('gives every working day the same share and the months their working days × 100', () => {
    expect(s.carries.reduce((n, c) => n + c, 0)).toBe(248);
    expect(s.months).toEqual(WORKING_DAYS_PER_MONTH.map((n) => n * 100));
    expect(s.quarters).toEqual([5_900, 6_100, 6_600, 6_200]);
  });

  it('gives public holidays nothing, weekdays inside them included', () => {
    expect(amountOn('2026-01-01')).toBe(0); // New Year's Day, a Thursday
    expect(amountOn('2026-02-17')).toBe(0); // Spring Festival, a Tuesday
    expect(amountOn('2026-10-07')).toBe(0); // National Day, a Wednesday
    expect(amountOn('2026-10-08')).toBe(100); // the Thursday after it
  });

  it('gives the make-up weekend days (调休) a share, and the other weekends nothing', () => {
    for (const date of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) {
      expect(amountOn(date)).toBe(100);
    }
    expect(amountOn('2026-01-10')).toBe(0);
    expect(amountOn('2026-02-15')).toBe(0);
  });

  it('rounds a share that does not divide to its floor or ceiling, and still sums exactly', () => {
    // Monday 28 to Thursday 31 December carry 10 fen: 2.5 each, so two days 3 and two days 2.
    const late = spread(10, { from: '2026-12-28' });
    const last = [...late.amounts.slice(-4)];
    expect(last.sort((a, b) => a - b)).toEqual([2, 2, 3, 3]);
    expect(late.amounts.reduce((a, b) => a + b, 0)).toBe(10);
    expect(late.months).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10]);
    expect(late.quarters).toEqual([0, 0, 0, 10]);
  });

  it('spreads over field days only: Tuesday to Thursday, holidays and make-up Saturdays excluded', () => {
    // February alone (seasonality), from Monday 9 February: the 10th–12th and 24th–26th;
    // the 17th–19th are Spring Festival and the make-up Saturdays are not field days.
    const seasonality = [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const field = spread(6_000, { from: '2026-02-09', spreadOver: 'field-days', seasonality });
    const carried = field.days.filter((_, d) => field.carries[d]).map((d) => d.date);
    expect(carried).toEqual([
      '2026-02-10',
      '2026-02-11',
      '2026-02-12',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
    ]);
    for (const date of carried)
      expect(field.amounts[field.days.findIndex((d) => d.date === date)]).toBe(1_000);
    expect(field.months[1]).toBe(6_000);
  });

  it('weighs a month by its seasonality factor × its working days, exactly for decimal factors', () => {
    // January 1.2 × 21 = 25.2 and February 0.8 × 16 = 12.8 of 38: 3,800 fen → 2,520 and 1,280,
    // that is 120 per January and 80 per February working day.
    const seasonality = [1.2, 0.8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    const weighted = spread(3_800, { seasonality });
    expect(weighted.months.slice(0, 3)).toEqual([2_520, 1_280, 0]);
    expect(weighted.amounts[weighted.days.findIndex((d) => d.date === '2026-01-05')]).toBe(120);
    expect(weighted.amounts[weighted.days.findIndex((d) => d.date === '2026-02-14')]).toBe(80);
    expect(weighted.carries.reduce((n, c) => n + c, 0)).toBe(21 + 16);
  });

  it('refuses to place an amount when no day in range carries one, and spreads 0 anywhere', () => {
    const overrides = { daysOff: ['2026-12-31'] };
    expect(() => spread(1, { from: '2026-12-31', overrides })).toThrow(
      expect.objectContaining({
        code: 'PLAN.NO_WORKING_DAYS',
        details: { from: '2026-12-31', to: '2026-12-31' },
      }),
    );
    const nothing = spread(0, { from: '2026-12-31', overrides });
    expect(nothing.amounts.every((a) => a === 0)).toBe(true);
    expect(nothing.months).toEqual(new Array(12).fill(0));
  });
});
