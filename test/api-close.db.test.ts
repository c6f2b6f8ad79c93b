/** Discovery, the objection catalog, close attempts and objection analytics over HTTP on both databases. */
import { describe, expect, it } from 'vitest';
import { withApi } from './harness/api.js';
import { engines } from './harness/databases.js';
import { withWorkspace } from './harness/workspace.js';

describe.each(engines)('close API on $name', (engine) => {
  const ws = withWorkspace(engine);
  const api = withApi(ws, ['manager', 'lead', 'otherLead']);

  const call = async (method: string, url: string, headers: Record<string, string>, payload?: unknown) => {
    const res = await api.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload ? { payload } : {}),
    });
    return { status: res.statusCode, body: res.body ? res.json() : null };
  };

  it('edits the discovery chain, answers it on a visit, and builds the pitch list', async () => {
    expect((await call('GET', '/api/discovery-chain', api.as.lead)).body).toMatchObject({
      version: 0,
      createdAt: null,
    });
    const chain = { questions: [{ id: 'now', zh: '现在怎么做？', en: 'How now?' }] };
    expect((await call('PUT', '/api/discovery-chain', api.as.lead, chain)).status).toBe(403);
    const saved = await call('PUT', '/api/discovery-chain', api.as.manager, chain);
    expect(saved).toMatchObject({ status: 201, body: { version: 1, questions: chain.questions } });
    const versions = await call('GET', '/api/discovery-chain/versions', api.as.lead);
    expect(versions.body.map((v: { version: number }) => v.version)).toEqual([1, 0]);

    await call('POST', '/api/products', api.as.manager, {
      name: '金品诚企',
      priceMinor: 8_000_000,
      features: [{ name: '实力商家认证', pains: ['brand'] }],
    });
    const customer = (await call('POST', '/api/customers', api.as.lead, { name: '萧山纺织' })).body;
    const visit = (
      await call('POST', '/api/visits', api.as.lead, { customerId: customer.id, visitOn: '2026-03-03' })
    ).body;
    const url = `/api/visits/${visit.id}/discovery`;
    const body = {
      version: 1,
      discoveryVersion: 1,
      answers: [{ questionId: 'now', answer: '靠展会' }],
      pains: [{ category: 'brand', need: '让买家信任' }],
    };
    const bad = await call('PUT', url, api.as.lead, { ...body, discoveryVersion: 9 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields.map((f: { path: string }) => f.path)).toEqual(['discoveryVersion']);
    expect(
      (await call('PUT', url, api.as.lead, { ...body, answers: [{ questionId: 'situation', answer: 'x' }] }))
        .status,
    ).toBe(400);
    expect((await call('PUT', url, api.as.otherLead, body)).status).toBe(404);
    expect(await call('PUT', url, api.as.lead, body)).toEqual({
      status: 200,
      body: { visitId: visit.id, customerId: customer.id, ...body, version: 2 },
    });
    expect((await call('PUT', url, api.as.lead, body)).status).toBe(409);
    // The customer's timeline reads every visit's discovery at once; a visit without one is left out.
    await call('POST', '/api/visits', api.as.lead, { customerId: customer.id, visitOn: '2026-03-10' });
    const discoveries = await call('GET', `/api/customers/${customer.id}/discoveries`, api.as.lead);
    expect(discoveries).toEqual({
      status: 200,
      body: [{ visitId: visit.id, customerId: customer.id, ...body, version: 2 }],
    });
    expect((await call('GET', `/api/customers/${customer.id}/discoveries`, api.as.otherLead)).status).toBe(
      404,
    );
    const pitch = await call('GET', `/api/customers/${customer.id}/pitch-list`, api.as.lead);
    expect(pitch.body).toMatchObject({
      customerId: customer.id,
      pains: body.pains,
      items: [
        { name: '金品诚企', painsAnswered: 1, features: [{ name: '实力商家认证', answers: body.pains }] },
      ],
    });
    expect((await call('GET', `/api/customers/${customer.id}/pitch-list`, api.as.otherLead)).status).toBe(
      404,
    );
  });

  it('serves and edits the objection catalog', async () => {
    const list = await call('GET', '/api/objection-types', api.as.lead);
    expect(list.body).toHaveLength(7);
    expect((await call('PUT', '/api/objection-types/price', api.as.lead, { archived: true })).status).toBe(
      403,
    );
    const edited = await call('PUT', '/api/objection-types/price', api.as.manager, {
      labelEn: 'Too expensive',
    });
    expect(edited).toMatchObject({
      status: 200,
      body: { key: 'price', labelEn: 'Too expensive', version: 1, builtIn: true },
    });
    expect(
      (await call('PUT', '/api/objection-types/price', api.as.manager, { labelEn: 'x', version: 5 })).status,
    ).toBe(409);
    expect((await call('PUT', '/api/objection-types/nothing', api.as.manager, { labelEn: 'x' })).status).toBe(
      404,
    );
    const added = await call('POST', '/api/objection-types', api.as.manager, {
      key: 'competitor',
      kind: 'objection',
      labelZh: '在用竞品',
      labelEn: 'Using a competitor',
    });
    expect(added).toMatchObject({ status: 201, body: { key: 'competitor', builtIn: false, replies: [] } });
    const taken = await call('POST', '/api/objection-types?lang=zh', api.as.manager, {
      key: 'price',
      kind: 'objection',
      labelZh: '价格',
      labelEn: 'Price',
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: 'OBJECTION.KEY_TAKEN', details: { key: 'price' } });
    expect(taken.body.error.message).toContain('拒签问题目录');
  });

  it('logs close attempts with their effects, lists, reads and deletes them, and reports the analytics', async () => {
    const customer = (await call('POST', '/api/customers', api.as.lead, { name: '萧山纺织', class: 'A' }))
      .body;
    const missing = await call('POST', '/api/close-attempts', api.as.lead, {
      customerId: customer.id,
      attemptedOn: '2026-03-03',
      result: 'stall',
      objectionKey: 'no_money',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details.fields).toEqual([
      {
        path: 'fundsOn',
        message: 'ask "when will the funds arrive?" and record the date to come back',
        messageZh: '请问“资金什么时候到账？”并记下日期，到时再来',
      },
    ]);
    const stall = await call('POST', '/api/close-attempts', api.as.lead, {
      customerId: customer.id,
      attemptedOn: '2026-03-03',
      result: 'stall',
      objectionKey: 'no_money',
      replyId: 'no_money.when',
      fundsOn: '2026-03-20',
    });
    expect(stall.status).toBe(201);
    expect(stall.body).toMatchObject({
      attemptNumber: 1,
      created: {
        followUps: [
          {
            kind: 'funds',
            dueOn: '2026-03-20',
            assigneeId: ws.team.lead.membershipId,
            closeAttemptId: stall.body.attempt.id,
          },
        ],
        nextVisitPlan: null,
        expectedFundsOn: '2026-03-20',
      },
    });
    // A signature brings its deal in the same request: a bad deal records neither.
    const overpaid = await call('POST', '/api/close-attempts', api.as.lead, {
      customerId: customer.id,
      attemptedOn: '2026-03-20',
      result: 'signed',
      deal: { amountMinor: 100, fundsReceivedMinor: 200 },
    });
    expect(overpaid.status).toBe(400);
    expect(overpaid.body.error.details.fields).toEqual([
      { path: 'body.deal.fundsReceivedMinor', message: 'The funds received cannot exceed the amount' },
    ]);
    const signed = await call('POST', '/api/close-attempts', api.as.lead, {
      customerId: customer.id,
      attemptedOn: '2026-03-20',
      result: 'signed',
      deal: { amountMinor: 2_980_000 },
    });
    expect(signed.status).toBe(201);
    expect(signed.body.attemptNumber).toBe(2);
    expect(signed.body.created.deal).toMatchObject({
      customerId: customer.id,
      amountMinor: 2_980_000,
      signedOn: '2026-03-20',
    });
    expect(signed.body.attempt.dealId).toBe(signed.body.created.deal.id);
    expect((await call('GET', `/api/deals/${signed.body.attempt.dealId}`, api.as.lead)).body).toEqual(
      signed.body.created.deal,
    );
    const listed = await call('GET', `/api/customers/${customer.id}/close-attempts`, api.as.lead);
    expect(listed.body.count).toBe(2);
    expect(listed.body.items.map((a: { result: string }) => a.result)).toEqual(['stall', 'signed']);
    expect((await call('GET', `/api/close-attempts/${stall.body.attempt.id}`, api.as.lead)).body).toEqual(
      stall.body.attempt,
    );
    expect((await call('GET', `/api/close-attempts/${stall.body.attempt.id}`, api.as.otherLead)).status).toBe(
      404,
    );
    expect((await call('GET', `/api/customers/${customer.id}/close-attempts`, api.as.otherLead)).status).toBe(
      404,
    );

    const stats = await call(
      'GET',
      '/api/stats/objections?from=2026-03-01&to=2026-03-31&groupBy=class',
      api.as.manager,
    );
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({
      total: 1,
      groups: [{ group: 'A', label: 'A', total: 1, items: [{ key: 'no_money', count: 1, shareBp: 10_000 }] }],
      replies: [
        { objectionKey: 'no_money', replyId: 'no_money.when', uses: 1, signedAfter: 1, rateBp: 10_000 },
      ],
    });
    expect((await call('GET', '/api/stats/objections?groupBy=city', api.as.manager)).status).toBe(400);

    expect(
      (await call('DELETE', `/api/close-attempts/${stall.body.attempt.id}`, api.as.otherLead)).status,
    ).toBe(404);
    expect(await call('DELETE', `/api/close-attempts/${stall.body.attempt.id}`, api.as.lead)).toEqual({
      status: 204,
      body: null,
    });
    expect((await call('GET', `/api/close-attempts/${stall.body.attempt.id}`, api.as.lead)).status).toBe(404);
    expect((await call('GET', '/api/follow-ups', api.as.lead)).body.items).toEqual([]);
  });
});
