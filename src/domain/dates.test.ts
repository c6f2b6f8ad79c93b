import { describe, expect, it } from 'vitest';
import { addDays, dateInTimeZone, isIsoDate, isoWeekOf, toEpochDay, weekdayOfEpochDay } from './dates.js';

describe('business dates', () => {
  it.each([
    ['2026-01-01', true],
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['2026-13-01', false],
    ['2026-1-1', false],
    ['20260101', false],
  ])('isIsoDate(%s) = %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected);
  });

  it.each([
    ['2026-01-01', 2026, 1, 4],
    ['2025-12-29', 2026, 1, 1],
    ['2027-01-01', 2026, 53, 5],
    ['2024-12-30', 2025, 1, 1],
    ['2026-12-31', 2026, 53, 4],
  ])('%s is in ISO week %i-W%i, weekday %i', (date, isoYear, week, weekday) => {
    const day = toEpochDay(date);
    expect(isoWeekOf(day)).toEqual({ isoYear, week });
    expect(weekdayOfEpochDay(day)).toBe(weekday);
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });

  it('takes today in the workspace time zone, not the machine one', () => {
    const instant = new Date('2026-03-01T17:30:00Z');
    expect(dateInTimeZone(instant, 'Asia/Shanghai')).toBe('2026-03-02');
    expect(dateInTimeZone(instant, 'UTC')).toBe('2026-03-01');
  });
});
