import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTeam, type Team, testDeps } from '../../../test/factories.js';
import { engines, type TestDatabase } from '../../../test/harness/databases.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../context.js';
import { getPlan, listPlans } from './get-plan.js';
import { savePlan } from './save-plan.js';

const PLAN = {
  target: '588万',
  year: 2026,
  markets: [
    { name: '杭州主城+萧山', share: 50 },
    { name: '富阳/桐庐/临安', share: 40 },
    { name: '海外', share: 10 },
  ],
};

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe.each(engines)('plans on $name', (engine) => {
  let database: TestDatabase;
  let open: Database<Schema>;
  let deps: Deps;
  let team: Team;
  let foreign: Team;

  beforeEach(async () => {
    database = await engine.create();
    open = database.open() as Database<Schema>;
    await migrateToLatest(open.db as Kysely<unknown>);
    deps = testDeps(open.db);
    team = await seedTeam(open.db);
    foreign = await seedTeam(open.db, '宁波区域');
  });
  afterEach(async () => {
    await open.close();
    await database.dispose();
  });

  it('saves revisions and reads the latest with its exact decomposition', async () => {
    const first = await savePlan(deps, team.manager, PLAN);
    const second = await savePlan(deps, team.manager, { ...PLAN, target: '600万' });
    expect([first.revision, second.revision]).toEqual([1, 2]);

    const latest = await getPlan(deps, team.lead, { year: '2026' });
    expect(latest.revision).toBe(2);
    expect(latest.result.year.amount).toBe(600_000_000);
    const old = await getPlan(deps, team.assistant, { year: 2026, revision: 1, date: '2026-03-02' });
    expect(old.result.dimensions.markets.map((m) => m.amount)).toEqual([
      294_000_000, 235_200_000, 58_800_000,
    ]);
    expect(old.result.months.reduce((s, m) => s + m.amount, 0)).toBe(588_000_000);
    expect(old.result.today?.date).toBe('2026-03-02');
    expect((await listPlans(deps, team.lead)).map((p) => p.revision)).toEqual([2, 1]);
  });

  it('numbers concurrent saves without a gap or a duplicate', async () => {
    const saved = await Promise.all([1, 2, 3].map(() => savePlan(deps, team.manager, PLAN)));
    expect(saved.map((p) => p.revision).sort()).toEqual([1, 2, 3]);
  });

  it('keeps plans inside their workspace and lets only managers save', async () => {
    await savePlan(deps, team.manager, PLAN);
    expect(await codeOf(getPlan(deps, foreign.manager, { year: 2026 }))).toBe('NOT_FOUND');
    expect(await listPlans(deps, foreign.manager)).toEqual([]);
    expect(await codeOf(savePlan(deps, team.lead, PLAN))).toBe('AUTH.FORBIDDEN');
  });

  it('refuses an invalid plan with the engine’s own errors and stores nothing', async () => {
    expect(await codeOf(savePlan(deps, team.manager, { ...PLAN, markets: [{ name: 'a', share: 90 }] }))).toBe(
      'PLAN.SHARES_NOT_100',
    );
    expect(await codeOf(savePlan(deps, team.manager, { ...PLAN, bogus: 1 }))).toBe('PLAN.INVALID');
    expect(await listPlans(deps, team.manager)).toEqual([]);
  });
});
