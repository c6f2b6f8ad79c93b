import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testClock, testDeps } from '../../../test/factories.js';
import { engines, type TestDatabase } from '../../../test/harness/databases.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import { login } from '../auth/sessions.js';
import { getPitchList } from '../discovery/get-pitch-list.js';
import { listFollowUps } from '../follow-ups/list-follow-ups.js';
import { getPlan } from '../plans/get-plan.js';
import { getObjectionStats } from '../stats/objection-stats.js';
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

    await expect(seedDemo(deps)).rejects.toMatchObject({ code: 'SETUP.ALREADY_DONE' });
  });

  it('has discovery, close attempts and their follow-ups for every close analytic to show', async () => {
    const deps = testDeps(open.db, testClock('2026-11-27T02:00:00.000Z'));
    const demo = await seedDemo(deps);
    const db = open.db;
    expect(demo.counts.discoveries).toBeGreaterThan(150);
    expect(demo.counts.closeAttempts).toBeGreaterThan(200);
    expect(demo.counts.nextVisitPlans).toBeGreaterThan(3);

    const session = await login(deps, {
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
    const pitch = await getPitchList(deps, manager, withPains[0]?.customer_id ?? '');
    expect(pitch.pains.length).toBeGreaterThan(0);
    expect(pitch.items.length).toBeGreaterThan(0);

    // Every catalog key is met; the shares split over several markets, classes and members.
    const overall = await getObjectionStats(deps, manager, {});
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
      const stats = await getObjectionStats(deps, manager, { groupBy });
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
    const overdue = await listFollowUps(deps, manager, { overdue: true });
    expect(overdue.items.length).toBeGreaterThan(0);
  });
});
