/**
 * The browser tests' working-day clock against the published 2026 arrangement (State
 * Council, through the pinned `chinese-days` data): weekends, holidays, make-up Saturdays
 * and the New Year edge. No browser needed.
 */
import { describe, expect, it } from 'vitest';
import { dateInTimeZone } from '../../src/domain/dates.js';
import { shiftedClock, workingDayOffset } from './working-day.js';

const DAY = 86_400_000;
/** 10:00 in Shanghai on `date`. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe('workingDayOffset', () => {
  it.each([
    ['2026-11-25', '2026-11-25', 'a Wednesday is one'],
    ['2026-11-29', '2026-11-27', 'Sunday goes back to Friday'],
    ['2026-10-01', '2026-09-30', 'National Day goes back to the day before'],
    ['2026-10-07', '2026-09-30', 'the last day of the Golden Week too'],
    ['2026-10-10', '2026-10-10', 'a make-up Saturday (调休) is a working day'],
    ['2026-02-23', '2026-02-14', 'the Spring Festival goes back to its make-up Saturday'],
    ['2026-01-02', '2026-01-04', 'New Year: forward to the year’s first working day, never into last year'],
  ])('%s → %s (%s)', (today, expected) => {
    const offset = workingDayOffset(at(today));
    expect(Math.abs(offset) % DAY).toBe(0);
    expect(dateInTimeZone(new Date(at(today).getTime() - offset), 'Asia/Shanghai')).toBe(expected);
  });

  it('keeps the time of day and lets time run', async () => {
    const clock = shiftedClock(2 * DAY);
    const first = clock().getTime();
    expect(Math.abs(first - (Date.now() - 2 * DAY))).toBeLessThan(1000);
    await expect.poll(() => clock().getTime()).toBeGreaterThan(first);
  });
});
