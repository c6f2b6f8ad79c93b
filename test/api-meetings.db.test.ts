/** Meeting discipline, qualification and the chairman flow over HTTP on both databases. */
import { describe, expect, it } from 'vitest';
import { withApi } from './harness/api.js';
import { engines } from './harness/databases.js';
import { withWorkspace } from './harness/workspace.js';

describe.each(engines)('meetings API on $name', (engine) => {
  const ws = withWorkspace(engine);
  const api = withApi(ws, ['manager', 'lead']);

  const post = (url: string, headers: Record<string, string>, payload: unknown) =>
    api.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
  const patch = (url: string, headers: Record<string, string>, payload: unknown) =>
    api.app.inject({ method: 'PATCH', url, headers, payload: payload as Record<string, unknown> });

  it('sets the policy (managers only) and answers visits with their meeting number and warnings', async () => {
    const settings = await api.app.inject({ url: '/api/workspace/settings', headers: api.as.lead });
    expect(settings.statusCode).toBe(200);
    expect(settings.json()).toMatchObject({
      thirdMeetingPolicy: 'warn',
      timeZone: 'Asia/Shanghai',
      version: 1,
    });
    expect(
      (await patch('/api/workspace/settings', api.as.lead, { version: 1, thirdMeetingPolicy: 'block' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await patch('/api/workspace/settings', api.as.manager, { version: 1, thirdMeetingPolicy: 'never' }))
        .statusCode,
    ).toBe(400);

    const customerId = (await post('/api/customers', api.as.lead, { name: '萧山纺织' })).json().id;
    for (const visitOn of ['2026-03-03', '2026-03-10']) {
      const res = await post('/api/visits', api.as.lead, { customerId, visitOn });
      expect(res.statusCode).toBe(201);
      expect(res.json().warnings).toEqual([]);
    }
    const third = await post('/api/visits?lang=en', api.as.lead, {
      customerId,
      visitOn: '2026-03-17',
      status: 'planned',
    });
    expect(third.statusCode).toBe(201);
    expect(third.json()).toMatchObject({ meetingNumber: 3, status: 'planned', thirdMeetingReason: null });
    expect(third.json().warnings.map((w: { code: string }) => w.code)).toEqual(['VISIT.THIRD_MEETING']);

    const changed = await patch('/api/workspace/settings', api.as.manager, {
      version: 1,
      thirdMeetingPolicy: 'require_reason',
    });
    expect(changed.json()).toMatchObject({ thirdMeetingPolicy: 'require_reason', version: 2 });
    const refused = await post('/api/visits?lang=zh', api.as.lead, { customerId, visitOn: '2026-03-24' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'VISIT.THIRD_MEETING_REASON_REQUIRED',
      details: { meetingNumber: 4 },
    });
    expect(refused.json().error.message).toContain('第 4 次见面');

    await patch('/api/workspace/settings', api.as.manager, { version: 2, thirdMeetingPolicy: 'block' });
    const blocked = await post('/api/visits', api.as.lead, {
      customerId,
      visitOn: '2026-03-24',
      thirdMeetingReason: '签合同',
    });
    expect([blocked.statusCode, blocked.json().error.code]).toEqual([409, 'VISIT.THIRD_MEETING_BLOCKED']);

    // Deleting the first meeting makes the planned one the second; the list shows it.
    const list = (
      await api.app.inject({ url: `/api/visits?customerId=${customerId}&order=asc`, headers: api.as.lead })
    ).json();
    expect(
      (
        await api.app.inject({
          method: 'DELETE',
          url: `/api/visits/${list.items[0].id}`,
          headers: api.as.lead,
        })
      ).statusCode,
    ).toBe(204);
    const after = (
      await api.app.inject({ url: `/api/visits/${third.json().id}`, headers: api.as.lead })
    ).json();
    expect(after).toMatchObject({ meetingNumber: 2 });
    expect(after.warnings).toBeUndefined();
  });

  it('refuses an unqualified move to proposal with 409, records the override, and shows the stage history', async () => {
    const c = (await post('/api/customers', api.as.lead, { name: '富阳纸业', status: 'qualified' })).json();
    expect(c.qualification).toMatchObject({
      qualified: false,
      gaps: ['key_person', 'willing_to_sign', 'able_to_pay'],
    });
    const refused = await patch(`/api/customers/${c.id}?lang=en`, api.as.lead, {
      version: 1,
      status: 'proposal',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('CUSTOMER.NOT_QUALIFIED');
    expect(refused.json().error.message).toContain('Missing: the key person (KP) is not identified;');
    const moved = await patch(`/api/customers/${c.id}`, api.as.lead, {
      version: 1,
      status: 'proposal',
      statusOverrideReason: '客户催方案',
    });
    expect(moved.statusCode).toBe(200);
    const history = await api.app.inject({
      url: `/api/customers/${c.id}/stage-history`,
      headers: api.as.lead,
    });
    expect(
      history.json().map((h: Record<string, unknown>) => [h.fromStatus, h.toStatus, h.overrideReason]),
    ).toEqual([
      [null, 'qualified', null],
      ['qualified', 'proposal', '客户催方案'],
    ]);
  });

  it('records a chairman consultation with its plan and follow-up, and reports meeting statistics', async () => {
    const customerId = (await post('/api/customers', api.as.lead, { name: '临安茶叶' })).json().id;
    const contactId = (await post('/api/contacts', api.as.lead, { customerId, name: '刘经理' })).json().id;
    const res = await post(`/api/customers/${customerId}/chairman-consultations`, api.as.lead, {
      contactId,
      productView: '认可',
      wouldChooseFirst: 'yes',
      chairmanFollowsAdvice: 'no',
      biggestObstacle: '预算',
      nextVisit: { meetWhom: ['董事长', '刘经理'], plannedOn: '2026-03-12' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      verdict: 'champion',
      nextVisitPlan: {
        source: 'chairman',
        meetWhom: ['董事长', '刘经理'],
        plannedOn: '2026-03-12',
        status: 'open',
      },
      followUp: { kind: 'next_visit', dueOn: '2026-03-12', assigneeId: ws.team.lead.membershipId },
    });
    const listed = await api.app.inject({
      url: `/api/customers/${customerId}/chairman-consultations`,
      headers: api.as.lead,
    });
    expect(listed.json().map((c: { verdict: string }) => c.verdict)).toEqual(['champion']);
    const plans = (
      await api.app.inject({ url: `/api/customers/${customerId}/next-visit-plans`, headers: api.as.lead })
    ).json();
    expect(plans).toHaveLength(1);
    const manual = await post(`/api/customers/${customerId}/next-visit-plans`, api.as.lead, {
      goal: '带案例',
    });
    expect(manual.statusCode).toBe(201);
    const dropped = await patch(`/api/next-visit-plans/${plans[0].id}`, api.as.lead, {
      version: 1,
      status: 'dropped',
    });
    expect(dropped.json()).toMatchObject({ status: 'dropped', version: 2 });

    await post('/api/visits', api.as.lead, { customerId, visitOn: '2026-02-03' });
    await post('/api/deals', api.as.lead, { customerId, amountMinor: 2_980_000, signedOn: '2026-02-03' });
    const stats = await api.app.inject({
      url: '/api/stats/meetings?from=2026-01-01&to=2026-03-01&groupBy=class',
      headers: api.as.manager,
    });
    expect(stats.statusCode).toBe(200);
    expect(stats.json().total).toMatchObject({
      won: 1,
      first: 1,
      shares: { firstBp: 10_000, secondBp: 0, thirdPlusBp: 0 },
    });
    expect(stats.json().rows).toMatchObject([{ key: 'new', label: 'new', won: 1 }]);
    expect(
      (await api.app.inject({ url: '/api/stats/meetings?groupBy=team', headers: api.as.manager })).statusCode,
    ).toBe(400);
  });
});
