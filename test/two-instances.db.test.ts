/**
 * Two app instances on one PostgreSQL database, as behind a load balancer: they start
 * together (migrating once, under the advisory lock), both serve, and what one writes the
 * other reads — the app keeps no state of its own.
 */

import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { createApiToken } from '../src/app/auth/api-tokens.js';
import { parseConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import { MIGRATIONS } from '../src/db/migrations/index.js';
import type { Schema } from '../src/db/schema.js';
import { startServer } from '../src/server/main.js';
import { seedTeam } from './factories.js';
import { databaseArgs, engines } from './harness/databases.js';

const postgres = engines.find((e) => e.name === 'postgres');

// Runs whenever TEST_DATABASE_URL is set — always in CI, where it is required.
describe.runIf(postgres)('two instances on PostgreSQL', () => {
  it('start together, migrate once, both serve and share the data', async () => {
    if (!postgres) return;
    const database = await postgres.create();
    const url = databaseArgs(database.target)[1] as string;
    const config = parseConfig({ DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1' }, process.cwd());
    const [a, b] = await Promise.all([startServer(config), startServer(config)]);
    const direct = openDatabase<Schema>(database.target);
    try {
      for (const server of [a, b]) {
        const health = await fetch(`${server.url}/api/health`);
        expect(await health.json()).toEqual({ status: 'ok', database: 'postgres' });
      }
      const team = await seedTeam(direct.db);
      const { token } = await createApiToken(
        { db: direct.db, clock: () => new Date(), newId: uuidv7 },
        team.lead,
        {
          name: 'two instances',
        },
      );
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const created = await fetch(`${a.url}/api/customers`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ name: '萧山纺织' }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: string };
      const read = await fetch(`${b.url}/api/customers/${id}`, { headers });
      expect(read.status).toBe(200);
      expect(((await read.json()) as { name: string }).name).toBe('萧山纺织');
      const migrations = await direct.db
        .selectFrom('kysely_migration' as never)
        .selectAll()
        .execute();
      expect(migrations).toHaveLength(Object.keys(MIGRATIONS).length);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await direct.close();
      await database.dispose();
    }
  });
});
