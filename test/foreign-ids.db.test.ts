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
import { createCloseAttempt } from '../src/app/close-attempts/create-close-attempt.js';
import { createContact } from '../src/app/contacts/create-contact.js';
import type { Deps, Principal } from '../src/app/context.js';
import { createCustomer } from '../src/app/customers/create-customer.js';
import { createDeal } from '../src/app/deals/create-deal.js';
import { createFollowUp } from '../src/app/follow-ups/create-follow-up.js';
import { startImport } from '../src/app/import/import-jobs.js';
import { createMarket } from '../src/app/markets/create-market.js';
import { createNextVisitPlan } from '../src/app/next-visit-plans/create-next-visit-plan.js';
import { createObjectionType } from '../src/app/objections/create-objection-type.js';
import { savePlan } from '../src/app/plans/save-plan.js';
import { createProduct } from '../src/app/products/create-product.js';
import { createSeminar } from '../src/app/seminars/create-seminar.js';
import { inviteCustomers } from '../src/app/seminars/invite-customers.js';
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
  const nextVisitPlan = await createNextVisitPlan(deps, owner, customerId, { goal: '见董事长' });
  // Close (issue 4): a close attempt, and a custom objection key only this workspace has.
  const closeAttempt = await createCloseAttempt(deps, owner, {
    customerId,
    attemptedOn: '2026-03-03',
    result: 'signed',
  });
  const objectionKey = `own_${owner.membershipId.replace(/-/g, '').slice(-8)}`;
  await createObjectionType(deps, team.manager, {
    key: objectionKey,
    kind: 'objection',
    labelZh: '自定义',
    labelEn: 'Custom',
  });
  // Seminars are the workspace's; an invitation is visible with its customer.
  const seminar = await createSeminar(deps, team.manager, {
    title: '会销',
    heldOn: '2026-03-20',
    capacity: 30,
  });
  const invitation = (await inviteCustomers(deps, owner, seminar.id, { customerIds: [customerId] }))
    .invited[0];
  const importJob = await startImport(
    deps,
    owner,
    { type: 'customers', format: 'csv' },
    Buffer.from('客户名称\n'),
  );
  await importJob.run();
  const calendarFeed = await createCalendarFeed(deps, owner, {});
  return {
    'next-visit-plans': nextVisitPlan.id,
    'close-attempts': closeAttempt.attempt.id,
    'objection-types': objectionKey,
    seminars: seminar.id,
    'seminar-invitations': invitation?.id ?? '',
    imports: importJob.job.id,
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

/** Bodies of POST routes under a record that need more than `{}` to pass validation. */
const POST_BODIES: Record<string, Record<string, unknown>> = {
  '/api/customers/{id}/chairman-consultations': {
    contactId: '01900000-0000-7000-8000-000000000000',
    productView: 'ok',
    wouldChooseFirst: 'yes',
    chairmanFollowsAdvice: 'yes',
    biggestObstacle: 'price',
  },
  '/api/customers/{id}/next-visit-plans': { goal: 'meet the chairman' },
};

/** Records every member of a workspace may read: not "another person's" record. */
const WORKSPACE_WIDE = [
  '/api/plans',
  '/api/products',
  '/api/markets',
  '/api/objection-types',
  '/api/seminars/',
];

/** Bodies of routes whose body has required fields (method and OpenAPI path). */
const BODIES: Record<string, Record<string, unknown>> = {
  'put /api/visits/{id}/discovery': { version: 1, discoveryVersion: 0, answers: [], pains: [] },
  'post /api/seminars/{id}/invitations': { customerIds: ['0190c6d5-0000-7000-8000-000000000000'] },
  'post /api/customers/{id}/handoff': { kind: 'to_lead' },
};

/** A body that passes validation for the route, so the answer is about the id. */
function bodyFor(method: Method, path = ''): Record<string, unknown> | undefined {
  if (method === 'post' && POST_BODIES[path]) return POST_BODIES[path];
  const special = BODIES[`${method} ${path}`];
  if (special) return special;
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
    // 7 record types × read/change/delete, DELETE /api/tokens/{id}, GET /api/plans/{year};
    // meetings: stage history, chairman consultations (GET, POST), next-visit plans (GET, POST, PATCH).
    // Close (issue 4): PUT visits/{id}/discovery, GET customers/{id}/pitch-list,
    // /discoveries and /close-attempts, GET and DELETE close-attempts/{id}, PUT objection-types/{key}.
    // Seminars: read/change/delete, quotas, invitations (list, invite), an invitation's
    // change/delete, a customer's hand-off and hand-offs.
    // Imports: GET /api/imports/{id} and its /errors.
    // Calendar: DELETE /api/calendar-feeds/{id}.
    expect(paths.length).toBe(7 * 3 + 2 + 6 + 7 + 3 + 3 + 2 + 2 + 2 + 1);
  });

  it('answers 404 to a manager for every record of another workspace', async () => {
    for (const [path, method] of paths) {
      const body = bodyFor(method, path);
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
      const body = bodyFor(method, path);
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
