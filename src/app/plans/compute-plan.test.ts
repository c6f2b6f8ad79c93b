/**
 * What computePlan adds to the engine (whose own tests are beside src/domain/plan): China's
 * holiday data read from the chinese-days file, "today" from the clock in the plan's time
 * zone or from the user's date, and the date checks. The decomposition, funnel, catch-up
 * and input rules are tested in src/domain/plan/{plan,catch-up,settings}.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { chinaHolidayData } from '../holiday-data.js';
import { computePlan } from './compute-plan.js';

const holidays = chinaHolidayData();
// 17:00 UTC on 1 March is 01:00 on Monday 2 March in Shanghai.
const NOW = new Date('2026-03-01T17:00:00Z');

describe('computePlan', () => {
  it("plans on mainland China's published holidays and make-up working days", () => {
    const p = computePlan({ target: '588万', year: 2026 }, { holidays, now: NOW });
    expect(p.calendar.source).toBe('chinese-holidays');
    expect(p.calendar.workingDays).toBe(248);
    expect(p.calendar.holidays.find((h) => h.date === '2026-02-17')?.name.zh).toBe('春节');
    expect(p.calendar.makeupWorkdays.map((d) => d.date)).toEqual([
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it("takes today from the clock in the plan's time zone", () => {
    const shanghai = computePlan({ target: '588万', year: 2026 }, { holidays, now: NOW });
    expect(shanghai.today?.date).toBe('2026-03-02');
    const utc = computePlan({ target: '588万', year: 2026, timeZone: 'UTC' }, { holidays, now: NOW });
    expect(utc.today?.date).toBe('2026-03-01');
  });

  it("takes the user's date as today when one is given", () => {
    const p = computePlan({ target: '588万', year: 2026 }, { holidays, now: NOW, date: '2026-03-31' });
    expect(p.today?.date).toBe('2026-03-31');
  });

  it('rejects an explicit date outside the plan year', () => {
    expect(() =>
      computePlan({ target: '588万', year: 2026 }, { holidays, now: NOW, date: '2025-12-31' }),
    ).toThrow(expect.objectContaining({ code: 'PLAN.DATE_OUT_OF_YEAR' }));
  });

  it("only warns when the clock's today lies outside the plan year (planning next year in December)", () => {
    const p = computePlan(
      { target: '588万', year: 2027 },
      { holidays, now: new Date('2026-12-15T02:00:00Z') },
    );
    expect(p.today).toBeUndefined();
    expect(p.warnings.map((w) => w.code)).toContain('PLAN.TODAY_OUTSIDE_YEAR');
  });

  it('validates the input first', () => {
    expect(() => computePlan({ target: 'lots', year: 2026 }, { holidays, now: NOW })).toThrow(
      expect.objectContaining({ code: 'PLAN.INVALID' }),
    );
  });
});
