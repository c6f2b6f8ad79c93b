import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testClock, testDeps } from '../../../test/factories.js';
import { engines, type TestDatabase } from '../../../test/harness/databases.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import { login } from '../auth/sessions.js';
import { getAfterSalesQueue } from '../duties/get-after-sales-queue.js';
import { getProspectingQueue } from '../duties/get-prospecting-queue.js';
import { getPlan } from '../plans/get-plan.js';
import { getSeminarStats } from '../seminars/get-seminar-stats.js';
import { seedDemo } from './seed-demo.js';

describe.each(engines)('demo workspace on $name', (engine) => {
  let database: TestDatabase;
  let open: Database<Schema>;
  beforeEach(async () => {
    database = await engine.create();
    open = database.open() as Database<Schema>;
    await migrateToLatest(open.db as Kysely<unknown>);
  });
  afterEach(async () => {
    await open.close();
    await database.dispose();
  });

  it('fills a believable region whose logins and plan work', async () => {
    const deps = testDeps(open.db, testClock('2026-11-27T02:00:00.000Z'));
    const demo = await seedDemo(deps);
    expect(demo.counts.customers).toBe(300);
    expect(demo.counts.visits).toBeGreaterThan(200);
    expect(demo.counts.deals).toBeGreaterThan(150);
    expect(demo.counts.followUps).toBeGreaterThan(50);

    const classes = await open.db.selectFrom('customers').select('class').execute();
    expect(classes.filter((c) => c.class === 'A')).toHaveLength(12);
    const signed = await open.db.selectFrom('deals').select('amount_minor').execute();
    const total = signed.reduce((n, d) => n + d.amount_minor, 0);
    // Enough signed this year for a region with a 588万 target to be near its pace.
    expect(total).toBeGreaterThan(300_000_000);
    expect(total).toBeLessThan(700_000_000);

    const session = await login(deps, {
      email: 'lead@demo.closer',
      password: demo.password,
      ip: '127.0.0.1',
    });
    expect(session.principal.role).toBe('lead');
    const plan = await getPlan(deps, session.principal, { year: 2026 });
    expect(plan.result.year.amount).toBe(588_000_000);
    expect(plan.result.dimensions.markets.map((m) => m.amount)).toEqual([
      294_000_000, 235_200_000, 58_800_000,
    ]);

    // Seminars, invitations and hand-offs make the statistics and queues worth reading.
    expect(demo.counts.seminars).toBe(11);
    const signIn = async (email: string) =>
      (await login(deps, { email, password: demo.password, ip: '127.0.0.1' })).principal;
    const manager = await signIn('manager@demo.closer');
    const period = { from: '2026-01-01', to: '2026-11-27' };
    const all = await getSeminarStats(deps, manager, period);
    const prospects = await getSeminarStats(deps, manager, { ...period, class: 'new' });
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
    const invitations = await open.db.selectFrom('seminar_invitations').select('seminar_id').execute();
    expect(invitations.length).toBe(demo.counts.seminarInvitations);

    const queue = await getProspectingQueue(deps, await signIn('prospecting@demo.closer'), {});
    expect(queue.items.length).toBeGreaterThan(20);
    expect(queue.items.every((i) => i.status === 'lead' || i.status === 'contacted')).toBe(true);
    expect(queue.weeklyQuota).toBeGreaterThan(0);
    const afterSales = await signIn('aftersales@demo.closer');
    const care = await getAfterSalesQueue(deps, session.principal, { memberId: afterSales.membershipId });
    expect(care.items).toHaveLength(132);
    expect(care.repeatCandidates.length).toBeGreaterThan(0);
    expect(care.repeatCandidates.every((c) => c.class === 'A' || c.class === 'B')).toBe(true);
    const handoffs = await open.db.selectFrom('handoffs').select('kind').execute();
    expect(handoffs.length).toBeGreaterThan(20);
    expect(handoffs.every((h) => h.kind === 'to_lead')).toBe(true);

    await expect(seedDemo(deps)).rejects.toMatchObject({ code: 'SETUP.ALREADY_DONE' });
  });
});
