/**
 * The rights wall, walked route by route: every API path that takes an id is called with
 * the id of another workspace's record (and, for a lead, with a record of another lead's
 * team). Each must answer 404 NOT_FOUND — never the record, never 403, never 500. The list
 * of paths comes from the OpenAPI document, so a new route cannot slip past: a path whose
 * parameter this test does not know fails it.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/app/auth/api-tokens.js';
import { createCalendarFeed } from '../src/app/calendar/create-calendar-feed.js';
import { createContact } from '../src/app/contacts/create-contact.js';
import type { Deps, Principal } from '../src/app/context.js';
import { createCustomer } from '../src/app/customers/create-customer.js';
import { createDeal } from '../src/app/deals/create-deal.js';
import { createFollowUp } from '../src/app/follow-ups/create-follow-up.js';
import { createMarket } from '../src/app/markets/create-market.js';
import { savePlan } from '../src/app/plans/save-plan.js';
import { createProduct } from '../src/app/products/create-product.js';
import { createVisit } from '../src/app/visits/create-visit.js';
import type { Database } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Schema } from '../src/db/schema.js';
import { buildApp } from '../src/server/app.js';
import { seedTeam, type Team, testDeps } from './factories.js';
import { engines, type TestDatabase } from './harness/databases.js';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Ids of one team's records, by the first segment after /api/. */
async function recordsOf(
  deps: Deps,
  team: Team,
  owner: Principal,
  withPlan: boolean,
): Promise<Record<string, string>> {
  const customer = await createCustomer(deps, owner, { name: `客户 of ${owner.membershipId}` });
  const customerId = customer.id;
  // Plans are addressed by year: only the foreign workspace has one for 2026.
  if (withPlan) await savePlan(deps, team.manager, { target: '588万', year: 2026 });
  const token = await createApiToken(deps, owner, { name: 'walk' });
  const contact = await createContact(deps, owner, { customerId, name: '陈总' });
  const visit = await createVisit(deps, owner, { customerId, visitOn: '2026-03-03' });
  const deal = await createDeal(deps, owner, { customerId, amountMinor: 2_980_000 });
  const followUp = await createFollowUp(deps, owner, { customerId, dueOn: '2026-03-10', kind: 'visit' });
  const product = await createProduct(deps, team.manager, {
    name: `出口通 ${owner.membershipId}`,
    priceMinor: 2_980_000,
  });
  const market = await createMarket(deps, team.manager, {
    name: `海外 ${owner.membershipId}`,
    sharePercent: 10,
  });
  const calendarFeed = await createCalendarFeed(deps, owner, {});
  return {
    'calendar-feeds': calendarFeed.id,
    customers: customerId,
    tokens: token.id,
    plans: '2026',
    contacts: contact.id,
    visits: visit.id,
    deals: deal.id,
    'follow-ups': followUp.id,
    products: product.id,
    markets: market.id,
  };
}

/** Records every member of a workspace may read: not "another person's" record. */
const WORKSPACE_WIDE = ['/api/plans', '/api/products', '/api/markets'];

/** A body that passes validation for the route, so the answer is about the id. */
function bodyFor(method: Method): Record<string, unknown> | undefined {
  if (method === 'patch' || method === 'put') return { version: 1 };
  if (method === 'post') return {};
  return undefined;
}

describe.each(engines)('foreign ids on $name', (engine) => {
  let database: TestDatabase;
  let open: Database<Schema>;
  let app: FastifyInstance;
  let deps: Deps;
  let home: Team;
  let foreign: Team;
  let homeToken: string;
  let leadToken: string;
  let foreignIds: Record<string, string>;
  let otherTeamIds: Record<string, string>;
  let paths: [string, Method][];

  beforeAll(async () => {
    database = await engine.create();
    open = database.open() as Database<Schema>;
    await migrateToLatest(open.db as Kysely<unknown>);
    deps = testDeps(open.db);
    home = await seedTeam(open.db);
    foreign = await seedTeam(open.db, '宁波区域');
    foreignIds = await recordsOf(deps, foreign, foreign.lead, true);
    otherTeamIds = await recordsOf(deps, home, home.otherLead, false);
    homeToken = (await createApiToken(deps, home.manager, { name: 'walk' })).token;
    leadToken = (await createApiToken(deps, home.lead, { name: 'walk' })).token;
    app = await buildApp({ ...deps, dialect: open.dialect });
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    paths = Object.entries(doc.paths)
      // /ics/{token}… are public calendar feeds: the secret token is the credential, not an id.
      .filter(([path]) => /\{[^}]+\}/.test(path) && path.startsWith('/api/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => [path, m as Method] as [string, Method]));
  });
  afterAll(async () => {
    await app?.close();
    await open?.close();
    await database?.dispose();
  });

  const urlFor = (path: string, ids: Record<string, string>): string => {
    const resource = /^\/api\/([^/]+)/.exec(path)?.[1] ?? '';
    return path.replace(/\{([^}]+)\}/g, (_, param: string) => {
      const id = ids[resource];
      if (!id) throw new Error(`no foreign record for {${param}} of ${path}: add one to this test`);
      return id;
    });
  };

  it('finds the routes that take an id', () => {
    // 7 record types × read/change/delete, DELETE /api/tokens/{id}, GET /api/plans/{year},
    // DELETE /api/calendar-feeds/{id}.
    expect(paths.length).toBe(7 * 3 + 2 + 1);
  });

  it('answers 404 to a manager for every record of another workspace', async () => {
    for (const [path, method] of paths) {
      const body = bodyFor(method);
      const res = await app.inject({
        method: method.toUpperCase() as 'GET',
        url: urlFor(path, foreignIds),
        headers: { authorization: `Bearer ${homeToken}` },
        ...(body ? { payload: body } : {}),
      });
      expect({
        route: `${method.toUpperCase()} ${path}`,
        status: res.statusCode,
        code: res.json().error?.code,
      }).toEqual({
        route: `${method.toUpperCase()} ${path}`,
        status: 404,
        code: 'NOT_FOUND',
      });
    }
  });

  it("answers 404 to a lead for the records of another lead's team", async () => {
    for (const [path, method] of paths) {
      if (WORKSPACE_WIDE.some((prefix) => path.startsWith(prefix))) continue;
      const body = bodyFor(method);
      const res = await app.inject({
        method: method.toUpperCase() as 'GET',
        url: urlFor(path, otherTeamIds),
        headers: { authorization: `Bearer ${leadToken}` },
        ...(body ? { payload: body } : {}),
      });
      expect({ route: `${method.toUpperCase()} ${path}`, status: res.statusCode }).toEqual({
        route: `${method.toUpperCase()} ${path}`,
        status: 404,
      });
    }
  });
});
