/** Customers and plans over HTTP on both databases: status codes, bodies, and a restart. */
import type { Kysely } from 'kysely';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Database } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Schema } from '../src/db/schema.js';
import { testDeps } from './factories.js';
import { withApi } from './harness/api.js';
import { engines } from './harness/databases.js';
import { ARTICLE_MARKETS } from './harness/plan-settings.js';
import { withWorkspace } from './harness/workspace.js';

describe.each(engines)('customers and plans API on $name', (engine) => {
  const ws = withWorkspace(engine);
  const api = withApi(ws, ['manager', 'lead']);

  it('creates, reads, changes and deletes a customer; a stale version gets 409 and changes nothing', async () => {
    const created = await api.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: api.as.lead,
      payload: { name: '萧山纺织', class: 'A' },
    });
    expect(created.statusCode).toBe(201);
    const customer = created.json();
    expect(customer).toMatchObject({ name: '萧山纺织', class: 'A', status: 'lead', version: 1 });

    const changed = await api.app.inject({
      method: 'PATCH',
      url: `/api/customers/${customer.id}`,
      headers: api.as.lead,
      payload: { version: 1, status: 'contacted' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().version).toBe(2);

    const stale = await api.app.inject({
      method: 'PATCH',
      url: `/api/customers/${customer.id}?lang=zh`,
      headers: api.as.manager,
      payload: { version: 1, name: '覆盖' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT.STALE', details: { currentVersion: 2 } });
    expect(stale.json().error.message).toContain('已被别人修改');
    expect(
      (await api.app.inject({ url: `/api/customers/${customer.id}`, headers: api.as.lead })).json().name,
    ).toBe('萧山纺织');

    expect(
      (await api.app.inject({ method: 'DELETE', url: `/api/customers/${customer.id}`, headers: api.as.lead }))
        .statusCode,
    ).toBe(204);
    expect(
      (await api.app.inject({ url: `/api/customers/${customer.id}`, headers: api.as.lead })).statusCode,
    ).toBe(404);
  });

  it('answers 400 with field details to invalid bodies and unknown fields, and 401 without credentials', async () => {
    const bad = await api.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: api.as.lead,
      payload: { name: 5, ownerId: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION.FAILED');
    const paths = bad.json().error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.name', 'body.ownerId']));

    const extra = await api.app.inject({
      method: 'POST',
      url: '/api/customers',
      headers: api.as.lead,
      payload: { name: 'x', workspaceId: ws.team.workspaceId },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.details.fields.map((f: { path: string }) => f.path)).toContain(
      'body.workspaceId',
    );

    expect((await api.app.inject({ url: '/api/customers' })).statusCode).toBe(401);
  });

  it('pages customers with a cursor', async () => {
    for (let i = 0; i < 7; i++) {
      await api.app.inject({
        method: 'POST',
        url: '/api/customers',
        headers: api.as.lead,
        payload: { name: `客户${i}` },
      });
    }
    const first = (
      await api.app.inject({ url: '/api/customers?limit=5&sort=name', headers: api.as.lead })
    ).json();
    expect(first.items).toHaveLength(5);
    const second = (
      await api.app.inject({
        url: `/api/customers?limit=5&sort=name&cursor=${first.nextCursor}`,
        headers: api.as.lead,
      })
    ).json();
    expect(second.items.map((c: { name: string }) => c.name)).toEqual(['客户5', '客户6']);
    expect(second.nextCursor).toBeNull();
    // Every row carries its meetings and overdue follow-ups; "overdue=true" filters on them.
    expect(second.items[0]).toMatchObject({ name: '客户5', meetings: 0, overdueFollowUps: 0 });
    const overdue = await api.app.inject({ url: '/api/customers?overdue=true', headers: api.as.lead });
    expect(overdue.statusCode).toBe(200);
    expect(overdue.json().items).toEqual([]);
    expect(
      (await api.app.inject({ url: '/api/customers?overdue=maybe', headers: api.as.lead })).statusCode,
    ).toBe(400);
    const twice = await api.app.inject({ url: '/api/customers?minMeetings=2', headers: api.as.lead });
    expect(twice.statusCode).toBe(200);
    expect(twice.json().items).toEqual([]);
    expect(
      (await api.app.inject({ url: '/api/customers?minMeetings=two', headers: api.as.lead })).statusCode,
    ).toBe(400);
    expect(
      (await api.app.inject({ url: '/api/customers?sort=secret', headers: api.as.lead })).statusCode,
    ).toBe(400);
  });

  it('saves a plan and reads it at a level and dimension', async () => {
    const plan = {
      target: '588万',
      year: 2026,
      markets: ARTICLE_MARKETS,
    };
    expect(
      (await api.app.inject({ method: 'POST', url: '/api/plans', headers: api.as.lead, payload: plan }))
        .statusCode,
    ).toBe(403);
    const saved = await api.app.inject({
      method: 'POST',
      url: '/api/plans',
      headers: api.as.manager,
      payload: plan,
    });
    expect(saved.statusCode).toBe(201);
    expect(saved.json().revision).toBe(1);

    const months = (
      await api.app.inject({ url: '/api/plans/2026?level=months&dimension=markets', headers: api.as.lead })
    ).json();
    expect(months.rows).toHaveLength(12);
    expect(months.rows.reduce((n: number, r: { amount: number }) => n + r.amount, 0)).toBe(588_000_000);
    expect(
      months.rows[0].by['杭州主城+萧山'] + months.rows[0].by['富阳/桐庐/临安'] + months.rows[0].by.海外,
    ).toBe(months.rows[0].amount);
    const whole = (await api.app.inject({ url: '/api/plans/2026', headers: api.as.lead })).json();
    expect(whole.result.calendar.workingDays).toBe(248);

    const invalid = await api.app.inject({
      method: 'POST',
      url: '/api/plans?lang=zh',
      headers: api.as.manager,
      payload: { ...plan, markets: [{ name: 'a', share: 90 }] },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toContain('市场的占比合计为 90%');
  });

  it('keeps the data across a restart', async () => {
    const created = (
      await api.app.inject({
        method: 'POST',
        url: '/api/customers',
        headers: api.as.lead,
        payload: { name: '富阳纸业' },
      })
    ).json();
    // A restarted server: a new connection to the same database, migrated again (a no-op).
    const reopened = ws.database.open() as Database<Schema>;
    onTestFinished(() => reopened.close());
    await migrateToLatest(reopened.db as Kysely<unknown>);
    await api.restart({ ...testDeps(reopened.db), dialect: reopened.dialect });
    const read = await api.app.inject({ url: `/api/customers/${created.id}`, headers: api.as.lead });
    expect(read.statusCode).toBe(200);
    expect(read.json().name).toBe('富阳纸业');
  });
});
