import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTeam, type Team, testDeps } from '../../../test/factories.js';
import { engines, type TestDatabase } from '../../../test/harness/databases.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../context.js';
import { createMarket } from './create-market.js';
import { deleteMarket } from './delete-market.js';
import { getMarket } from './get-market.js';
import { listMarkets } from './list-markets.js';
import { updateMarket } from './update-market.js';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

async function fieldsOf(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    return ((error as { details?: { fields?: Array<{ path: string }> } }).details?.fields ?? []).map(
      (f) => f.path,
    );
  }
  return [];
}

describe.each(engines)('markets on $name', (engine) => {
  let database: TestDatabase;
  let open: Database<Schema>;
  let db: Kysely<Schema>;
  let deps: Deps;
  let team: Team;
  let foreign: Team;

  beforeEach(async () => {
    database = await engine.create();
    open = database.open() as Database<Schema>;
    db = open.db;
    await migrateToLatest(db as Kysely<unknown>);
    deps = testDeps(db);
    team = await seedTeam(db);
    foreign = await seedTeam(db, '宁波区域');
  });
  afterEach(async () => {
    await open.close();
    await database.dispose();
  });

  const audit = (id: string) =>
    db.selectFrom('audit_log').selectAll().where('entity_id', '=', id).orderBy('at').orderBy('id').execute();

  it('lets a manager create, update and delete, any member read, storing the share as basis points', async () => {
    const m = await createMarket(deps, team.manager, {
      name: '绍兴',
      cities: ['柯桥', '诸暨'],
      sharePercent: 12.34,
    });
    expect(m).toMatchObject({ name: '绍兴', cities: ['柯桥', '诸暨'], sharePercent: 12.34, version: 1 });
    const row = await db.selectFrom('markets').select('share_bp').where('id', '=', m.id).executeTakeFirst();
    expect(row?.share_bp).toBe(1234);
    expect(await getMarket(deps, team.assistant, m.id)).toEqual(m);
    const u = await updateMarket(deps, team.manager, m.id, { version: 1, sharePercent: 0.01, cities: [] });
    expect(u).toMatchObject({ sharePercent: 0.01, cities: [], name: '绍兴', version: 2 });
    await deleteMarket(deps, team.manager, m.id);
    expect(await codeOf(getMarket(deps, team.lead, m.id))).toBe('NOT_FOUND');
    expect((await audit(m.id)).map((a) => [a.entity, a.action])).toEqual([
      ['market', 'create'],
      ['market', 'update'],
      ['market', 'delete'],
    ]);
  });

  it('forbids writes to non-managers and hides other workspaces', async () => {
    for (const who of [team.lead, team.assistant]) {
      expect(await codeOf(createMarket(deps, who, { name: 'x', sharePercent: 1 }))).toBe('AUTH.FORBIDDEN');
      expect(await codeOf(updateMarket(deps, who, team.marketId, { version: 1, name: 'x' }))).toBe(
        'AUTH.FORBIDDEN',
      );
      expect(await codeOf(deleteMarket(deps, who, team.marketId))).toBe('AUTH.FORBIDDEN');
    }
    expect(await codeOf(getMarket(deps, foreign.manager, team.marketId))).toBe('NOT_FOUND');
    expect(await codeOf(updateMarket(deps, foreign.manager, team.marketId, { version: 1, name: 'x' }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(deleteMarket(deps, foreign.manager, team.marketId))).toBe('NOT_FOUND');
    expect((await listMarkets(deps, foreign.lead, {})).items.map((m) => m.id)).toEqual([foreign.marketId]);
    expect((await getMarket(deps, team.lead, team.marketId)).name).toBe('杭州主城+萧山');
  });

  it('answers a duplicate name with VALIDATION.FAILED on name, through the unique constraint', async () => {
    expect(
      await fieldsOf(createMarket(deps, team.manager, { name: '杭州主城+萧山', sharePercent: 10 })),
    ).toEqual(['name']);
    const m = await createMarket(deps, team.manager, { name: '绍兴', sharePercent: 10 });
    expect(
      await fieldsOf(updateMarket(deps, team.manager, m.id, { version: 1, name: '杭州主城+萧山' })),
    ).toEqual(['name']);
    expect(await getMarket(deps, team.manager, m.id)).toMatchObject({ name: '绍兴', version: 1 });
    // The same name in another workspace is fine.
    expect((await createMarket(deps, foreign.manager, { name: '绍兴', sharePercent: 10 })).name).toBe('绍兴');
    expect(await audit(m.id)).toHaveLength(1);
  });

  it('answers CONFLICT.STALE to a stale version and writes nothing', async () => {
    await updateMarket(deps, team.manager, team.marketId, { version: 1, sharePercent: 60 });
    expect(
      await codeOf(updateMarket(deps, team.manager, team.marketId, { version: 1, sharePercent: 70 })),
    ).toBe('CONFLICT.STALE');
    expect(await getMarket(deps, team.lead, team.marketId)).toMatchObject({ sharePercent: 60, version: 2 });
    expect(await audit(team.marketId)).toHaveLength(1);
  });

  it('rejects unknown fields and shares out of range or too precise', async () => {
    for (const body of [
      { name: 'x', sharePercent: 1, workspaceId: 'w' },
      { name: 'x', sharePercent: -0.01 },
      { name: 'x', sharePercent: 100.01 },
      { name: 'x', sharePercent: 12.345 },
    ]) {
      expect(await codeOf(createMarket(deps, team.manager, body))).toBe('VALIDATION.FAILED');
    }
    expect((await createMarket(deps, team.manager, { name: 'edge', sharePercent: 100 })).sharePercent).toBe(
      100,
    );
    expect(await codeOf(listMarkets(deps, team.lead, { cursor: '!' }))).toBe('VALIDATION.FAILED');
  });

  it('pages through every market exactly once', async () => {
    for (let i = 0; i < 11; i++)
      await createMarket(deps, team.manager, { name: `市场${i}`, sharePercent: i });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listMarkets(deps, team.lead, { limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((m) => m.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(12);
    expect(new Set(seen).size).toBe(12);
  });
});
