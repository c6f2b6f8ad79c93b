import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testClock, testDeps } from '../../../test/factories.js';
import { engines, type TestDatabase } from '../../../test/harness/databases.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import { login } from '../auth/sessions.js';
import { getPlan } from '../plans/get-plan.js';
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
});
