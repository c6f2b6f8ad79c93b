/** Progress, forecast and Today on both databases, with hand-made data and known numbers. */
import type { FastifyInstance } from 'fastify';
import type { Insertable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { beforeEach, describe, expect, it } from 'vitest';
import { insertRow, type RowValues, type StampedTable, testDeps } from '../../../test/factories.js';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import type { CustomerStatus, CustomersTable } from '../../db/schema.js';
import type { PlanResult } from '../../domain/plan/plan.js';
import { buildApp } from '../../server/app.js';
import { createApiToken } from '../auth/api-tokens.js';
import type { Principal } from '../context.js';
import { getPlan } from '../plans/get-plan.js';
import { savePlan } from '../plans/save-plan.js';
import { computeForecast } from './compute-forecast.js';
import { computeProgress } from './compute-progress.js';
import { getToday } from './get-today.js';

const WAN = 10_000_00;

describe.each(engines)('progress, forecast and Today on $name', (engine) => {
  const ws = withWorkspace(engine); // today: Monday 2026-03-02 in Asia/Shanghai
  let plan: PlanResult;
  /** A row of the team's workspace, stamped. */
  const insert = <T extends StampedTable>(table: T, values: RowValues<T>) =>
    insertRow(ws.db, table, ws.team.workspaceId, values);

  const customer = async (over: Partial<Insertable<CustomersTable>> = {}): Promise<string> => {
    const id = uuidv7();
    return insert('customers', {
      id,
      name: `客户${id.slice(-6)}`,
      class: 'B',
      status: 'contacted',
      owner_id: ws.team.lead.membershipId,
      market_id: ws.team.marketId,
      ...over,
    });
  };
  const deal = async (customerId: string, amount: number, signedOn: string | null, owner: string | null) => {
    await insert('deals', {
      customer_id: customerId,
      owner_id: owner,
      amount_minor: amount,
      currency: 'CNY',
      signed_on: signedOn,
      expected_funds_on: null,
      notes: null,
    });
  };

  beforeEach(async () => {
    await savePlan(ws.deps, ws.team.manager, {
      target: '120万',
      year: 2026,
      markets: [
        { name: '杭州主城+萧山', share: 60 },
        { name: '海外', share: 40 },
      ],
      members: [
        { name: '王磊', weight: 3 },
        { name: '李娜', weight: 1 },
        { name: '赵强', weight: 2 },
      ],
    });
    plan = (await getPlan(ws.deps, ws.team.manager, { year: 2026 })).result;
  });

  const planThrough = (
    from: string,
    to: string,
    of: (d: PlanResult['days'][number]) => number = (d) => d.amount,
  ) => plan.days.filter((d) => d.date >= from && d.date <= to).reduce((n, d) => n + of(d), 0);
  /** Working days from `date` (included: on its own day it is not over) to `to`. */
  const workingFrom = (date: string, to = '2026-12-31') =>
    plan.days.filter((d) => d.date >= date && d.date <= to && d.working).length;

  describe('progress', () => {
    beforeEach(async () => {
      const mine = await customer({ class: 'A' });
      const other = await customer({ owner_id: ws.team.otherLead.membershipId, market_id: null });
      const newOne = await customer({ class: 'new' });
      await deal(mine, 10 * WAN, '2026-02-10', ws.team.lead.membershipId);
      await deal(other, 5 * WAN, '2026-03-02', ws.team.otherLead.membershipId);
      await deal(newOne, 1 * WAN, '2026-01-05', null); // no owner: unassigned member
      await deal(mine, 7 * WAN, '2025-12-30', ws.team.lead.membershipId); // last year
      await deal(mine, 3 * WAN, null, ws.team.lead.membershipId); // open: not signed
      await deal(mine, 9 * WAN, '2026-03-03', ws.team.lead.membershipId); // after asOf
    });

    it('gives the manager actual, plan to date and the exact run-rate for the year', async () => {
      const report = await computeProgress(ws.deps, ws.team.manager, { year: 2026, level: 'year' });
      const plan120 = 120 * WAN;
      const toDate = planThrough('2026-01-01', '2026-03-02');
      // asOf is today (Monday 2 March): today still counts as a remaining day.
      const left = workingFrom('2026-03-02');
      expect(report).toMatchObject({ year: 2026, revision: 1, asOf: '2026-03-02', scope: 'workspace' });
      expect(report.rows).toEqual([
        {
          period: '2026',
          start: '2026-01-01',
          end: '2026-12-31',
          segment: null,
          plan: plan120,
          planToDate: toDate,
          actual: 16 * WAN,
          difference: 16 * WAN - toDate,
          status: 16 * WAN > toDate ? 'ahead' : 'behind',
          remaining: plan120 - 16 * WAN,
          remainingWorkingDays: left,
          requiredDailyRate: Math.ceil((plan120 - 16 * WAN) / left),
        },
      ]);
      expect(left).toBeGreaterThan(200);
      // asOf later: the 3 March signature counts.
      const later = await computeProgress(ws.deps, ws.team.manager, {
        year: 2026,
        level: 'year',
        asOf: '2026-03-03',
      });
      expect(later.rows[0]?.actual).toBe(25 * WAN);
    });

    it('splits by member and market, reporting what the plan cannot place as unassigned', async () => {
      const members = await computeProgress(ws.deps, ws.team.manager, {
        year: 2026,
        level: 'year',
        dimension: 'members',
      });
      expect(members.rows.map((r) => [r.segment, r.plan, r.actual])).toEqual([
        ['王磊', 60 * WAN, 10 * WAN],
        ['李娜', 20 * WAN, 0],
        ['赵强', 40 * WAN, 5 * WAN],
        ['unassigned', 0, 1 * WAN],
      ]);
      const markets = await computeProgress(ws.deps, ws.team.manager, {
        year: 2026,
        level: 'year',
        dimension: 'markets',
      });
      expect(markets.rows.map((r) => [r.segment, r.actual])).toEqual([
        ['杭州主城+萧山', 11 * WAN],
        ['海外', 0],
        ['unassigned', 5 * WAN],
      ]);
      expect(markets.unassigned).toEqual({ deals: 2, amount: 6 * WAN });
      const months = await computeProgress(ws.deps, ws.team.manager, {
        year: 2026,
        level: 'months',
        dimension: 'classes',
      });
      expect(months.rows).toHaveLength(48);
      expect(months.rows.find((r) => r.period === '2026-02' && r.segment === 'A')?.actual).toBe(10 * WAN);
    });

    it('shows a lead their team only, against the team members’ share of the plan', async () => {
      const lead = await computeProgress(ws.deps, ws.team.lead, { year: 2026, level: 'year' });
      expect(lead.scope).toBe('team');
      expect(lead.rows[0]).toMatchObject({ plan: 80 * WAN, actual: 11 * WAN });
      expect(lead.rows[0]?.planToDate).toBe(
        planThrough('2026-01-01', '2026-03-02', (d) => (d.byMember[0] ?? 0) + (d.byMember[1] ?? 0)),
      );
      const byMember = await computeProgress(ws.deps, ws.team.lead, {
        year: 2026,
        level: 'year',
        dimension: 'members',
      });
      expect(byMember.rows.map((r) => r.segment)).toEqual(['王磊', '李娜', 'unassigned']);
      expect(byMember.rows.some((r) => r.segment === '赵强')).toBe(false);
      const other = await computeProgress(ws.deps, ws.team.otherLead, { year: 2026, level: 'year' });
      expect(other.rows[0]).toMatchObject({ plan: 40 * WAN, actual: 5 * WAN });
      // The assistant sees their lead's team.
      const assistant = await computeProgress(ws.deps, ws.team.assistant, { year: 2026, level: 'year' });
      expect(assistant.rows[0]).toMatchObject({ plan: 80 * WAN, actual: 11 * WAN });
    });

    it('refuses a year without a plan and an asOf outside the year', async () => {
      await expectAppError(computeProgress(ws.deps, ws.team.manager, { year: 2025 }), 'PROGRESS.NO_PLAN');
      await expectAppError(
        computeProgress(ws.deps, ws.team.manager, { year: 2026, asOf: '2027-01-01' }),
        'PLAN.DATE_OUT_OF_YEAR',
      );
      await expectAppError(
        computeProgress(ws.deps, ws.team.manager, { year: 2026, level: 'decades' }),
        'VALIDATION.FAILED',
      );
    });
  });

  it('answers zeroes when nothing has been signed', async () => {
    const report = await computeProgress(ws.deps, ws.team.manager, {
      year: 2026,
      level: 'quarters',
      dimension: 'members',
    });
    expect(report.rows).toHaveLength(12);
    expect(report.rows.every((r) => r.actual === 0)).toBe(true);
    expect(report.unassigned).toEqual({ deals: 0, amount: 0 });
    const forecast = await computeForecast(ws.deps, ws.team.manager, { year: 2026, runs: 200 });
    expect(forecast).toMatchObject({
      p10: 0,
      p50: 0,
      p90: 0,
      expected: 0,
      opportunities: 0,
      probabilityOfTarget: 0,
    });
    const today = await getToday(ws.deps, ws.team.manager, {});
    expect(today).toMatchObject({ followUps: [], suggestions: [], suggestionsTotal: 0 });
    expect(today.numbers?.planToday).toBeGreaterThan(0);
  });

  describe('forecast', () => {
    const stage = (customerId: string, to: CustomerStatus, on: string) =>
      ws.db
        .insertInto('customer_stage_changes')
        .values({
          id: uuidv7(),
          workspace_id: ws.team.workspaceId,
          customer_id: customerId,
          from_status: null,
          to_status: to,
          changed_on: on,
          changed_at: `${on}T02:00:00.000Z`,
          actor_id: null,
          override_reason: null,
        })
        .execute();

    /** Two customers won from "proposal", one lost there, a signed repeat order, one open proposal. */
    const history = async () => {
      for (const [status, entered, signed] of [
        ['won', '2025-10-01', '2025-10-11'],
        ['won', '2025-11-01', '2025-11-21'],
        ['lost', '2025-11-05', null],
      ] as const) {
        const id = await customer({ status });
        await stage(id, 'proposal', entered);
        if (signed) {
          await deal(id, 4 * WAN, signed, ws.team.lead.membershipId);
          await stage(id, 'won', signed);
        } else await stage(id, 'lost', '2025-12-01');
      }
      await deal(await customer({ status: 'won' }), 2 * WAN, '2026-02-01', ws.team.lead.membershipId);
      const opp = await customer({ status: 'proposal' });
      await deal(opp, 3 * WAN, null, ws.team.lead.membershipId);
      await stage(opp, 'proposal', '2026-03-01');
    };

    it('is deterministic for a seed, measured on the history, and explains its mean', async () => {
      await history();
      const one = await computeForecast(ws.deps, ws.team.manager, { year: 2026, seed: 42 });
      expect(await computeForecast(ws.deps, ws.team.manager, { year: 2026, seed: 42 })).toEqual(one);
      expect(one).toMatchObject({
        runs: 10_000,
        seed: 42,
        signedSoFar: 2 * WAN,
        target: 120 * WAN,
        opportunities: 1,
      });
      expect(one.history.cuts).toBeGreaterThan(10);
      expect(one.horizonDays).toBe(304); // 2026-03-02 → 2026-12-31
      const proposal = one.breakdown.groups.find((g) => g.group === 'proposal');
      expect(proposal?.opportunities).toBe(1);
      expect(proposal?.winProbability).toBeGreaterThan(0);
      expect(proposal?.winProbability).toBeLessThan(1);
      // The open deal signs 3万 or nothing: its mean is 3万 × its chance (binomial, 4 σ).
      const p = proposal?.winProbability ?? 0;
      expect(Math.abs((proposal?.expected ?? 0) - 3 * WAN * p)).toBeLessThan(
        4 * 3 * WAN * Math.sqrt(p / 10_000) + 1,
      );
      const parts =
        one.breakdown.signedSoFar +
        one.breakdown.groups.reduce((n, g) => n + g.expected, 0) +
        one.breakdown.newBusiness.expected;
      expect(Math.abs(parts - one.expected)).toBeLessThanOrEqual(4);
      expect(one.p10).toBeGreaterThanOrEqual(2 * WAN);
      expect(one.months[0]).toMatchObject({ p10: 0, p90: 0 });
      expect(one.months[1]).toMatchObject({ signed: 2 * WAN, p10: 2 * WAN, p50: 2 * WAN });

      // A lead's forecast counts the team's target; the other lead sees no opportunity.
      const other = await computeForecast(ws.deps, ws.team.otherLead, { year: 2026, runs: 100 });
      expect(other).toMatchObject({ target: 40 * WAN, opportunities: 0, signedSoFar: 0, p90: 0 });
      await expectAppError(
        computeForecast(ws.deps, ws.team.manager, { year: 2026, runs: 5 }),
        'VALIDATION.FAILED',
      );
    });

    it('counts leads nobody worked on at the measured rate of such leads, and moves nothing else', async () => {
      await history();
      // Leads that sat untouched in the past and never signed: the measured rate is low.
      for (const on of ['2025-10-01', '2025-11-01', '2025-12-01']) {
        const id = await customer({ status: 'lost' });
        await stage(id, 'lead', on);
        await stage(id, 'lost', '2026-02-15');
      }
      const before = await computeForecast(ws.deps, ws.team.manager, { year: 2026 });
      // Imported today, as in the issue: nothing of theirs is in the measured past.
      for (let i = 0; i < 3; i++)
        await customer({ status: 'lead', class: 'B', created_at: '2026-03-02T02:00:00.000Z' });
      const after = await computeForecast(ws.deps, ws.team.manager, { year: 2026 });
      const untouched = after.breakdown.groups.find((g) => g.group === 'untouched');
      expect(untouched?.opportunities).toBe(3);
      const p = untouched?.winProbability ?? 1;
      // Before: the stage rates made an untouched lead nearly as likely as a proposal.
      expect(p).toBeLessThan(0.2);
      // The others draw the same random numbers (common random numbers): they do not move.
      for (const [i, g] of after.breakdown.groups.entries())
        if (g.group !== 'untouched') expect(g).toEqual(before.breakdown.groups[i]);
      expect(after.breakdown.newBusiness).toEqual(before.breakdown.newBusiness);
      // Each lead adds a sampled class-B deal (4万, 4万 or 2万: 10/3万 on average) in the runs
      // it wins: the mean moves by 3 × 10/3万 × p (binomial, 4 σ with the largest size), P50
      // by no more than the three leads are worth.
      const moved = after.expected - before.expected;
      expect(Math.abs(moved - 10 * WAN * p)).toBeLessThan(4 * 4 * WAN * Math.sqrt((3 * p) / 10_000) + 2);
      expect(after.p50 - before.p50).toBeGreaterThanOrEqual(0);
      expect(after.p50 - before.p50).toBeLessThanOrEqual(12 * WAN);
    });
  });

  describe('Today', () => {
    const DATE = '2026-03-02';
    const stageCustomer = (over: Partial<Insertable<CustomersTable>>) => customer(over);
    const contact = async (customerId: string) => {
      const id = await insert('contacts', { customer_id: customerId, name: '陈总' });
      await ws.db.updateTable('customers').set({ kp_contact_id: id }).where('id', '=', customerId).execute();
    };
    const seminar = (heldOn: string) =>
      insert('seminars', {
        title: `会销${heldOn}`,
        held_on: heldOn,
        capacity: 30,
        city: null,
        venue: null,
        notes: null,
      });
    const invite = async (seminarId: string, customerId: string, attended: boolean) =>
      insert('seminar_invitations', {
        seminar_id: seminarId,
        customer_id: customerId,
        invited_by: null,
        attended: attended ? 1 : 0,
      });
    const followUp = async (assignee: Principal, dueOn: string, done = 0) =>
      insert('follow_ups', {
        customer_id: await customer(),
        assignee_id: assignee.membershipId,
        due_on: dueOn,
        kind: 'visit',
        notes: null,
        done,
        done_at: null,
        close_attempt_id: null,
      });

    it('gives the day’s target by member, the month so far and the run-rate', async () => {
      await deal(await customer(), 2 * WAN, '2026-03-02', ws.team.lead.membershipId);
      await deal(await customer(), 1 * WAN, '2026-03-01', ws.team.otherLead.membershipId);
      const day = plan.days.find((d) => d.date === DATE);
      const manager = await getToday(ws.deps, ws.team.manager, {});
      expect(manager.date).toBe(DATE);
      expect(manager.numbers).toMatchObject({ working: true, planToday: day?.amount });
      expect(day?.amount).toBeGreaterThan(0);
      const monthPlan = planThrough('2026-03-01', '2026-03-31');
      const left = plan.days.filter((d) => d.date >= DATE && d.date <= '2026-03-31' && d.working).length;
      expect(manager.numbers?.month).toEqual({
        plan: monthPlan,
        planToDate: planThrough('2026-03-01', DATE),
        actual: 3 * WAN,
        difference: 3 * WAN - planThrough('2026-03-01', DATE),
        status: 'ahead',
        remaining: monthPlan - 3 * WAN,
        remainingWorkingDays: left,
        requiredDailyRate: Math.ceil((monthPlan - 3 * WAN) / left),
      });
      const lead = await getToday(ws.deps, ws.team.lead, { date: DATE });
      expect(lead.scope).toBe('member');
      expect(lead.numbers?.planToday).toBe(day?.byMember[0]);
      expect(lead.numbers?.month.actual).toBe(2 * WAN);
      const outsider = await getToday(ws.deps, ws.team.otherAssistant, { date: DATE });
      expect(outsider).toMatchObject({
        memberInPlan: false,
        numbers: { planToday: 0, neededToday: 0, neededReason: 'no_share' },
      });
      const saturday = await getToday(ws.deps, ws.team.manager, { date: '2026-03-07' });
      expect(saturday.numbers).toMatchObject({
        working: false,
        planToday: 0,
        neededToday: 0,
        neededReason: 'not_target_day',
      });
      const noPlan = await getToday(ws.deps, ws.team.manager, { date: '2027-01-04' });
      expect(noPlan).toMatchObject({ plan: null, numbers: null });
    });

    it('lists the caller’s follow-ups due today or overdue, overdue first', async () => {
      const overdue = await followUp(ws.team.lead, '2026-02-25');
      const due = await followUp(ws.team.lead, DATE);
      await followUp(ws.team.lead, '2026-03-03');
      await followUp(ws.team.lead, '2026-02-20', 1);
      const others = await followUp(ws.team.otherLead, '2026-02-27');
      const lead = await getToday(ws.deps, ws.team.lead, { date: DATE });
      expect(lead.followUps.map((f) => [f.id, f.daysOverdue])).toEqual([
        [overdue, 5],
        [due, 0],
      ]);
      const manager = await getToday(ws.deps, ws.team.manager, { date: DATE });
      expect(manager.followUps.map((f) => f.id)).toEqual([overdue, others, due]);
    });

    it('suggests each customer exactly when its reason holds, with expected amounts', async () => {
      // Class averages of signed deals: B = 4万, A = 10万 (before the repeat candidates' deals below).
      const ids: Record<string, string> = {};
      const make = async (key: string, over: Partial<Insertable<CustomersTable>>) => {
        ids[key] = await stageCustomer({ name: key, ...over });
        return ids[key] as string;
      };
      // funds_arriving
      await deal(
        await make('funds+5', { status: 'proposal', expected_funds_on: '2026-03-07' }),
        3 * WAN,
        null,
        null,
      );
      await make('funds+8', { status: 'proposal', expected_funds_on: '2026-03-10' });
      await make('funds won', { status: 'won', expected_funds_on: '2026-03-03' });
      const attempt = await make('attempt-3', { status: 'contacted' });
      await insert('close_attempts', {
        customer_id: attempt,
        visit_id: null,
        owner_id: ws.team.lead.membershipId,
        attempted_on: '2026-02-20',
        result: 'stall',
        objection_key: 'no_money',
        customer_words: null,
        reply_id: null,
        reply_text: null,
        response: null,
        concern: null,
        funds_on: '2026-02-27',
        deal_id: null,
        notes: null,
      });
      // qualified_not_closed
      const q1 = await make('qualified', { status: 'qualified', willing_to_sign: 'yes', able_to_pay: 'yes' });
      await contact(q1);
      const q2 = await make('qualified, able unknown', { status: 'qualified', willing_to_sign: 'yes' });
      await contact(q2);
      const q3 = await make('qualified but won', {
        status: 'won',
        class: 'C',
        willing_to_sign: 'yes',
        able_to_pay: 'yes',
      });
      await contact(q3);
      // repeat_candidate
      await deal(await make('A 213 days', { status: 'won', class: 'A' }), 10 * WAN, '2025-08-01', null);
      await deal(await make('A 152 days', { status: 'won', class: 'A' }), 10 * WAN, '2025-10-01', null);
      await deal(await make('B old', { status: 'won', class: 'B' }), 4 * WAN, '2025-01-01', null);
      // seminar_invitee
      const soon = await seminar('2026-03-10');
      const far = await seminar('2026-03-20');
      const past = await seminar('2026-02-15');
      await invite(soon, await make('invited +8', { status: 'contacted' }), false);
      await invite(far, await make('invited +18', { status: 'contacted' }), false);
      await invite(past, await make('attended', { status: 'contacted' }), true);
      const signedAfter = await make('attended and signed', { status: 'won', class: 'C' });
      await invite(past, signedAfter, true);
      await deal(signedAfter, 2 * WAN, '2026-02-20', null);

      const today = await getToday(ws.deps, ws.team.lead, { date: DATE });
      const byName = new Map(today.suggestions.map((s) => [s.customerName, s]));
      const codes = (name: string) => byName.get(name)?.reasons.map((r) => r.code);
      expect(codes('funds+5')).toEqual(['funds_arriving']);
      expect(codes('attempt-3')).toEqual(['funds_arriving']);
      expect(codes('qualified')).toEqual(['qualified_not_closed']);
      expect(codes('A 213 days')).toEqual(['repeat_candidate']);
      expect(codes('invited +8')).toEqual(['seminar_invitee']);
      expect(codes('attended')).toEqual(['seminar_invitee']);
      for (const name of [
        'funds+8',
        'funds won',
        'qualified, able unknown',
        'qualified but won',
        'A 152 days',
        'B old',
        'invited +18',
        'attended and signed',
      ]) {
        expect(byName.has(name), name).toBe(false);
      }
      expect(today.suggestions).toHaveLength(6);
      expect(byName.get('funds+5')?.reasons[0]?.zh).toContain('2026-03-07');
      expect(byName.get('A 213 days')?.reasons[0]?.en).toContain('213 days');
      // Amounts: the open deal, else the class average (A: 10万; B: 4万; C: 2万).
      expect(byName.get('funds+5')).toMatchObject({ expectedAmount: 3 * WAN, amountSource: 'open_deal' });
      expect(byName.get('A 213 days')).toMatchObject({
        expectedAmount: 10 * WAN,
        amountSource: 'class_average',
      });
      expect(byName.get('qualified')).toMatchObject({
        expectedAmount: 4 * WAN,
        amountSource: 'class_average',
      });
      expect(today.suggestions.map((s) => s.expectedAmount)).toEqual([10, 4, 4, 4, 4, 3].map((n) => n * WAN));
      expect(today.suggestionsTotal).toBe(29 * WAN);
      expect(today.shortfall).toBe(Math.max(0, (today.numbers?.neededToday ?? 0) - 29 * WAN));
      // Another team's lead sees none of these customers.
      expect((await getToday(ws.deps, ws.team.otherLead, { date: DATE })).suggestions).toEqual([]);
    });
  });

  it('serves /api/progress, /api/forecast and /api/today to their callers only', async () => {
    const app: FastifyInstance = await buildApp({ ...testDeps(ws.db), dialect: ws.open.dialect });
    try {
      const bearer = async (p: Principal) => ({
        authorization: `Bearer ${(await createApiToken(ws.deps, p, { name: 't' })).token}`,
      });
      await deal(await customer({ owner_id: ws.team.otherLead.membershipId }), 5 * WAN, '2026-02-02', null);
      const lead = await bearer(ws.team.lead);
      const manager = await bearer(ws.team.manager);
      const progress = await app.inject({ url: '/api/progress?year=2026&level=year', headers: lead });
      expect(progress.statusCode).toBe(200);
      expect(progress.json().rows[0]).toMatchObject({ actual: 0, plan: 80 * WAN });
      const all = await app.inject({ url: '/api/progress?year=2026&level=year', headers: manager });
      expect(all.json().rows[0].actual).toBe(5 * WAN);
      expect((await app.inject({ url: '/api/progress?year=2026&level=bad', headers: lead })).statusCode).toBe(
        400,
      );
      const missing = await app.inject({ url: '/api/progress?year=2030', headers: lead });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('PROGRESS.NO_PLAN');
      expect((await app.inject({ url: '/api/progress?year=2026' })).statusCode).toBe(401);

      const f1 = await app.inject({ url: '/api/forecast?year=2026&seed=3&runs=500', headers: manager });
      expect(f1.statusCode).toBe(200);
      const f2 = await app.inject({ url: '/api/forecast?year=2026&seed=3&runs=500', headers: manager });
      expect(f2.json()).toEqual(f1.json());
      expect(f1.json()).toMatchObject({ signedSoFar: 5 * WAN, runs: 500, seed: 3 });

      const today = await app.inject({ url: '/api/today?date=2026-03-02', headers: lead });
      expect(today.statusCode).toBe(200);
      expect(today.json()).toMatchObject({ date: '2026-03-02', scope: 'member', numbers: { working: true } });
      expect((await app.inject({ url: '/api/today?date=yesterday', headers: lead })).statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });

  it('/api/today and /api/progress give the same days left and run-rate on the same day', async () => {
    const app: FastifyInstance = await buildApp({ ...testDeps(ws.db), dialect: ws.open.dialect });
    try {
      const manager = {
        authorization: `Bearer ${(await createApiToken(ws.deps, ws.team.manager, { name: 't' })).token}`,
      };
      // Signed earlier this month and today itself: today's signature does not end the day.
      await deal(await customer(), 2 * WAN, '2026-03-01', ws.team.lead.membershipId);
      await deal(await customer(), 1 * WAN, '2026-03-02', ws.team.otherLead.membershipId);
      const ask = async (url: string) => {
        const res = await app.inject({ url, headers: manager });
        expect(res.statusCode).toBe(200);
        return res.json();
      };
      const numbers = (await ask('/api/today')).numbers;
      const today = numbers.month;
      // The year so far, which alone could make today's need 0: the same two deals.
      expect(numbers.year).toEqual({ plan: 120 * WAN, actual: 3 * WAN, remaining: 117 * WAN });
      expect(numbers.neededToday).toBe(today.requiredDailyRate);
      const months = await ask('/api/progress?year=2026&level=months');
      const march = months.rows.find((r: { period: string }) => r.period === '2026-03');
      // Monday 2 March is the workspace's today: it and the working days after it are left.
      const left = workingFrom('2026-03-02', '2026-03-31');
      const monthPlan = planThrough('2026-03-01', '2026-03-31');
      const agreed = {
        plan: monthPlan,
        actual: 3 * WAN,
        remaining: monthPlan - 3 * WAN,
        remainingWorkingDays: left,
        requiredDailyRate: Math.ceil((monthPlan - 3 * WAN) / left),
      };
      expect(today).toMatchObject(agreed);
      expect(march).toMatchObject(agreed);
      // A day looked back on is over, on both: the days left start after it.
      const past = (await ask('/api/today?date=2026-02-27')).numbers;
      const feb = (await ask('/api/progress?year=2026&level=months&asOf=2026-02-27')).rows[1];
      expect(past.month.remainingWorkingDays).toBe(workingFrom('2026-02-28', '2026-02-28'));
      expect(feb.remainingWorkingDays).toBe(past.month.remainingWorkingDays);
      expect(feb.requiredDailyRate).toBe(past.month.requiredDailyRate);
      expect(past).toMatchObject({ neededToday: 0, neededReason: 'day_over' });
    } finally {
      await app.close();
    }
  });
});
