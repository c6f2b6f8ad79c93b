import { describe, expect, it } from 'vitest';
import { NO_HOLIDAYS } from '../../../test/harness/plan-settings.js';
import { buildPlan, type PlanResult } from '../plan/plan.js';
import { parsePlanSettings } from '../plan/settings.js';
import { computeProgressRows, type ProgressDimension, type SignedAmount } from './progress.js';

// Mon–Fri calendar (a year the holiday data does not know), so working days are easy to count.
function plan(): PlanResult {
  return buildPlan(
    parsePlanSettings({
      target: '120万',
      year: 2030,
      markets: [
        { name: '杭州', share: 60 },
        { name: '海外', share: 40 },
      ],
      members: [
        { name: '王磊', weight: 3 },
        { name: '李娜', weight: 1 },
      ],
    }),
    { holidays: NO_HOLIDAYS },
  );
}

const sale = (date: string, amount: number, over: Partial<SignedAmount> = {}): SignedAmount => ({
  date,
  amount,
  market: '杭州',
  class: 'A',
  member: '王磊',
  ...over,
});

/** Sum of the plan's days in [from, to] (inclusive) for one accessor. */
function planSum(p: PlanResult, from: string, to: string, of: (d: PlanResult['days'][number]) => number) {
  return p.days.filter((d) => d.date >= from && d.date <= to).reduce((n, d) => n + of(d), 0);
}

describe('progress vs plan', () => {
  const p = plan();

  it('gives plan, plan to date, actual, difference and the exact run-rate for a month', () => {
    const signed = [sale('2030-03-04', 30_000_00), sale('2030-03-10', 5_000_00)];
    // Made on 2030-03-15 itself: that day is not over, so it is still a remaining day.
    const rows = computeProgressRows(p, signed, {
      level: 'months',
      dimension: 'none',
      asOf: '2030-03-15',
      today: '2030-03-15',
    });
    expect(rows).toHaveLength(12);
    const march = rows[2];
    const plan = planSum(p, '2030-03-01', '2030-03-31', (d) => d.amount);
    const toDate = planSum(p, '2030-03-01', '2030-03-15', (d) => d.amount);
    // 2030-03-15 is a Friday: it and the Mon–Fri days from the 18th to the 29th = 11.
    const left = p.days.filter((d) => d.date >= '2030-03-15' && d.date <= '2030-03-31' && d.working).length;
    expect(left).toBe(11);
    expect(march).toEqual({
      period: '2030-03',
      start: '2030-03-01',
      end: '2030-03-31',
      segment: null,
      plan,
      planToDate: toDate,
      actual: 35_000_00,
      difference: 35_000_00 - toDate,
      status: 35_000_00 > toDate ? 'ahead' : 'behind',
      remaining: plan - 35_000_00,
      remainingWorkingDays: 11,
      requiredDailyRate: Math.ceil((plan - 35_000_00) / 11),
    });
    // The same report looked at later: the 15th is over, so the days left start on the 18th.
    const later = computeProgressRows(p, signed, {
      level: 'months',
      dimension: 'none',
      asOf: '2030-03-15',
      today: '2030-03-20',
    });
    expect(later[2]).toMatchObject({
      remainingWorkingDays: 10,
      requiredDailyRate: Math.ceil((plan - 35_000_00) / 10),
    });
    // A later month has no actual yet and nothing planned to date.
    expect(rows[5]).toMatchObject({ planToDate: 0, actual: 0, status: 'on_track' });
  });

  it('reports a met target with rate 0 and a finished period with no day left as null', () => {
    const met = computeProgressRows(p, [sale('2030-01-02', 2_000_000_00)], {
      level: 'year',
      dimension: 'none',
      asOf: '2030-06-30',
    });
    expect(met[0]).toMatchObject({ plan: 120_000_000, remaining: 0, requiredDailyRate: 0, status: 'ahead' });
    const behind = computeProgressRows(p, [sale('2030-01-02', 1_00)], {
      level: 'quarters',
      dimension: 'none',
      asOf: '2030-06-30',
    });
    expect(behind[0]).toMatchObject({ remainingWorkingDays: 0, requiredDailyRate: null, status: 'behind' });
    expect(behind[3]?.remainingWorkingDays).toBe(
      p.days.filter((d) => d.date >= '2030-10-01' && d.working).length,
    );
  });

  it('splits by market, class and member, and reports unknown names as unassigned', () => {
    const signed = [
      sale('2030-02-01', 10_000_00),
      sale('2030-02-02', 7_000_00, { market: '宁波', member: '陌生人', class: 'new' }),
    ];
    // The whole year of one dimension.
    const year = (dimension: ProgressDimension) =>
      computeProgressRows(p, signed, { level: 'year', dimension, asOf: '2030-12-31' });
    const markets = year('markets');
    expect(markets.map((r) => [r.segment, r.plan, r.actual])).toEqual([
      ['杭州', 72_000_000, 10_000_00],
      ['海外', 48_000_000, 0],
      ['unassigned', 0, 7_000_00],
    ]);
    const members = year('members');
    expect(members.map((r) => [r.segment, r.plan, r.actual])).toEqual([
      ['王磊', 90_000_000, 10_000_00],
      ['李娜', 30_000_000, 0],
      ['unassigned', 0, 7_000_00],
    ]);
    const classes = year('classes');
    expect(classes.map((r) => r.segment)).toEqual(['A', 'B', 'C', 'new']);
    expect(classes.find((r) => r.segment === 'new')?.actual).toBe(7_000_00);
    // No dimension: nothing is dropped.
    const total = year('none');
    expect(total[0]?.actual).toBe(17_000_00);
  });

  it('counts only the team members’ share of the plan for a lead, and ignores signatures after asOf', () => {
    const rows = computeProgressRows(p, [sale('2030-05-05', 1_000_00), sale('2030-05-20', 9_00)], {
      level: 'months',
      dimension: 'none',
      asOf: '2030-05-10',
      members: ['李娜'],
    });
    const may = rows[4];
    expect(may?.plan).toBe(planSum(p, '2030-05-01', '2030-05-31', (d) => d.byMember[1] ?? 0));
    expect(may?.actual).toBe(1_000_00);
    const yearRows = computeProgressRows(p, [], {
      level: 'year',
      dimension: 'markets',
      asOf: '2030-05-10',
      members: ['李娜'],
    });
    // The team's quarter share of each market (an estimate: 1/4 of the plan).
    expect(yearRows.map((r) => r.plan)).toEqual([18_000_000, 12_000_000]);
  });

  it('has a row for every day and every week, all zero without actuals', () => {
    const days = computeProgressRows(p, [], { level: 'days', dimension: 'none', asOf: '2030-01-01' });
    expect(days).toHaveLength(365);
    expect(days.every((r) => r.actual === 0)).toBe(true);
    const weeks = computeProgressRows(p, [], { level: 'weeks', dimension: 'none', asOf: '2030-01-01' });
    expect(weeks.reduce((n, r) => n + r.plan, 0)).toBe(120_000_000);
  });
});
