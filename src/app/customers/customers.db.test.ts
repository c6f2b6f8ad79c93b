import { describe, expect, it } from 'vitest';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { allPages } from '../../../test/harness/records.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createFollowUp } from '../follow-ups/create-follow-up.js';
import { createVisit } from '../visits/create-visit.js';
import { createCustomer } from './create-customer.js';
import { deleteCustomer } from './delete-customer.js';
import { getCustomer } from './get-customer.js';
import { listCustomers } from './list-customers.js';
import { updateCustomer } from './update-customer.js';

describe.each(engines)('customers on $name', (engine) => {
  const ws = withWorkspace(engine, { foreign: true });

  it('creates a customer with defaults, an owner and an audit entry', async () => {
    const c = await createCustomer(ws.deps, ws.team.lead, {
      name: '杭州织造',
      company: '杭州织造有限公司',
      marketId: ws.team.marketId,
      tags: ['纺织'],
    });
    expect(c).toMatchObject({
      name: '杭州织造',
      class: 'new',
      status: 'lead',
      ownerId: ws.team.lead.membershipId,
      assistantId: null,
      version: 1,
    });
    expect(c.tags).toEqual(['纺织']);
    const audit = await ws.db.selectFrom('audit_log').selectAll().where('entity_id', '=', c.id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', actor_id: ws.team.lead.userId, entity: 'customer' });
    expect(JSON.parse(audit[0]?.after ?? '{}').name).toBe('杭州织造');
  });

  it("puts an assistant's prospect into their lead's book", async () => {
    const c = await createCustomer(ws.deps, ws.team.assistant, { name: '富阳纸业' });
    expect(c.ownerId).toBe(ws.team.lead.membershipId);
    expect(c.assistantId).toBe(ws.team.assistant.membershipId);
  });

  it('rejects unknown fields, wrong types and references outside the workspace or the rights', async () => {
    await expectAppError(
      createCustomer(ws.deps, ws.team.lead, { name: 'x', workspaceId: ws.foreign.workspaceId }),
      'VALIDATION.FAILED',
    );
    await expectAppError(
      createCustomer(ws.deps, ws.team.lead, { name: '', class: 'Z' }),
      'VALIDATION.FAILED',
    );
    await expectAppError(
      createCustomer(ws.deps, ws.team.lead, { name: 'x', marketId: ws.foreign.marketId }),
      'VALIDATION.FAILED',
    );
    await expectAppError(
      createCustomer(ws.deps, ws.team.lead, { name: 'x', ownerId: ws.team.otherLead.membershipId }),
      'VALIDATION.FAILED',
    );
    try {
      await createCustomer(ws.deps, ws.team.lead, { name: 'x', marketId: ws.foreign.marketId });
    } catch (error) {
      expect((error as { details: { fields: unknown } }).details.fields).toEqual([
        { path: 'marketId', message: 'unknown market', messageZh: '没有这个市场' },
      ]);
    }
    expect(await ws.db.selectFrom('customers').select('id').execute()).toHaveLength(0);
  });

  it('shows each role exactly the customers it may see, and answers NOT_FOUND for the rest', async () => {
    const mine = await createCustomer(ws.deps, ws.team.lead, { name: 'lead own' });
    const viaAssistant = await createCustomer(ws.deps, ws.team.assistant, { name: 'assistant prospect' });
    const others = await createCustomer(ws.deps, ws.team.otherLead, { name: 'other lead' });
    const foreignOne = await createCustomer(ws.deps, ws.foreign.manager, { name: 'foreign' });
    const names = async (p: typeof ws.team.lead) =>
      (await listCustomers(ws.deps, p, {})).items.map((c) => c.name).sort();

    expect(await names(ws.team.manager)).toEqual(['assistant prospect', 'lead own', 'other lead']);
    expect(await names(ws.team.lead)).toEqual(['assistant prospect', 'lead own']);
    expect(await names(ws.team.assistant)).toEqual(['assistant prospect']);
    expect(await names(ws.team.otherAssistant)).toEqual([]);
    expect(await names(ws.foreign.manager)).toEqual(['foreign']);

    expect((await getCustomer(ws.deps, ws.team.lead, viaAssistant.id)).id).toBe(viaAssistant.id);
    for (const [who, id] of [
      [ws.team.lead, others.id],
      [ws.team.assistant, mine.id],
      [ws.team.manager, foreignOne.id],
      [ws.foreign.manager, mine.id],
    ] as const) {
      await expectAppError(getCustomer(ws.deps, who, id), 'NOT_FOUND');
      await expectAppError(updateCustomer(ws.deps, who, id, { version: 1, name: 'hijack' }), 'NOT_FOUND');
      await expectAppError(deleteCustomer(ws.deps, who, id), 'NOT_FOUND');
    }
    expect((await getCustomer(ws.deps, ws.team.manager, others.id)).name).toBe('other lead');
  });

  it('updates with the current version and answers 409 CONFLICT.STALE to a stale one, overwriting nothing', async () => {
    const c = await createCustomer(ws.deps, ws.team.lead, { name: '临安茶叶' });
    const updated = await updateCustomer(ws.deps, ws.team.lead, c.id, {
      version: 1,
      class: 'A',
      status: 'contacted',
    });
    expect(updated).toMatchObject({ class: 'A', status: 'contacted', version: 2, name: '临安茶叶' });

    await expectAppError(
      updateCustomer(ws.deps, ws.team.manager, c.id, { version: 1, name: 'stale write' }),
      'CONFLICT.STALE',
    );
    expect((await getCustomer(ws.deps, ws.team.lead, c.id)).name).toBe('临安茶叶');

    const both = await Promise.allSettled([
      updateCustomer(ws.deps, ws.team.lead, c.id, { version: 2, notes: 'first' }),
      updateCustomer(ws.deps, ws.team.manager, c.id, { version: 2, notes: 'second' }),
    ]);
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = both.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason.code).toBe('CONFLICT.STALE');
    expect((await getCustomer(ws.deps, ws.team.lead, c.id)).version).toBe(3);
    expect((await ws.audit(c.id)).map((a) => a.action)).toEqual(['create', 'update', 'update']);
  });

  it('lets an assistant not delete, and a lead delete, with an audit entry', async () => {
    const c = await createCustomer(ws.deps, ws.team.assistant, { name: '桐庐五金' });
    await expectAppError(deleteCustomer(ws.deps, ws.team.assistant, c.id), 'AUTH.FORBIDDEN');
    await deleteCustomer(ws.deps, ws.team.lead, c.id);
    await expectAppError(getCustomer(ws.deps, ws.team.manager, c.id), 'NOT_FOUND');
    const audit = await ws.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', c.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'delete']);
  });

  it('pages with a cursor through every customer exactly once, in any allowed sort', async () => {
    const classes = ['A', 'B', 'C', 'new'] as const;
    for (let i = 0; i < 23; i++) {
      await createCustomer(ws.deps, ws.team.lead, {
        name: `客户${String(i).padStart(2, '0')}`,
        class: classes[i % 4],
      });
    }
    for (const sort of ['name', 'createdAt', 'class'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        const paged = await allPages(
          (page) => listCustomers(ws.deps, ws.team.lead, { sort, order, ...page }),
          5,
        );
        const seen = paged.map((c) => c.name);
        expect(new Set(seen).size).toBe(23);
        expect(seen).toHaveLength(23);
      }
    }
    const byName = await listCustomers(ws.deps, ws.team.lead, { sort: 'name', order: 'desc', limit: 3 });
    expect(byName.items.map((c) => c.name)).toEqual(['客户22', '客户21', '客户20']);
  });

  it('filters and searches, treating % and _ as plain characters', async () => {
    await createCustomer(ws.deps, ws.team.lead, { name: '杭州织造', city: '萧山', class: 'A' });
    await createCustomer(ws.deps, ws.team.lead, { name: 'Acme 100%', class: 'B' });
    await createCustomer(ws.deps, ws.team.lead, { name: 'Acme 1000', class: 'B' });
    const names = async (query: object) =>
      (await listCustomers(ws.deps, ws.team.lead, query)).items.map((c) => c.name).sort();
    expect(await names({ q: '萧山' })).toEqual(['杭州织造']);
    expect(await names({ q: 'acme' })).toEqual(['Acme 100%', 'Acme 1000']);
    expect(await names({ q: '100%' })).toEqual(['Acme 100%']);
    expect(await names({ class: 'A' })).toEqual(['杭州织造']);
    await expectAppError(listCustomers(ws.deps, ws.team.lead, { sort: 'password' }), 'VALIDATION.FAILED');
    await expectAppError(listCustomers(ws.deps, ws.team.lead, { cursor: 'garbage' }), 'VALIDATION.FAILED');
  });

  it('gives each row its meetings and overdue follow-ups, and filters on them', async () => {
    // The test clock is 2026-03-02 10:00 in Asia/Shanghai.
    const twice = await createCustomer(ws.deps, ws.team.lead, { name: '甲 两次' });
    const late = await createCustomer(ws.deps, ws.team.lead, { name: '乙 逾期' });
    await createCustomer(ws.deps, ws.team.lead, { name: '丙 无事' });
    await createVisit(ws.deps, ws.team.lead, { customerId: twice.id, visitOn: '2026-02-10' });
    await createVisit(ws.deps, ws.team.lead, { customerId: twice.id, visitOn: '2026-02-20' });
    await createVisit(ws.deps, ws.team.lead, {
      customerId: twice.id,
      visitOn: '2026-02-25',
      status: 'cancelled',
    });
    await createVisit(ws.deps, ws.team.lead, {
      customerId: late.id,
      visitOn: '2026-03-05',
      status: 'planned',
    });
    const followUp = (customerId: string, dueOn: string, done = false) =>
      createFollowUp(ws.deps, ws.team.lead, { customerId, dueOn, kind: 'call', done });
    await followUp(late.id, '2026-02-27');
    await followUp(late.id, '2026-03-01');
    await followUp(late.id, '2026-03-02'); // due today: not overdue yet
    await followUp(late.id, '2026-02-01', true); // done: never overdue
    await followUp(twice.id, '2026-03-09');

    const rows = (await listCustomers(ws.deps, ws.team.lead, { sort: 'name', order: 'asc' })).items;
    const counts = Object.fromEntries(rows.map((r) => [r.name, [r.meetings, r.overdueFollowUps]]));
    expect(counts).toEqual({ '甲 两次': [2, 0], '乙 逾期': [1, 2], '丙 无事': [0, 0] });

    const names = async (query: object) =>
      (await listCustomers(ws.deps, ws.team.lead, query)).items.map((c) => c.name).sort();
    expect(await names({ overdue: 'true' })).toEqual(['乙 逾期']);
    expect(await names({ overdue: 'false' })).toEqual(['丙 无事', '甲 两次']);
    expect(await names({ overdue: true, q: '甲' })).toEqual([]);
    // Met twice or more: the next meeting must close. Cancelled visits do not count.
    expect(await names({ minMeetings: '2' })).toEqual(['甲 两次']);
    expect(await names({ minMeetings: 1 })).toEqual(['乙 逾期', '甲 两次']);
    expect(await names({ minMeetings: 3 })).toEqual([]);
    expect(await names({ minMeetings: 1, overdue: 'true' })).toEqual(['乙 逾期']);
    await expectAppError(listCustomers(ws.deps, ws.team.lead, { minMeetings: 0 }), 'VALIDATION.FAILED');
    // Another workspace's follow-ups and visits never count.
    const theirs = await createCustomer(ws.deps, ws.foreign.lead, { name: '外地' });
    await createFollowUp(ws.deps, ws.foreign.lead, {
      customerId: theirs.id,
      dueOn: '2026-02-01',
      kind: 'call',
    });
    expect(await names({ overdue: 'true' })).toEqual(['乙 逾期']);
    await createVisit(ws.deps, ws.foreign.lead, { customerId: theirs.id, visitOn: '2026-02-10' });
    await createVisit(ws.deps, ws.foreign.lead, { customerId: theirs.id, visitOn: '2026-02-20' });
    expect(await names({ minMeetings: 2 })).toEqual(['甲 两次']);
  });
});
