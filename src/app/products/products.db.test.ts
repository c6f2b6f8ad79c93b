import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTeam, type Team, testDeps } from '../../../test/factories.js';
import { engines, type TestDatabase } from '../../../test/harness/databases.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import type { Deps } from '../context.js';
import { createProduct } from './create-product.js';
import { deleteProduct } from './delete-product.js';
import { getProduct } from './get-product.js';
import { listProducts } from './list-products.js';
import { updateProduct } from './update-product.js';

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe.each(engines)('products on $name', (engine) => {
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

  it('lets a manager create, update and delete, any member read, each write with an audit entry', async () => {
    const features = [{ name: '自动换梭', pains: ['停机多', '人工贵'] }];
    const p = await createProduct(deps, team.manager, { name: '织机', priceMinor: 9_900_000, features });
    expect(p).toMatchObject({ name: '织机', priceMinor: 9_900_000, currency: 'CNY', features, version: 1 });
    for (const who of [team.lead, team.assistant, team.otherAssistant]) {
      expect(await getProduct(deps, who, p.id)).toEqual(p);
      expect((await listProducts(deps, who, {})).items).toEqual([p]);
    }
    const u = await updateProduct(deps, team.manager, p.id, {
      version: 1,
      priceMinor: 8_800_000,
      currency: 'USD',
    });
    expect(u).toMatchObject({ priceMinor: 8_800_000, currency: 'USD', features, version: 2 });
    await deleteProduct(deps, team.manager, p.id);
    expect(await codeOf(getProduct(deps, team.lead, p.id))).toBe('NOT_FOUND');
    expect((await audit(p.id)).map((a) => [a.entity, a.action, a.actor_id])).toEqual([
      ['product', 'create', team.manager.userId],
      ['product', 'update', team.manager.userId],
      ['product', 'delete', team.manager.userId],
    ]);
  });

  it('forbids writes to non-managers and hides other workspaces', async () => {
    const p = await createProduct(deps, team.manager, { name: '织机', priceMinor: 100 });
    for (const who of [team.lead, team.assistant]) {
      expect(await codeOf(createProduct(deps, who, { name: 'x', priceMinor: 1 }))).toBe('AUTH.FORBIDDEN');
      expect(await codeOf(updateProduct(deps, who, p.id, { version: 1, name: 'x' }))).toBe('AUTH.FORBIDDEN');
      expect(await codeOf(deleteProduct(deps, who, p.id))).toBe('AUTH.FORBIDDEN');
    }
    expect(await codeOf(getProduct(deps, foreign.manager, p.id))).toBe('NOT_FOUND');
    expect(await codeOf(updateProduct(deps, foreign.manager, p.id, { version: 1, name: 'x' }))).toBe(
      'NOT_FOUND',
    );
    expect(await codeOf(deleteProduct(deps, foreign.manager, p.id))).toBe('NOT_FOUND');
    expect((await listProducts(deps, foreign.lead, {})).items).toEqual([]);
    expect(await getProduct(deps, team.lead, p.id)).toEqual(p);
    expect(await audit(p.id)).toHaveLength(1);
  });

  it('answers CONFLICT.STALE to a stale version and writes nothing', async () => {
    const p = await createProduct(deps, team.manager, { name: '织机', priceMinor: 100 });
    await updateProduct(deps, team.manager, p.id, { version: 1, priceMinor: 200 });
    expect(await codeOf(updateProduct(deps, team.manager, p.id, { version: 1, priceMinor: 300 }))).toBe(
      'CONFLICT.STALE',
    );
    expect(await getProduct(deps, team.lead, p.id)).toMatchObject({ priceMinor: 200, version: 2 });
    expect(await audit(p.id)).toHaveLength(2);
  });

  it('rejects unknown fields and bad values', async () => {
    expect(
      await codeOf(createProduct(deps, team.manager, { name: 'x', priceMinor: 1, workspaceId: 'w' })),
    ).toBe('VALIDATION.FAILED');
    expect(await codeOf(createProduct(deps, team.manager, { name: 'x', priceMinor: -1 }))).toBe(
      'VALIDATION.FAILED',
    );
    expect(await codeOf(createProduct(deps, team.manager, { name: 'x', priceMinor: 0.5 }))).toBe(
      'VALIDATION.FAILED',
    );
    expect(
      await codeOf(
        createProduct(deps, team.manager, {
          name: 'x',
          priceMinor: 1,
          features: [{ name: 'f', pains: [], x: 1 }],
        }),
      ),
    ).toBe('VALIDATION.FAILED');
    expect(await db.selectFrom('products').select('id').execute()).toHaveLength(0);
  });

  it('pages through every product exactly once', async () => {
    for (let i = 0; i < 12; i++)
      await createProduct(deps, team.manager, { name: `产品${i % 5}`, priceMinor: i });
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await listProducts(deps, team.lead, { limit: 5, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((p) => p.priceMinor));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});
