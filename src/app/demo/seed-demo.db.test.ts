import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { login } from '../auth/sessions.js';
import { getStageHistory } from '../customers/get-stage-history.js';
import { listCustomers } from '../customers/list-customers.js';
import { getPitchList } from '../discovery/get-pitch-list.js';
import { getAfterSalesQueue } from '../duties/get-after-sales-queue.js';
import { getProspectingQueue } from '../duties/get-prospecting-queue.js';
import { listFollowUps } from '../follow-ups/list-follow-ups.js';
import { getPlan } from '../plans/get-plan.js';
import { getSeminarStats } from '../seminars/get-seminar-stats.js';
import { getMeetingStats } from '../stats/get-meeting-stats.js';
import { getObjectionStats } from '../stats/objection-stats.js';
import { listVisits } from '../visits/list-visits.js';
import { seedDemo } from './seed-demo.js';

describe.each(engines)('demo workspace on $name', (engine) => {
  const ws = withWorkspace(engine, { team: false, clock: '2026-11-27T02:00:00.000Z' });

  it('fills a believable region whose logins and plan work', async () => {
    const demo = await seedDemo(ws.deps);
    expect(demo.counts.customers).toBe(300);
    expect(demo.counts.visits).toBeGreaterThan(200);
    expect(demo.counts.deals).toBeGreaterThan(150);
    expect(demo.counts.followUps).toBeGreaterThan(50);

    const classes = await ws.db.selectFrom('customers').select('class').execute();
    expect(classes.filter((c) => c.class === 'A')).toHaveLength(12);
    const signed = await ws.db.selectFrom('deals').select('amount_minor').execute();
    const total = signed.reduce((n, d) => n + d.amount_minor, 0);
    // Enough signed this year for a region with a 588万 target to be near its pace.
    expect(total).toBeGreaterThan(300_000_000);
    expect(total).toBeLessThan(700_000_000);

    const session = await login(ws.deps, {
      email: 'lead@demo.closer',
      password: demo.password,
      ip: '127.0.0.1',
    });
    expect(session.principal.role).toBe('lead');
    const plan = await getPlan(ws.deps, session.principal, { year: 2026 });
    expect(plan.result.year.amount).toBe(588_000_000);
    expect(plan.result.dimensions.markets.map((m) => m.amount)).toEqual([
      294_000_000, 235_200_000, 58_800_000,
    ]);

    // Meeting discipline: the statistics have won customers in all three buckets.
    const stats = await getMeetingStats(ws.deps, session.principal, { groupBy: 'class' });
    expect(stats.total.won).toBeGreaterThan(100);
    expect(stats.total.first).toBeGreaterThan(stats.total.second);
    expect(stats.total.second).toBeGreaterThan(0);
    expect(stats.total.thirdPlus).toBeGreaterThan(0);
    expect(stats.rows.map((r) => r.key)).toEqual(['A', 'B', 'C', 'new']);
    const numbers = await ws.db
      .selectFrom('visits')
      .select(['customer_id', 'meeting_number', 'status'])
      .orderBy('customer_id')
      .orderBy('visit_on')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const seen = new Map<string, number>();
    for (const v of numbers) {
      const n = (seen.get(v.customer_id) ?? 0) + 1;
      seen.set(v.customer_id, n);
      expect(v.meeting_number).toBe(n);
    }
    const planned = (await listVisits(ws.deps, session.principal, { from: '2026-11-28' })).items;
    expect(planned.length).toBeGreaterThanOrEqual(2);
    expect(planned.every((v) => v.status === 'planned')).toBe(true);
    expect(planned.filter((v) => v.meetingNumber === 3 && v.thirdMeetingReason)).toHaveLength(1);

    // Qualification and stage history agree with each customer's status.
    const customers = (await listCustomers(ws.deps, session.principal, { limit: 200 })).items;
    const proposals = customers.filter((c) => c.status === 'proposal');
    expect(proposals.filter((c) => c.qualification.qualified).length).toBeGreaterThan(proposals.length / 2);
    const leads = await ws.db.selectFrom('customer_stage_changes').select('customer_id').distinct().execute();
    expect(leads).toHaveLength(300);
    for (const c of customers.slice(0, 40)) {
      const history = await getStageHistory(ws.deps, session.principal, c.id);
      expect(history.at(-1)?.toStatus).toBe(c.status);
      expect(history.map((h) => h.changedOn)).toEqual(history.map((h) => h.changedOn).sort());
      for (const h of history) expect(h.changedOn <= '2026-11-27').toBe(true);
      if (c.status === 'proposal' && !c.qualification.qualified)
        expect(history.at(-1)?.overrideReason).toBeTruthy();
    }
    expect(demo.counts.chairmanConsultations).toBe(4);
    expect(
      await ws.db.selectFrom('next_visit_plans').select('id').where('source', '=', 'chairman').execute(),
    ).toHaveLength(4);
    // Seminars, invitations and hand-offs make the statistics and queues worth reading.
    expect(demo.counts.seminars).toBe(11);
    const signIn = async (email: string) =>
      (await login(ws.deps, { email, password: demo.password, ip: '127.0.0.1' })).principal;
    const manager = await signIn('manager@demo.closer');
    const period = { from: '2026-01-01', to: '2026-11-27' };
    const all = await getSeminarStats(ws.deps, manager, period);
    const prospects = await getSeminarStats(ws.deps, manager, { ...period, class: 'new' });
    // Ten held seminars (next month's is still planned), 22–30 invitations each (fewer when
    // a quota cell runs out of customers).
    expect(all.seminars).toHaveLength(10);
    for (const row of all.seminars) {
      expect(row.invited).toBeGreaterThanOrEqual(15);
      expect(row.invited).toBeLessThanOrEqual(30);
      expect(row.attended).toBeLessThanOrEqual(row.accepted);
    }
    expect(all.total.attended).toBeGreaterThan(50);
    expect(all.total.signed).toBeGreaterThan(10);
    expect(all.total.signed).toBeLessThan(all.total.attended);
    expect(all.meetingOnly.customers).toBeGreaterThan(20);
    // On prospects, where the method counts seminar signings, attendees sign far more often
    // than customers only met (every existing customer of the demo re-signs after a visit,
    // which evens out the comparison over all classes).
    expect(prospects.total.attended).toBeGreaterThan(20);
    expect(prospects.meetingOnly.customers).toBeGreaterThan(20);
    expect(prospects.differencePoints).toBeGreaterThan(10);
    const invitations = await ws.db.selectFrom('seminar_invitations').select('seminar_id').execute();
    expect(invitations.length).toBe(demo.counts.seminarInvitations);

    const queue = await getProspectingQueue(ws.deps, await signIn('prospecting@demo.closer'), {});
    expect(queue.items.length).toBeGreaterThan(20);
    expect(queue.items.every((i) => i.status === 'lead' || i.status === 'contacted')).toBe(true);
    expect(queue.weeklyQuota).toBeGreaterThan(0);
    const afterSales = await signIn('aftersales@demo.closer');
    const care = await getAfterSalesQueue(ws.deps, session.principal, { memberId: afterSales.membershipId });
    expect(care.items).toHaveLength(132);
    expect(care.repeatCandidates.length).toBeGreaterThan(0);
    expect(care.repeatCandidates.every((c) => c.class === 'A' || c.class === 'B')).toBe(true);
    const handoffs = await ws.db.selectFrom('handoffs').select('kind').execute();
    expect(handoffs.length).toBeGreaterThan(20);
    expect(handoffs.every((h) => h.kind === 'to_lead')).toBe(true);

    await expect(seedDemo(ws.deps)).rejects.toMatchObject({ code: 'SETUP.ALREADY_DONE' });
  });

  it('has discovery, close attempts and their follow-ups for every close analytic to show', async () => {
    const demo = await seedDemo(ws.deps);
    const db = ws.db;
    expect(demo.counts.discoveries).toBeGreaterThan(150);
    expect(demo.counts.closeAttempts).toBeGreaterThan(200);
    expect(demo.counts.nextVisitPlans).toBeGreaterThanOrEqual(3);

    const session = await login(ws.deps, {
      email: 'manager@demo.closer',
      password: demo.password,
      ip: '127.0.0.1',
    });
    const manager = session.principal;

    // Pains on first visits give a pitch list.
    const withPains = await db
      .selectFrom('visits')
      .select(['customer_id', 'pains', 'discovery_version'])
      .where('pains', '!=', '[]')
      .execute();
    expect(withPains.length).toBe(demo.counts.discoveries);
    expect(withPains.every((v) => v.discovery_version === 0)).toBe(true);
    const pitch = await getPitchList(ws.deps, manager, withPains[0]?.customer_id ?? '');
    expect(pitch.pains.length).toBeGreaterThan(0);
    expect(pitch.items.length).toBeGreaterThan(0);

    // Every catalog key is met; the shares split over several markets, classes and members.
    const overall = await getObjectionStats(ws.deps, manager, {});
    expect(overall.total).toBeGreaterThan(150);
    expect(overall.groups[0]?.items.map((i) => i.key).sort()).toEqual([
      'ask_chairman',
      'no_money',
      'price',
      'strategy',
      'tactics',
      'team',
      'think_about_it',
    ]);
    for (const [groupBy, min] of [
      ['market', 3],
      ['class', 4],
      ['member', 2],
    ] as const) {
      const stats = await getObjectionStats(ws.deps, manager, { groupBy });
      expect(stats.groups.length).toBeGreaterThanOrEqual(min);
      for (const g of stats.groups) expect(g.items.reduce((n, i) => n + i.shareBp, 0)).toBe(10_000);
    }
    // Replies: some followed by signatures and some not, scripted and own words.
    const rates = overall.replies.map((r) => r.rateBp);
    expect(rates.some((r) => r > 0 && r < 10_000)).toBe(true);
    expect(overall.replies.some((r) => r.replyId === null && r.replyText)).toBe(true);
    expect(overall.replies.reduce((n, r) => n + r.signedAfter, 0)).toBeGreaterThan(20);

    // Won customers' last attempt is the signature; open customers keep their stall's follow-ups.
    const signed = await db
      .selectFrom('close_attempts')
      .select('deal_id')
      .where('result', '=', 'signed')
      .execute();
    expect(signed.length).toBe(demo.counts.deals);
    const kinds = await db
      .selectFrom('follow_ups')
      .select('kind')
      .where('close_attempt_id', 'is not', null)
      .groupBy('kind')
      .execute();
    expect(kinds.map((k) => k.kind).sort()).toEqual(['concern', 'funds', 'next_visit']);
    const funds = await db
      .selectFrom('customers')
      .select('id')
      .where('expected_funds_on', 'is not', null)
      .execute();
    expect(funds.length).toBeGreaterThan(0);
    const overdue = await listFollowUps(ws.deps, manager, { overdue: true });
    expect(overdue.items.length).toBeGreaterThan(0);
  });
});
