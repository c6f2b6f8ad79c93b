/** Seminars, queues and hand-offs over HTTP on both databases: status codes and bodies. */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken } from '../src/app/auth/api-tokens.js';
import { createCustomer } from '../src/app/customers/create-customer.js';
import { buildApp } from '../src/server/app.js';
import { engines } from './harness/databases.js';
import { withWorkspace } from './harness/workspace.js';

describe.each(engines)('seminars and team API on $name', (engine) => {
  const ws = withWorkspace(engine);
  let app: FastifyInstance;
  let lead: Record<string, string>;
  let assistant: Record<string, string>;

  beforeEach(async () => {
    app = await buildApp({ ...ws.deps, dialect: ws.open.dialect });
    lead = { authorization: `Bearer ${(await createApiToken(ws.deps, ws.team.lead, { name: 't' })).token}` };
    assistant = {
      authorization: `Bearer ${(await createApiToken(ws.deps, ws.team.assistant, { name: 't' })).token}`,
    };
  });
  afterEach(async () => {
    await app.close();
  });

  it('plans a seminar, invites, refuses early attendance in the caller’s language, and reports', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/seminars',
      headers: lead,
      payload: { title: '三月会销', heldOn: '2026-03-20', capacity: 40 },
    });
    expect(created.statusCode).toBe(201);
    const seminar = created.json();
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/seminars',
          headers: assistant,
          payload: { title: 'x', heldOn: '2026-03-20', capacity: 40 },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/seminars',
          headers: lead,
          payload: { title: 'x', heldOn: '2026-03-20', capacity: 2001 },
        })
      ).json().error.code,
    ).toBe('VALIDATION.FAILED');

    const customer = await createCustomer(ws.deps, ws.team.assistant, {
      name: '富阳纸业',
      marketId: ws.team.marketId,
    });
    const invite = () =>
      app.inject({
        method: 'POST',
        url: `/api/seminars/${seminar.id}/invitations`,
        headers: assistant,
        payload: { customerIds: [customer.id] },
      });
    const first = await invite();
    expect(first.statusCode).toBe(201);
    expect(first.json().alreadyInvited).toEqual([]);
    const again = await invite();
    expect(again.json()).toEqual({ invited: [], alreadyInvited: [customer.id] });
    const [invitation] = (
      await app.inject({ url: `/api/seminars/${seminar.id}/invitations`, headers: lead })
    ).json() as { id: string; version: number }[];
    if (!invitation) throw new Error('no invitation');

    const early = await app.inject({
      method: 'PATCH',
      url: `/api/seminar-invitations/${invitation.id}`,
      headers: { ...assistant, 'accept-language': 'zh-CN' },
      payload: { version: 1, attended: true },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toEqual({
      code: 'SEMINAR.NOT_YET_HELD',
      message: '会销在 2026-03-20 举办，还没到日期，不能登记到场',
      details: { heldOn: '2026-03-20' },
    });
    const rsvp = await app.inject({
      method: 'PATCH',
      url: `/api/seminar-invitations/${invitation.id}`,
      headers: assistant,
      payload: { version: 1, rsvp: 'yes' },
    });
    expect(rsvp.json()).toMatchObject({ rsvp: 'yes', attended: false, version: 2 });

    const quotas = await app.inject({
      url: `/api/seminars/${seminar.id}/quotas?invitations=10`,
      headers: assistant,
    });
    expect(quotas.statusCode).toBe(200);
    expect(quotas.json()).toMatchObject({
      invitations: 10,
      source: 'query',
      markets: [
        { name: '杭州主城+萧山', quota: 10, invited: 1, cities: [{ city: '杭州主城+萧山', quota: 10 }] },
      ],
    });

    const stats = await app.inject({
      url: '/api/stats/seminars?from=2026-03-01&to=2026-03-31',
      headers: lead,
    });
    expect(stats.json()).toMatchObject({
      seminars: [
        { seminarId: seminar.id, invited: 1, accepted: 1, attended: 0, signed: 0, signRatePercent: null },
      ],
      total: { invited: 1, attended: 0 },
    });

    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/seminar-invitations/${invitation.id}`,
      headers: assistant,
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (await app.inject({ url: `/api/seminars/${seminar.id}/invitations`, headers: lead })).json(),
    ).toEqual([]);
  });

  it('opens queues by role and refuses an unqualified hand-off with its gaps', async () => {
    const queue = await app.inject({ url: '/api/queues/prospecting', headers: assistant });
    expect(queue.statusCode).toBe(200);
    expect(queue.json()).toMatchObject({
      memberId: ws.team.assistant.membershipId,
      items: [],
      weeklyQuota: null,
    });
    const theirs = await app.inject({
      url: `/api/queues/prospecting?memberId=${ws.team.otherAssistant.membershipId}`,
      headers: lead,
    });
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['memberId']);
    expect((await app.inject({ url: '/api/queues/after-sales', headers: assistant })).statusCode).toBe(400);

    const customer = await createCustomer(ws.deps, ws.team.assistant, {
      name: '临安茶叶',
      status: 'contacted',
    });
    const refused = await app.inject({
      method: 'POST',
      url: `/api/customers/${customer.id}/handoff`,
      headers: { ...assistant, 'accept-language': 'en' },
      payload: { kind: 'to_lead' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'HANDOFF.NOT_QUALIFIED',
      message:
        'The customer is not qualified yet and cannot go to the lead: still to confirm who the key person (KP) is; that they are willing to sign; that they are able to pay',
    });
    const zh = await app.inject({
      method: 'POST',
      url: `/api/customers/${customer.id}/handoff`,
      headers: { ...assistant, 'accept-language': 'zh' },
      payload: { kind: 'to_lead' },
    });
    expect(zh.json().error.message).toBe(
      '客户还没有确认合格，不能移交给主管：还需要确认关键人（KP）；确认对方愿意签约；确认对方付得起钱',
    );
    expect(
      (await app.inject({ url: `/api/customers/${customer.id}/handoffs`, headers: lead })).json(),
    ).toEqual([]);
  });
});
