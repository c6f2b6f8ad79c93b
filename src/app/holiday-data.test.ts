import { describe, expect, it } from 'vitest';
import { buildYearCalendar, type YearCalendar } from '../domain/calendar.js';
import { chinaHolidayData } from './holiday-data.js';

const holidays = chinaHolidayData();
const countWorkingDays = (cal: YearCalendar, month?: number) =>
  cal.days.filter((d) => d.working && (month === undefined || d.month === month)).length;
const dayOf = (cal: ReturnType<typeof buildYearCalendar>, date: string) =>
  cal.days.find((d) => d.date === date);

describe('China working calendar', () => {
  const cal2026 = buildYearCalendar(2026, { holidays });

  it('has 248 working days in 2026 and 16 in February 2026', () => {
    expect(countWorkingDays(cal2026)).toBe(248);
    expect(countWorkingDays(cal2026, 2)).toBe(16);
    expect(cal2026.source).toBe('chinese-holidays');
    expect(cal2026.warnings).toEqual([]);
  });

  it.each([
    ['2026-02-17', 'holiday', false, '春节'],
    ['2026-02-14', 'makeup_workday', true, '春节'],
    ['2026-10-10', 'makeup_workday', true, '国庆节'],
    ['2026-10-01', 'holiday', false, '国庆节'],
    ['2026-03-02', 'workday', true, undefined],
    ['2026-03-07', 'weekend', false, undefined],
  ])('%s is a %s', (date, kind, working, name) => {
    const day = dayOf(cal2026, date);
    expect(day?.kind).toBe(kind);
    expect(day?.working).toBe(working);
    expect(day?.holiday?.zh).toBe(name);
  });

  it('marks field days by the weekly rhythm (default Tue/Wed/Thu) among working days only', () => {
    expect(dayOf(cal2026, '2026-03-03')?.field).toBe(true);
    expect(dayOf(cal2026, '2026-03-02')?.field).toBe(false);
    expect(dayOf(cal2026, '2026-10-01')?.field).toBe(false); // a Thursday, but National Day
    const monFri = buildYearCalendar(2026, { holidays, fieldDays: [1, 5] });
    expect(monFri.days.filter((d) => d.field).every((d) => d.weekday === 1 || d.weekday === 5)).toBe(true);
  });

  it('applies overrides: leave and days off win over working days, extra workdays over weekends', () => {
    const cal = buildYearCalendar(2026, {
      holidays,
      overrides: { leave: ['2026-03-02'], daysOff: ['2026-03-03'], workdays: ['2026-03-07', '2027-01-02'] },
    });
    expect(dayOf(cal, '2026-03-02')?.kind).toBe('leave');
    expect(dayOf(cal, '2026-03-03')?.kind).toBe('day_off');
    expect(dayOf(cal, '2026-03-07')?.kind).toBe('extra_workday');
    expect(countWorkingDays(cal)).toBe(248 - 2 + 1);
    expect(cal.warnings.map((w) => w.code)).toEqual(['CALENDAR.OVERRIDE_OUTSIDE_YEAR']);
  });

  it('falls back to Monday–Friday with a visible warning for a year without holiday data', () => {
    const cal = buildYearCalendar(2031, { holidays });
    expect(cal.source).toBe('weekdays');
    expect(countWorkingDays(cal)).toBe(261);
    expect(cal.warnings).toHaveLength(1);
    expect(cal.warnings[0]?.code).toBe('CALENDAR.NO_HOLIDAY_DATA');
    expect(cal.warnings[0]?.en).toContain('2031');
    expect(cal.warnings[0]?.zh).toContain('2031');
  });
});
