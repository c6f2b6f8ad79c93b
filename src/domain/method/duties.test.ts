import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRepeatCandidate, weeklyNewCustomerQuota } from './duties.js';

describe('isRepeatCandidate', () => {
  it.each([
    ['A', '2026-05-31', '2026-11-28', true], // 181 days
    ['A', '2026-06-01', '2026-11-28', false], // 180 days: not yet
    ['B', '2026-03-02', '2026-11-28', true], // 271 days
    ['B', '2026-03-03', '2026-11-28', false], // 270 days
    ['B', '2026-05-31', '2026-11-28', false],
    ['C', '2025-01-01', '2026-11-28', false],
    ['new', '2025-01-01', '2026-11-28', false],
    ['A', null, '2026-11-28', false],
  ] as const)('%s customer last signed %s on %s → %s', (cls, last, today, expected) => {
    expect(isRepeatCandidate(cls, last, today)).toBe(expected);
  });
});

describe('weeklyNewCustomerQuota', () => {
  const weeks = [
    { start: '2026-01-01', end: '2026-01-04', workingDays: 1 },
    { start: '2026-01-05', end: '2026-01-11', workingDays: 5 },
    { start: '2026-01-12', end: '2026-01-18', workingDays: 5 },
    { start: '2026-01-19', end: '2026-01-25', workingDays: 0 },
  ];
  // 11 over 1/5/5/0 → 1, 5, 5, 0; week 2's 5 over two assistants → 3, 2.
  it.each([
    ['2026-01-06', 0, 2, 3],
    ['2026-01-06', 1, 2, 2],
    ['2026-01-20', 0, 1, 0], // a week without working days
    ['2027-01-20', 0, 1, 0], // after the plan's weeks
  ] as const)(
    'splits the new customers by working days, then over the assistants: on %s, assistant #%i of %i gets %i',
    (today, assistantIndex, assistants, expected) => {
      expect(weeklyNewCustomerQuota({ newCustomers: 11, weeks, today, assistants, assistantIndex })).toBe(
        expected,
      );
    },
  );
  it('adds up over weeks and assistants to the year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 53 }),
        fc.integer({ min: 1, max: 5 }),
        (newCustomers, working, assistants) => {
          const ws = working.map((workingDays, i) => {
            const d = `2026-01-${String(i + 1).padStart(2, '0')}`;
            return { start: d, end: d, workingDays };
          });
          let sum = 0;
          for (const w of ws.slice(0, 31))
            for (let a = 0; a < assistants; a++)
              sum += weeklyNewCustomerQuota({
                newCustomers,
                weeks: ws,
                today: w.start,
                assistants,
                assistantIndex: a,
              });
          if (ws.length <= 31) expect(sum).toBe(newCustomers);
        },
      ),
    );
  });
});
