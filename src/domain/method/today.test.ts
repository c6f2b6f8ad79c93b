import { describe, expect, it } from 'vitest';
import { buildPlan } from '../plan/plan.js';
import { parsePlanSettings } from '../plan/settings.js';
import { type CustomerFacts, suggestionReasons, todayNumbers } from './today.js';

const base: CustomerFacts = {
  status: 'contacted',
  class: 'B',
  kpContactId: null,
  willingToSign: 'unknown',
  ableToPay: 'unknown',
  expectedFundsOn: null,
  attemptFundsOn: [],
  lastSignedOn: null,
  seminars: [],
};
const TODAY = '2026-03-02';
const seminar = { title: '春季会销', status: 'planned' as const, rsvp: 'pending' as const, attended: false };

describe('Today suggestions', () => {
  it.each([
    ['nothing known', {}, []],
    ['funds in 7 days', { expectedFundsOn: '2026-03-09' }, ['funds_arriving']],
    ['funds 3 days ago', { attemptFundsOn: ['2026-02-27'] }, ['funds_arriving']],
    ['funds in 8 days', { expectedFundsOn: '2026-03-10' }, []],
    ['funds 4 days ago', { attemptFundsOn: ['2026-02-26'] }, []],
    ['funds but already won', { status: 'won', expectedFundsOn: TODAY }, []],
    [
      'qualified proposal',
      { status: 'proposal', kpContactId: 'c', willingToSign: 'yes', ableToPay: 'yes' },
      ['qualified_not_closed'],
    ],
    ['qualified facts, still contacted', { kpContactId: 'c', willingToSign: 'yes', ableToPay: 'yes' }, []],
    ['qualified stage, no KP', { status: 'qualified', willingToSign: 'yes', ableToPay: 'yes' }, []],
    ['A won 181 days ago', { class: 'A', status: 'won', lastSignedOn: '2025-09-02' }, ['repeat_candidate']],
    ['A won 180 days ago', { class: 'A', status: 'won', lastSignedOn: '2025-09-03' }, []],
    ['B won long ago', { class: 'B', status: 'won', lastSignedOn: '2024-01-01' }, []],
    ['seminar in 14 days', { seminars: [{ ...seminar, heldOn: '2026-03-16' }] }, ['seminar_invitee']],
    ['seminar in 15 days', { seminars: [{ ...seminar, heldOn: '2026-03-17' }] }, []],
    ['declined seminar', { seminars: [{ ...seminar, heldOn: '2026-03-05', rsvp: 'no' }] }, []],
    ['cancelled seminar', { seminars: [{ ...seminar, heldOn: '2026-03-05', status: 'cancelled' }] }, []],
    [
      'attended 30 days ago, unsigned',
      { seminars: [{ ...seminar, heldOn: '2026-01-31', attended: true, status: 'held' }] },
      ['seminar_invitee'],
    ],
    [
      'attended 31 days ago',
      { seminars: [{ ...seminar, heldOn: '2026-01-30', attended: true, status: 'held' }] },
      [],
    ],
    [
      'attended and signed since',
      {
        lastSignedOn: '2026-02-10',
        seminars: [{ ...seminar, heldOn: '2026-02-01', attended: true, status: 'held' }],
      },
      [],
    ],
    [
      'several reasons',
      {
        status: 'qualified',
        kpContactId: 'c',
        willingToSign: 'yes',
        ableToPay: 'yes',
        expectedFundsOn: TODAY,
      },
      ['funds_arriving', 'qualified_not_closed'],
    ],
  ] as const)('%s', (_, over, codes) => {
    const reasons = suggestionReasons({ ...base, ...(over as Partial<CustomerFacts>) }, TODAY);
    expect(reasons.map((r) => r.code)).toEqual(codes);
    for (const r of reasons) expect(r.zh.length > 0 && r.en.length > 0).toBe(true);
  });
});

describe('today numbers', () => {
  const plan = buildPlan(
    parsePlanSettings({
      target: '100万',
      year: 2030,
      members: [
        { name: 'a', weight: 1 },
        { name: 'b', weight: 3 },
      ],
    }),
    {
      holidays: { years: new Set(), holidays: new Map(), workdays: new Map() },
    },
  );
  it('gives a member’s share of the day and the month run-rate counting today', () => {
    const day = plan.days.find((d) => d.date === '2030-04-01');
    const n = todayNumbers(plan, '2030-04-01', [1], 0, { today: '2030-04-01', yearActual: 0 });
    expect(n.planToday).toBe(day?.byMember[1]);
    expect(n.working).toBe(true);
    const april = plan.days.filter((d) => d.date.startsWith('2030-04'));
    const monthPlan = april.reduce((s, d) => s + (d.byMember[1] ?? 0), 0);
    const days = april.filter((d) => d.working).length;
    expect(n.month).toMatchObject({
      plan: monthPlan,
      remainingWorkingDays: days,
      requiredDailyRate: Math.ceil(monthPlan / days),
    });
    expect(
      todayNumbers(plan, '2030-04-06', undefined, 0, { today: '2030-04-06', yearActual: 0 }),
    ).toMatchObject({
      working: false,
      planToday: 0,
      neededToday: 0,
    });
    expect(
      todayNumbers(plan, '2030-04-30', undefined, 10_000_000_00, {
        today: '2030-04-30',
        yearActual: 10_000_000_00,
      }).month.requiredDailyRate,
    ).toBe(0);
  });
});
