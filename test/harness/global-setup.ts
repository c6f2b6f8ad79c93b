/**
 * Vitest global set-up: PostgreSQL test schemas are dropped once, after the whole run,
 * instead of by each test. Dropping a schema while another test file introspects the
 * catalogue makes that file fail ("schema … does not exist"); dropping them all at the
 * end keeps parallel test files independent.
 */
import pg from 'pg';

async function dropTestSchemas(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      `select nspname as name from pg_namespace where nspname like 't\\_%' and length(nspname) = 34`,
    );
    for (const { name } of rows) await client.query(`drop schema if exists "${name}" cascade`);
  } finally {
    await client.end();
  }
}

/** Clears leftovers of an interrupted run, and returns the teardown that clears this run's. */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return undefined;
  await dropTestSchemas(url);
  return () => dropTestSchemas(url);
}
