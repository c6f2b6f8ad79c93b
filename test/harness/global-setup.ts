/**
 * Vitest global set-up: PostgreSQL test schemas are dropped once, after the whole run,
 * instead of by each test. Dropping a schema while another test file introspects the
 * catalogue makes that file fail ("schema … does not exist"); dropping them all at the
 * end keeps parallel test files independent.
 *
 * Schemas are named `t_<run>_<unique>`, and a run drops only its own: two test runs on
 * one machine (two checkouts, a developer and a watcher) share the PostgreSQL server
 * without pulling schemas from under each other.
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

async function dropTestSchemas(url: string, run: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace where nspname like $1`,
      [`t\\_${run}\\_%`],
    );
    for (const { name } of rows) await client.query(`drop schema if exists "${name}" cascade`);
  } finally {
    await client.end();
  }
}

/** Gives the run its schema prefix, and returns the teardown that drops this run's schemas. */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const run = randomBytes(4).toString('hex');
  project.provide('testRun', run);
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return undefined;
  return () => dropTestSchemas(url, run);
}
