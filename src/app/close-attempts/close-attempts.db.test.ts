import { beforeEach, describe, expect, it } from 'vitest';
import { storedRow } from '../../../test/factories.js';
import { expectAppError, fieldPaths, rejectedFields } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { auditTrail, createAssistedCustomer } from '../../../test/harness/records.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { BUILT_IN_OBJECTION_KEYS, CHAIRMAN_GOAL } from '../../domain/method/objections.js';
import { createCustomer } from '../customers/create-customer.js';
import { createDeal } from '../deals/create-deal.js';
import { getDeal } from '../deals/get-deal.js';
import { updateFollowUp } from '../follow-ups/update-follow-up.js';
import { createObjectionType } from '../objections/create-objection-type.js';
import { listObjectionTypes } from '../objections/list-objection-types.js';
import { updateObjectionType } from '../objections/update-objection-type.js';
import { createProduct } from '../products/create-product.js';
import { createVisit } from '../visits/create-visit.js';
import { createCloseAttempt } from './create-close-attempt.js';
import { deleteCloseAttempt } from './delete-close-attempt.js';
import { getCloseAttempt, listCustomerCloseAttempts } from './get-close-attempt.js';

describe.each(engines)('close attempts and the objection catalog on $name', (engine) => {
  const ws = withWorkspace(engine, { foreign: true });
  let customerId: string;

  beforeEach(async () => {
    // Owned by the lead; the assistant works for the lead and logs the attempts.
    customerId = await createAssistedCustomer(ws);
  });

  const followUpsOf = (attemptId: string) =>
    ws.db
      .selectFrom('follow_ups')
      .selectAll()
      .where('close_attempt_id', '=', attemptId)
      .orderBy('due_on')
      .execute();

  it('"I\'ll think about it" needs the concern and creates a concern follow-up two days later for the owner', async () => {
    const base = { customerId, attemptedOn: '2026-03-03', result: 'stall', objectionKey: 'think_about_it' };
    expect(
      fieldPaths(
        await expectAppError(createCloseAttempt(ws.deps, ws.team.assistant, base), 'VALIDATION.FAILED'),
      ),
    ).toEqual(['concern']);
    expect(await ws.db.selectFrom('close_attempts').select('id').execute()).toEqual([]);
    const made = await createCloseAttempt(ws.deps, ws.team.assistant, {
      ...base,
      customerWords: '我再考虑考虑',
      replyId: 'think_about_it.concern',
      concern: '担心没有海外询盘',
      response: 'unresolved',
    });
    expect(made.attemptNumber).toBe(1);
    expect(made.attempt).toMatchObject({
      result: 'stall',
      objectionKey: 'think_about_it',
      replyId: 'think_about_it.concern',
      concern: '担心没有海外询盘',
      ownerId: ws.team.assistant.membershipId,
    });
    expect(made.created.followUps).toEqual([
      expect.objectContaining({
        kind: 'concern',
        dueOn: '2026-03-05',
        notes: '担心没有海外询盘',
        assigneeId: ws.team.lead.membershipId,
        closeAttemptId: made.attempt.id,
        done: false,
      }),
    ]);
    expect((await followUpsOf(made.attempt.id)).map((f) => [f.kind, f.due_on, f.assignee_id])).toEqual([
      ['concern', '2026-03-05', ws.team.lead.membershipId],
    ]);
    expect(made.created.nextVisitPlan).toBeNull();
  });

  it('"no money" needs the funds date; it sets the customer\'s expected funds date and a funds follow-up on it', async () => {
    const base = { customerId, attemptedOn: '2026-03-03', result: 'stall', objectionKey: 'no_money' };
    expect(
      fieldPaths(await expectAppError(createCloseAttempt(ws.deps, ws.team.lead, base), 'VALIDATION.FAILED')),
    ).toEqual(['fundsOn']);
    const made = await createCloseAttempt(ws.deps, ws.team.lead, {
      ...base,
      fundsOn: '2026-03-20',
      replyId: 'no_money.when',
    });
    expect(made.created.expectedFundsOn).toBe('2026-03-20');
    expect((await followUpsOf(made.attempt.id)).map((f) => [f.kind, f.due_on, f.done])).toEqual([
      ['funds', '2026-03-20', 0],
    ]);
    expect(await storedRow(ws.db, 'customers', customerId)).toMatchObject({
      expected_funds_on: '2026-03-20',
      version: 2,
    });
  });

  it('"ask the chairman" plans the next visit with the default goal, or the one given, and follows it up', async () => {
    const first = await createCloseAttempt(ws.deps, ws.team.lead, {
      customerId,
      attemptedOn: '2026-03-03',
      result: 'stall',
      objectionKey: 'ask_chairman',
      replyId: 'ask_chairman.four_questions',
    });
    expect(first.created.nextVisitPlan).toMatchObject({
      source: 'stall',
      sourceId: first.attempt.id,
      goal: CHAIRMAN_GOAL.zh,
      meetWhom: [],
      plannedOn: null,
      status: 'open',
    });
    expect((await followUpsOf(first.attempt.id)).map((f) => [f.kind, f.due_on, f.notes])).toEqual([
      ['next_visit', '2026-03-10', CHAIRMAN_GOAL.zh],
    ]);
    const second = await createCloseAttempt(ws.deps, ws.team.lead, {
      customerId,
      attemptedOn: '2026-03-11',
      result: 'stall',
      objectionKey: 'ask_chairman',
      nextVisit: {
        goal: '带案例见陈董',
        meetWhom: ['陈董', '刘经理'],
        bring: '同行案例',
        plannedOn: '2026-03-13',
      },
    });
    expect(second.attemptNumber).toBe(2);
    const plans = await ws.db
      .selectFrom('next_visit_plans')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    expect(plans.map((p) => [p.source, p.goal, p.meet_whom, p.bring, p.planned_on])).toEqual([
      ['stall', CHAIRMAN_GOAL.zh, '[]', null, null],
      ['stall', '带案例见陈董', '["陈董","刘经理"]', '同行案例', '2026-03-13'],
    ]);
    expect((await followUpsOf(second.attempt.id)).map((f) => [f.kind, f.due_on])).toEqual([
      ['next_visit', '2026-03-13'],
    ]);
  });

  it('refuses a key of the wrong kind, an unknown key, a foreign reply, and references to other customers', async () => {
    const on = { customerId, attemptedOn: '2026-03-03' };
    // The fields a VALIDATION.FAILED names for an attempt on the customer with `body`.
    const refused = async (body: object, who = ws.team.lead) =>
      fieldPaths(
        await expectAppError(createCloseAttempt(ws.deps, who, { ...on, ...body }), 'VALIDATION.FAILED'),
      );
    expect(await refused({ result: 'objection', objectionKey: 'no_money', fundsOn: '2026-03-09' })).toEqual([
      'objectionKey',
    ]);
    expect(await refused({ result: 'stall', objectionKey: 'price' })).toEqual(['objectionKey']);
    expect(await refused({ result: 'objection' })).toEqual(['objectionKey']);
    expect(await refused({ result: 'objection', objectionKey: 'weather' })).toEqual(['objectionKey']);
    expect(await refused({ result: 'objection', objectionKey: 'price', replyId: 'team.support' })).toEqual([
      'replyId',
    ]);
    expect(await refused({ result: 'signed', objectionKey: 'price' })).toEqual(['objectionKey']);
    const other = (await createCustomer(ws.deps, ws.team.lead, { name: '富阳纸业' })).id;
    const otherDeal = await createDeal(ws.deps, ws.team.lead, { customerId: other, amountMinor: 2_980_000 });
    const otherVisit = await createVisit(ws.deps, ws.team.lead, { customerId: other, visitOn: '2026-03-02' });
    expect(await refused({ result: 'signed', dealId: otherDeal.id })).toEqual(['dealId']);
    expect(await refused({ result: 'signed', visitId: otherVisit.id })).toEqual(['visitId']);
    for (const who of [ws.team.otherLead, ws.foreign.manager]) {
      expect(await refused({ result: 'signed' }, who)).toEqual(['customerId']);
    }
    await expectAppError(
      createCloseAttempt(ws.deps, ws.team.lead, { ...on, result: 'signed', extra: 1 }),
      'VALIDATION.FAILED',
    );
    expect(await ws.db.selectFrom('close_attempts').select('id').execute()).toEqual([]);
    expect(await ws.db.selectFrom('follow_ups').select('id').execute()).toEqual([]);
  });

  const rows = async () => ({
    attempts: (await ws.db.selectFrom('close_attempts').select('id').execute()).length,
    deals: (await ws.db.selectFrom('deals').select('id').execute()).length,
    dealProducts: (await ws.db.selectFrom('deal_products').select('deal_id').execute()).length,
    audit: (
      await ws.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity', 'in', ['deal', 'close_attempt'])
        .execute()
    ).length,
  });

  it('a signature with its deal records both in one step: the attempt points at the deal, each audited', async () => {
    const product = await createProduct(ws.deps, ws.team.manager, { name: '织机', priceMinor: 100 });
    const visit = await createVisit(ws.deps, ws.team.assistant, { customerId, visitOn: '2026-03-10' });
    const made = await createCloseAttempt(ws.deps, ws.team.assistant, {
      customerId,
      visitId: visit.id,
      attemptedOn: '2026-03-10',
      result: 'signed',
      deal: { amountMinor: 2_980_000, fundsReceivedMinor: 1_000_000, productIds: [product.id] },
    });
    const deal = made.created.deal;
    expect(deal).toMatchObject({
      customerId,
      ownerId: ws.team.assistant.membershipId,
      amountMinor: 2_980_000,
      currency: 'CNY',
      signedOn: '2026-03-10',
      fundsReceivedMinor: 1_000_000,
      productIds: [product.id],
      version: 1,
    });
    expect(made.attempt).toMatchObject({ result: 'signed', dealId: deal?.id, visitId: visit.id });
    expect(made.created).toMatchObject({ followUps: [], nextVisitPlan: null, expectedFundsOn: null });
    expect(await getDeal(ws.deps, ws.team.lead, deal?.id ?? '')).toEqual(deal);
    expect(await rows()).toEqual({ attempts: 1, deals: 1, dealProducts: 1, audit: 2 });
    expect((await ws.audit(deal?.id ?? '')).map((a) => [a.entity, a.action])).toEqual([['deal', 'create']]);
    expect((await ws.audit(made.attempt.id)).map((a) => [a.entity, a.action])).toEqual([
      ['close_attempt', 'create'],
    ]);
    // A signing date given with the deal wins over the attempt's day.
    const later = await createCloseAttempt(ws.deps, ws.team.lead, {
      customerId,
      attemptedOn: '2026-03-11',
      result: 'signed',
      deal: { amountMinor: 500_000, signedOn: '2026-03-12' },
    });
    expect(later.created.deal).toMatchObject({ signedOn: '2026-03-12', ownerId: ws.team.lead.membershipId });
  });

  it('a signature whose deal fails records neither the deal nor the attempt', async () => {
    const signed = { customerId, attemptedOn: '2026-03-10', result: 'signed' };
    const other = (await createCustomer(ws.deps, ws.team.lead, { name: '富阳纸业' })).id;
    const otherDeal = await createDeal(ws.deps, ws.team.lead, { customerId: other, amountMinor: 100 });
    const before = await rows();
    expect(before).toEqual({ attempts: 0, deals: 1, dealProducts: 0, audit: 1 });
    const cases: [unknown, string[]][] = [
      [{ ...signed, deal: { amountMinor: 100, productIds: [crypto.randomUUID()] } }, ['deal.productIds']],
      [{ ...signed, deal: { amountMinor: 100, fundsReceivedMinor: 101 } }, ['deal.fundsReceivedMinor']],
      [{ ...signed, deal: { amountMinor: 0 } }, ['deal.amountMinor']],
      [{ ...signed, deal: { amountMinor: 100, customerId: other } }, ['deal']],
      [{ ...signed, deal: { amountMinor: 100, ownerId: ws.team.otherLead.membershipId } }, ['deal.ownerId']],
      [{ ...signed, dealId: otherDeal.id, deal: { amountMinor: 100 } }, ['dealId']],
      [{ ...signed, deal: { amountMinor: 100 }, objectionKey: 'price' }, ['objectionKey']],
      [{ ...signed, deal: { amountMinor: 100 }, visitId: crypto.randomUUID() }, ['visitId']],
      [{ ...signed, result: 'stall', objectionKey: 'ask_chairman', deal: { amountMinor: 100 } }, ['deal']],
    ];
    for (const [input, fields] of cases) {
      expect(
        await rejectedFields(createCloseAttempt(ws.deps, ws.team.lead, input)),
        JSON.stringify(input),
      ).toEqual(fields);
    }
    const ownDeal = await createDeal(ws.deps, ws.team.lead, { customerId, amountMinor: 100 });
    expect(
      await rejectedFields(
        createCloseAttempt(ws.deps, ws.team.lead, {
          ...signed,
          dealId: ownDeal.id,
          deal: { amountMinor: 100 },
        }),
      ),
    ).toEqual(['deal']);
    expect(await rows()).toEqual({ ...before, deals: 2, audit: 2 });
  });

  it("a signature with a deal for another team's or workspace's customer is refused on the customer", async () => {
    for (const who of [ws.team.otherLead, ws.team.otherAssistant, ws.foreign.manager]) {
      expect(
        await rejectedFields(
          createCloseAttempt(ws.deps, who, {
            customerId,
            attemptedOn: '2026-03-10',
            result: 'signed',
            deal: { amountMinor: 100 },
          }),
        ),
      ).toEqual(['customerId']);
    }
    expect(await rows()).toEqual({ attempts: 0, deals: 0, dealProducts: 0, audit: 0 });
  });

  it('counts the attempts, reads them within the rights, and deletes one with its open follow-ups only', async () => {
    const visit = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-03' });
    const a = await createCloseAttempt(ws.deps, ws.team.lead, {
      customerId,
      visitId: visit.id,
      attemptedOn: '2026-03-03',
      result: 'objection',
      objectionKey: 'price',
      customerWords: '太贵了',
      replyId: 'price.fair',
      response: 'unresolved',
    });
    const b = await createCloseAttempt(ws.deps, ws.team.lead, {
      customerId,
      attemptedOn: '2026-03-04',
      result: 'stall',
      objectionKey: 'ask_chairman',
    });
    const deal = await createDeal(ws.deps, ws.team.lead, {
      customerId,
      amountMinor: 2_980_000,
      signedOn: '2026-03-10',
    });
    const c = await createCloseAttempt(ws.deps, ws.team.lead, {
      customerId,
      attemptedOn: '2026-03-10',
      result: 'signed',
      dealId: deal.id,
    });
    expect([a.attemptNumber, b.attemptNumber, c.attemptNumber]).toEqual([1, 2, 3]);
    const list = await listCustomerCloseAttempts(ws.deps, ws.team.assistant, customerId);
    expect(list.count).toBe(3);
    expect(list.items.map((i) => i.result)).toEqual(['objection', 'stall', 'signed']);
    expect(await getCloseAttempt(ws.deps, ws.team.manager, a.attempt.id)).toEqual(a.attempt);
    for (const who of [ws.team.otherLead, ws.team.otherAssistant, ws.foreign.manager]) {
      await expectAppError(getCloseAttempt(ws.deps, who, a.attempt.id), 'NOT_FOUND');
      await expectAppError(deleteCloseAttempt(ws.deps, who, a.attempt.id), 'NOT_FOUND');
      await expectAppError(listCustomerCloseAttempts(ws.deps, who, customerId), 'NOT_FOUND');
    }

    // b created a plan and a follow-up; a second attempt's done follow-up survives its deletion.
    const d = await createCloseAttempt(ws.deps, ws.team.lead, {
      customerId,
      attemptedOn: '2026-03-05',
      result: 'stall',
      objectionKey: 'think_about_it',
      concern: '预算',
    });
    const [done] = await followUpsOf(d.attempt.id);
    await updateFollowUp(ws.deps, ws.team.lead, done?.id ?? '', { version: 1, done: true });
    await deleteCloseAttempt(ws.deps, ws.team.lead, b.attempt.id);
    await deleteCloseAttempt(ws.deps, ws.team.lead, d.attempt.id);
    await expectAppError(getCloseAttempt(ws.deps, ws.team.lead, b.attempt.id), 'NOT_FOUND');
    expect(await ws.db.selectFrom('next_visit_plans').select('id').execute()).toEqual([]);
    const left = await ws.db.selectFrom('follow_ups').select(['id', 'kind', 'close_attempt_id']).execute();
    expect(left).toEqual([{ id: done?.id, kind: 'concern', close_attempt_id: null }]);
    expect((await listCustomerCloseAttempts(ws.deps, ws.team.lead, customerId)).count).toBe(2);
    expect(await auditTrail(ws, b.attempt.id)).toEqual([
      { entity: 'close_attempt', action: 'create' },
      { entity: 'close_attempt', action: 'delete' },
    ]);
  });

  it('lets a manager override a built-in entry and add custom keys, which the attempts then follow', async () => {
    const before = await listObjectionTypes(ws.deps, ws.team.lead);
    // The built-in catalog, in its order, before any override or custom key.
    expect(before.map((e) => e.key)).toEqual([...BUILT_IN_OBJECTION_KEYS]);
    expect(before.every((e) => e.builtIn && e.version === null && !e.archived)).toBe(true);

    await expectAppError(
      updateObjectionType(ws.deps, ws.team.lead, 'price', { labelZh: '价' }),
      'AUTH.FORBIDDEN',
    );
    const price = await updateObjectionType(ws.deps, ws.team.manager, 'price', {
      labelZh: '价格太高',
      replies: [
        { id: 'price.value', zh: '先算价值', en: 'Value first' },
        { zh: '分期付款', en: 'Pay in instalments' },
      ],
    });
    expect(price).toMatchObject({
      key: 'price',
      kind: 'objection',
      labelZh: '价格太高',
      labelEn: 'Price: no budget / too expensive',
      builtIn: true,
      version: 1,
    });
    expect(price.replies.map((r) => r.id)[0]).toBe('price.value');
    expect(price.replies[1]?.id).toMatch(/^price\.[0-9a-f]{12}$/);
    // The foreign workspace still has the built-in entry.
    expect(
      (await listObjectionTypes(ws.deps, ws.foreign.manager)).find((e) => e.key === 'price')?.labelZh,
    ).toBe('价格：没有预算 / 太贵了');

    const on = { customerId, attemptedOn: '2026-03-03', result: 'objection', objectionKey: 'price' };
    expect(
      await rejectedFields(createCloseAttempt(ws.deps, ws.team.lead, { ...on, replyId: 'price.fair' })),
    ).toEqual(['replyId']);
    await createCloseAttempt(ws.deps, ws.team.lead, { ...on, replyId: price.replies[1]?.id });

    expect(
      await rejectedFields(updateObjectionType(ws.deps, ws.team.manager, 'price', { archived: true })),
    ).toEqual(['version']);
    await expectAppError(
      updateObjectionType(ws.deps, ws.team.manager, 'price', { archived: true, version: 7 }),
      'CONFLICT.STALE',
    );
    expect(
      await updateObjectionType(ws.deps, ws.team.manager, 'price', { archived: true, version: 1 }),
    ).toMatchObject({ archived: true, version: 2 });
    expect(await rejectedFields(createCloseAttempt(ws.deps, ws.team.lead, on))).toEqual(['objectionKey']);

    await expectAppError(
      createObjectionType(ws.deps, ws.team.manager, {
        key: 'team',
        kind: 'objection',
        labelZh: '团队',
        labelEn: 'Team',
      }),
      'OBJECTION.KEY_TAKEN',
    );
    await expectAppError(
      createObjectionType(ws.deps, ws.team.lead, {
        key: 'competitor',
        kind: 'objection',
        labelZh: '竞品',
        labelEn: 'Competitor',
      }),
      'AUTH.FORBIDDEN',
    );
    const custom = await createObjectionType(ws.deps, ws.team.manager, {
      key: 'competitor',
      kind: 'objection',
      labelZh: '已经在用竞品',
      labelEn: 'Already using a competitor',
      replies: [{ id: 'competitor.compare', zh: '对比一下效果', en: 'Compare the results' }],
    });
    expect(custom).toMatchObject({ key: 'competitor', builtIn: false, version: 1 });
    await expectAppError(
      createObjectionType(ws.deps, ws.team.manager, {
        key: 'competitor',
        kind: 'stall',
        labelZh: 'x',
        labelEn: 'x',
      }),
      'OBJECTION.KEY_TAKEN',
    );
    expect(
      await rejectedFields(
        createCloseAttempt(ws.deps, ws.team.lead, { ...on, objectionKey: 'competitor', result: 'stall' }),
      ),
    ).toEqual(['objectionKey']);
    await createCloseAttempt(ws.deps, ws.team.lead, {
      ...on,
      objectionKey: 'competitor',
      replyId: 'competitor.compare',
    });
    await expectAppError(
      updateObjectionType(ws.deps, ws.foreign.manager, 'competitor', { archived: true }),
      'NOT_FOUND',
    );
    expect((await listObjectionTypes(ws.deps, ws.team.lead)).map((e) => e.key).at(-1)).toBe('competitor');
    const audit = await ws.db
      .selectFrom('audit_log')
      .select(['entity', 'entity_id', 'action'])
      .where('entity', '=', 'objection_type')
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.entity_id, a.action])).toEqual([
      ['price', 'create'],
      ['price', 'update'],
      ['competitor', 'create'],
    ]);
  });
});
