import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { engines, type TestDatabase } from '../../test/harness/databases.js';
import type { Database } from './client.js';
import { migrateToLatest, schemaStatus } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

const NOW = '2026-03-02T02:00:00.000Z';

describe.each(engines)('migrations on $name', (engine) => {
  let created: TestDatabase | undefined;
  const opened: Database[] = [];
  const open = async () => {
    created ??= await engine.create();
    const database = created.open();
    opened.push(database);
    return database;
  };
  afterEach(async () => {
    for (const d of opened.splice(0)) await d.close();
    await created?.dispose();
    created = undefined;
  });

  it('migrates a fresh database to the latest schema, then has nothing pending', async () => {
    const { db } = await open();
    expect((await schemaStatus(db)).pending).toEqual(Object.keys(MIGRATIONS));
    expect(await migrateToLatest(db)).toEqual(Object.keys(MIGRATIONS));
    const status = await schemaStatus(db);
    expect(status.pending).toEqual([]);
    expect(status.migrations.every((m) => m.executedAt !== null)).toBe(true);
    expect(await migrateToLatest(db)).toEqual([]);
    const tables = (await db.introspection.getTables()).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'workspaces',
        'users',
        'memberships',
        'customers',
        'deals',
        'plans',
        'audit_log',
        'sessions',
      ]),
    );
  });

  it('keeps data across a restart, with bigint money exact and foreign keys enforced', async () => {
    const first = await open();
    await migrateToLatest(first.db);
    const row = { id: 'w1', name: '杭州区域', created_at: NOW, updated_at: NOW };
    await sql`insert into workspaces (id, name, created_at, updated_at) values (${row.id}, ${row.name}, ${NOW}, ${NOW})`.execute(
      first.db,
    );
    await sql`insert into products (id, workspace_id, name, price_minor, currency, created_at, updated_at)
      values ('p1', 'w1', '出口通', ${100_000_000_000_000}, 'CNY', ${NOW}, ${NOW})`.execute(first.db);
    await expect(
      sql`insert into products (id, workspace_id, name, price_minor, currency, created_at, updated_at)
        values ('p2', 'nope', 'x', 1, 'CNY', ${NOW}, ${NOW})`.execute(first.db),
    ).rejects.toThrow();
    await first.close();
    opened.splice(opened.indexOf(first), 1);

    const second = await open();
    expect((await schemaStatus(second.db)).pending).toEqual([]);
    const products = await sql<{
      price_minor: number;
    }>`select price_minor from products where id = 'p1'`.execute(second.db);
    expect(products.rows).toEqual([{ price_minor: 100_000_000_000_000 }]);
    const workspaces = await sql<{
      name: string;
      version: number;
    }>`select name, version from workspaces`.execute(second.db);
    expect(workspaces.rows).toEqual([{ name: '杭州区域', version: 1 }]);
  });

  it('refuses a database written by a newer version', async () => {
    const { db } = await open();
    await migrateToLatest(db);
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', ${NOW})`.execute(
      db,
    );
    await expect(migrateToLatest(db)).rejects.toMatchObject({ code: 'DB.NEWER_SCHEMA' });
    expect((await schemaStatus(db)).unknown).toEqual(['9999_from_the_future']);
  });
});

// In one process, two better-sqlite3 connections would block each other's event loop
// (SQLite's busy wait is synchronous), so SQLite's two-instance case is tested with two
// processes in test/cli-db.test.ts; PostgreSQL is also tested here with two pools.
describe.each(engines.filter((e) => e.name === 'postgres'))('two instances on $name', (engine) => {
  it('migrate once when they start together', async () => {
    const database = await engine.create();
    const a = database.open();
    const b = database.open();
    try {
      const [ranA, ranB] = await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
      expect([...ranA, ...ranB].sort()).toEqual(Object.keys(MIGRATIONS));
      expect((await schemaStatus(b.db)).pending).toEqual([]);
    } finally {
      await a.close();
      await b.close();
      await database.dispose();
    }
  });
});
