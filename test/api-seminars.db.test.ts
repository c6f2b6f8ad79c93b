/** Seminars, queues and hand-offs over HTTP on both databases: status codes and bodies. */
import { describe, expect, it } from 'vitest';
import { createCustomer } from '../src/app/customers/create-customer.js';
import { withApi } from './harness/api.js';
import { engines } from './harness/databases.js';
import { withWorkspace } from './harness/workspace.js';

describe.each(engines)('seminars and team API on $name', (engine) => {
  const ws = withWorkspace(engine);
  const api = withApi(ws, ['lead', 'assistant']);
  const postSeminar = (headers: Record<string, string>, payload: Record<string, unknown>) =>
    api.app.inject({ method: 'POST', url: '/api/seminars', headers, payload });

  it('plans a seminar, invites, refuses early attendance in the caller’s language, and reports', async () => {
    const created = await postSeminar(api.as.lead, { title: '三月会销', heldOn: '2026-03-20', capacity: 40 });
    expect(created.statusCode).toBe(201);
    const seminar = created.json();
    expect(
      (await postSeminar(api.as.assistant, { title: 'x', heldOn: '2026-03-20', capacity: 40 })).statusCode,
    ).toBe(403);
    expect(
      (await postSeminar(api.as.lead, { title: 'x', heldOn: '2026-03-20', capacity: 2001 })).json().error
        .code,
    ).toBe('VALIDATION.FAILED');

    const customer = await createCustomer(ws.deps, ws.team.assistant, {
      name: '富阳纸业',
      marketId: ws.team.marketId,
    });
    const invite = () =>
      api.app.inject({
        method: 'POST',
        url: `/api/seminars/${seminar.id}/invitations`,
        headers: api.as.assistant,
        payload: { customerIds: [customer.id] },
      });
    const first = await invite();
    expect(first.statusCode).toBe(201);
    expect(first.json().alreadyInvited).toEqual([]);
    const again = await invite();
    expect(again.json()).toEqual({ invited: [], alreadyInvited: [customer.id] });
    const [invitation] = (
      await api.app.inject({ url: `/api/seminars/${seminar.id}/invitations`, headers: api.as.lead })
    ).json() as { id: string; version: number }[];
    if (!invitation) throw new Error('no invitation');

    const early = await api.app.inject({
      method: 'PATCH',
      url: `/api/seminar-invitations/${invitation.id}`,
      headers: { ...api.as.assistant, 'accept-language': 'zh-CN' },
      payload: { version: 1, attended: true },
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toEqual({
      code: 'SEMINAR.NOT_YET_HELD',
      message: '会销在 2026-03-20 举办，还没到日期，不能登记到场',
      details: { heldOn: '2026-03-20' },
    });
    const rsvp = await api.app.inject({
      method: 'PATCH',
      url: `/api/seminar-invitations/${invitation.id}`,
      headers: api.as.assistant,
      payload: { version: 1, rsvp: 'yes' },
    });
    expect(rsvp.json()).toMatchObject({ rsvp: 'yes', attended: false, version: 2 });

    const quotas = await api.app.inject({
      url: `/api/seminars/${seminar.id}/quotas?invitations=10`,
      headers: api.as.assistant,
    });
    expect(quotas.statusCode).toBe(200);
    expect(quotas.json()).toMatchObject({
      invitations: 10,
      source: 'query',
      markets: [
        { name: '杭州主城+萧山', quota: 10, invited: 1, cities: [{ city: '杭州主城+萧山', quota: 10 }] },
      ],
    });

    const stats = await api.app.inject({
      url: '/api/stats/seminars?from=2026-03-01&to=2026-03-31',
      headers: api.as.lead,
    });
    expect(stats.json()).toMatchObject({
      seminars: [
        { seminarId: seminar.id, invited: 1, accepted: 1, attended: 0, signed: 0, signRatePercent: null },
      ],
      total: { invited: 1, attended: 0 },
    });

    const removed = await api.app.inject({
      method: 'DELETE',
      url: `/api/seminar-invitations/${invitation.id}`,
      headers: api.as.assistant,
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (await api.app.inject({ url: `/api/seminars/${seminar.id}/invitations`, headers: api.as.lead })).json(),
    ).toEqual([]);
  });

  it('opens queues by role and refuses an unqualified hand-off with its gaps', async () => {
    const queue = await api.app.inject({ url: '/api/queues/prospecting', headers: api.as.assistant });
    expect(queue.statusCode).toBe(200);
    expect(queue.json()).toMatchObject({
      memberId: ws.team.assistant.membershipId,
      items: [],
      weeklyQuota: null,
    });
    const theirs = await api.app.inject({
      url: `/api/queues/prospecting?memberId=${ws.team.otherAssistant.membershipId}`,
      headers: api.as.lead,
    });
    expect(theirs.statusCode).toBe(400);
    expect(theirs.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['memberId']);
    expect(
      (await api.app.inject({ url: '/api/queues/after-sales', headers: api.as.assistant })).statusCode,
    ).toBe(400);

    const customer = await createCustomer(ws.deps, ws.team.assistant, {
      name: '临安茶叶',
      status: 'contacted',
    });
    const refused = await api.app.inject({
      method: 'POST',
      url: `/api/customers/${customer.id}/handoff`,
      headers: { ...api.as.assistant, 'accept-language': 'en' },
      payload: { kind: 'to_lead' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'HANDOFF.NOT_QUALIFIED',
      message:
        'The customer is not qualified yet and cannot go to the lead: still to confirm who the key person (KP) is; that they are willing to sign; that they are able to pay',
    });
    const zh = await api.app.inject({
      method: 'POST',
      url: `/api/customers/${customer.id}/handoff`,
      headers: { ...api.as.assistant, 'accept-language': 'zh' },
      payload: { kind: 'to_lead' },
    });
    expect(zh.json().error.message).toBe(
      '客户还没有确认合格，不能移交给主管：还需要确认关键人（KP）；确认对方愿意签约；确认对方付得起钱',
    );
    expect(
      (await api.app.inject({ url: `/api/customers/${customer.id}/handoffs`, headers: api.as.lead })).json(),
    ).toEqual([]);
  });
});
