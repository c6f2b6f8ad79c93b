/**
 * Saves that race on a unique key: twenty at once of a plan for one year, of the discovery
 * chain, and of invitations of one customer to one seminar; one file imported twice at once. On PostgreSQL the requests go
 * to two app instances on one database (as behind a load balancer), each with its own
 * connection pool; on SQLite to one. Every answer is a success — a new revision each, or
 * "already invited", or two import jobs done — never a 500, and no row is stored twice.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCustomer } from '../src/app/customers/create-customer.js';
import type { Database } from '../src/db/client.js';
import type { Schema } from '../src/db/schema.js';
import { buildApp } from '../src/server/app.js';
import { testDeps } from './factories.js';
import { bearer, type Headers } from './harness/api.js';
import { engines } from './harness/databases.js';
import { ARTICLE_MARKETS } from './harness/plan-settings.js';
import { withWorkspace } from './harness/workspace.js';

const AT_ONCE = 20;

describe.each(engines)('concurrent saves on $name', (engine) => {
  const ws = withWorkspace(engine);
  let apps: FastifyInstance[] = [];
  let second: Database<Schema> | undefined;
  let manager: Headers;

  beforeEach(async () => {
    const first = await buildApp({ ...ws.deps, dialect: ws.open.dialect });
    apps = [first];
    if (engine.name === 'postgres') {
      // A second instance: its own pool on the same database.
      second = ws.database.open() as Database<Schema>;
      apps.push(await buildApp({ ...testDeps(second.db, ws.clock), dialect: second.dialect }));
    }
    manager = await bearer(ws.deps, ws.team.manager);
  });
  afterEach(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await second?.close();
    second = undefined;
  });

  /** Sends the same request AT_ONCE times at once, spread over the instances. */
  const atOnce = (method: 'POST' | 'PUT', url: string, payload: object) =>
    Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        (apps[i % apps.length] as FastifyInstance).inject({ method, url, headers: manager, payload }),
      ),
    );
  const oneToTwenty = Array.from({ length: AT_ONCE }, (_, i) => i + 1);

  it('saves twenty plans of one year at once as revisions 1 to 20', async () => {
    const answers = await atOnce('POST', '/api/plans', {
      target: '588万',
      year: 2026,
      markets: ARTICLE_MARKETS,
    });
    expect(answers.map((a) => a.statusCode)).toEqual(Array(AT_ONCE).fill(201));
    expect(answers.map((a) => a.json().revision as number).sort((a, b) => a - b)).toEqual(oneToTwenty);
    const stored = await ws.db.selectFrom('plans').select('revision').orderBy('revision').execute();
    expect(stored.map((p) => p.revision)).toEqual(oneToTwenty);
  });

  it('saves twenty discovery chains at once as versions 1 to 20', async () => {
    const chain = { questions: [{ id: 'now', zh: '现在怎么做？', en: 'How now?' }] };
    const answers = await atOnce('PUT', '/api/discovery-chain', chain);
    expect(answers.map((a) => a.statusCode)).toEqual(Array(AT_ONCE).fill(201));
    expect(answers.map((a) => a.json().version as number).sort((a, b) => a - b)).toEqual(oneToTwenty);
  });

  it('invites a customer once when twenty rounds name it at once; the others hear "already invited"', async () => {
    const customer = await createCustomer(ws.deps, ws.team.lead, { name: '萧山纺织' });
    const seminar = await (apps[0] as FastifyInstance).inject({
      method: 'POST',
      url: '/api/seminars',
      headers: manager,
      payload: { title: '春季会销', heldOn: '2026-04-01', capacity: 60 },
    });
    expect(seminar.statusCode).toBe(201);
    const url = `/api/seminars/${seminar.json().id}/invitations`;
    const answers = await atOnce('POST', url, { customerIds: [customer.id] });
    expect(answers.map((a) => a.statusCode)).toEqual(Array(AT_ONCE).fill(201));
    const rounds = answers.map((a) => a.json() as { invited: unknown[]; alreadyInvited: string[] });
    expect(rounds.filter((r) => r.invited.length === 1)).toHaveLength(1);
    expect(rounds.filter((r) => r.alreadyInvited[0] === customer.id)).toHaveLength(AT_ONCE - 1);
    const stored = await ws.db.selectFrom('seminar_invitations').select('id').execute();
    expect(stored).toHaveLength(1);
  });

  it('imports one 1,500-row file posted twice at once as 1,500 customers, both jobs done', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) => `客户${String(i).padStart(4, '0')},杭州`);
    const csv = Buffer.from(`客户名称,城市\n${lines.join('\n')}\n`);
    const posted = await Promise.all(
      apps.concat(apps.length === 1 ? apps : []).map((app) =>
        app.inject({
          method: 'POST',
          url: '/api/imports?type=customers',
          headers: { ...manager, 'content-type': 'text/csv' },
          payload: csv,
        }),
      ),
    );
    expect(posted.map((p) => p.statusCode)).toEqual([202, 202]);
    const jobs = await Promise.all(
      posted.map(async (p, i) => {
        const app = apps[i % apps.length] as FastifyInstance;
        const read = async () =>
          (await app.inject({ url: `/api/imports/${p.json().id}`, headers: manager })).json();
        await expect.poll(async () => (await read()).status, { timeout: 60_000 }).toMatch(/^(done|failed)$/);
        return read();
      }),
    );
    expect(jobs.map((j) => [j.status, j.failure])).toEqual([
      ['done', null],
      ['done', null],
    ]);
    const created = jobs.reduce((n, j) => n + j.counts.created, 0);
    expect(created).toBe(1500);
    const stored = await ws.db.selectFrom('customers').select('name').execute();
    expect(stored).toHaveLength(1500);
    expect(new Set(stored.map((c) => c.name)).size).toBe(1500);
  });
});
