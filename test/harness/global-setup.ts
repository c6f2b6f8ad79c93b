/**
 * Vitest global set-up: PostgreSQL test schemas are dropped once, after the whole run,
 * instead of by each test. Dropping a schema while another test file introspects the
 * catalogue makes that file fail ("schema … does not exist"); dropping them all at the
 * end keeps parallel test files independent.
 *
 * Schemas are named `t_<run>_<unique>`, and a run drops only its own: two test runs on
 * one machine (two checkouts, a developer and a watcher) share the PostgreSQL server
 * without pulling schemas from under each other. A run holds a session advisory lock on
 * its run id while it lives, so the next run can tell the schemas of a crashed or killed
 * run (lock free) from those of a run still going (lock held) and clear the former:
 * leftovers would otherwise pile up and slow every migration's catalogue scan.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's prefix for PostgreSQL test schemas. */
    testRun: string;
  }
}

/** The advisory lock key of a run: its 8 hex digits as a signed 32-bit integer. */
const lockKey = (run: string): number => Number.parseInt(run, 16) | 0;

/** The test schemas of runs matching `pattern`, grouped by run. */
async function schemasByRun(client: pg.Client, pattern: string): Promise<Map<string, string[]>> {
  const { rows } = await client.query<{ name: string }>(
    `select nspname as name from pg_namespace where nspname like $1`,
    [pattern],
  );
  const byRun = new Map<string, string[]>();
  for (const { name } of rows) {
    const run = name.slice(2, 10);
    if (!/^[0-9a-f]{8}$/.test(run)) continue;
    byRun.set(run, [...(byRun.get(run) ?? []), name]);
  }
  return byRun;
}

async function drop(client: pg.Client, schemas: readonly string[]): Promise<void> {
  for (const name of schemas) await client.query(`drop schema if exists "${name}" cascade`);
}

/** Drops the schemas of runs that no longer hold their lock (crashed or killed runs). */
async function dropAbandoned(client: pg.Client): Promise<void> {
  for (const [run, schemas] of await schemasByRun(client, 't\\_%\\_%')) {
    const { rows } = await client.query<{ free: boolean }>('select pg_try_advisory_lock($1) as free', [
      lockKey(run),
    ]);
    if (!rows[0]?.free) continue;
    await drop(client, schemas);
    await client.query('select pg_advisory_unlock($1)', [lockKey(run)]);
  }
}

/**
 * The system catalogues a run fills and empties: every test schema adds and removes some
 * 30 tables' rows. Where autovacuum is off (as on the CI machines here), the dead rows
 * pile up run after run and the catalogue's indexes with them, until the parallel
 * migrations of a later run crawl (in a full run, PostgreSQL tests went from about 4 s
 * to 11 s each, and one hit its 30 s timeout). A plain VACUUM at the start and the end
 * of a run clears them without blocking other sessions; without the rights to vacuum a
 * catalogue, PostgreSQL warns and goes on.
 */
const CATALOGUES = [
  'pg_attribute',
  'pg_class',
  'pg_depend',
  'pg_type',
  'pg_index',
  'pg_constraint',
  'pg_attrdef',
  'pg_namespace',
  'pg_sequence',
  'pg_statistic',
].map((name) => `pg_catalog.${name}`);

async function vacuumCatalogues(client: pg.Client): Promise<void> {
  await client.query(`vacuum (analyze) ${CATALOGUES.join(', ')}`);
}

/** Gives the run its schema prefix, and returns the teardown that drops this run's schemas. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const run = randomBytes(4).toString('hex');
  project.provide('testRun', run);
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return undefined;
  // This connection lives as long as the run and holds the run's lock.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('select pg_advisory_lock($1)', [lockKey(run)]);
  await dropAbandoned(client);
  await vacuumCatalogues(client);
  return async () => {
    try {
      await drop(client, (await schemasByRun(client, `t\\_${run}\\_%`)).get(run) ?? []);
      await vacuumCatalogues(client);
    } finally {
      await client.end();
    }
  };
}
