import { beforeEach, describe, expect, it } from 'vitest';
import { storedRow } from '../../../test/factories.js';
import { expectAppError, rejectedFields } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { allPages, expectOutOfReach, expectStaleUpdate } from '../../../test/harness/records.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createCustomer } from '../customers/create-customer.js';
import { createFollowUp } from './create-follow-up.js';
import { deleteFollowUp } from './delete-follow-up.js';
import { getFollowUp } from './get-follow-up.js';
import { listFollowUps } from './list-follow-ups.js';
import { updateFollowUp } from './update-follow-up.js';

const useCases = { get: getFollowUp, update: updateFollowUp, remove: deleteFollowUp, list: listFollowUps };

describe.each(engines)('follow-ups on $name', (engine) => {
  // 2026-03-02 10:00 in Shanghai: "today" for the overdue filter is 2026-03-02.
  const ws = withWorkspace(engine, { foreign: true, clock: '2026-03-02T02:00:00.000Z' });
  let customerId: string;

  beforeEach(async () => {
    customerId = (await createCustomer(ws.deps, ws.team.lead, { name: '杭州织造' })).id;
  });

  it('creates, reads, completes, reopens and deletes a follow-up, each with an audit entry', async () => {
    const f = await createFollowUp(ws.deps, ws.team.lead, {
      customerId,
      dueOn: '2026-03-05',
      kind: 'call',
      notes: '问预算',
    });
    expect(f).toMatchObject({
      customerId,
      assigneeId: ws.team.lead.membershipId,
      dueOn: '2026-03-05',
      kind: 'call',
      done: false,
      doneAt: null,
      version: 1,
    });
    expect(await getFollowUp(ws.deps, ws.team.manager, f.id)).toEqual(f);
    const done = await updateFollowUp(ws.deps, ws.team.lead, f.id, { version: 1, done: true });
    expect(done).toMatchObject({ done: true, doneAt: '2026-03-02T02:00:00.000Z', version: 2 });
    expect((await storedRow(ws.db, 'follow_ups', f.id)).done).toBe(1);
    const reopened = await updateFollowUp(ws.deps, ws.team.lead, f.id, {
      version: 2,
      done: false,
      assigneeId: ws.team.assistant.membershipId,
    });
    expect(reopened).toMatchObject({
      done: false,
      doneAt: null,
      assigneeId: ws.team.assistant.membershipId,
      version: 3,
    });
    await deleteFollowUp(ws.deps, ws.team.lead, f.id);
    await expectAppError(getFollowUp(ws.deps, ws.team.lead, f.id), 'NOT_FOUND');
    expect((await ws.audit(f.id)).map((a) => [a.entity, a.action])).toEqual([
      ['follow_up', 'create'],
      ['follow_up', 'update'],
      ['follow_up', 'update'],
      ['follow_up', 'delete'],
    ]);
  });

  it('answers NOT_FOUND outside the rights and VALIDATION.FAILED for a customer or assignee the caller cannot use', async () => {
    const f = await createFollowUp(ws.deps, ws.team.lead, { customerId, dueOn: '2026-03-05', kind: 'call' });
    await expectOutOfReach(ws, f.id, useCases, { version: 1, done: true });
    for (const who of [ws.team.otherLead, ws.foreign.manager]) {
      expect(
        await rejectedFields(createFollowUp(ws.deps, who, { customerId, dueOn: '2026-03-05', kind: 'call' })),
      ).toEqual(['customerId']);
    }
    expect(
      await rejectedFields(
        createFollowUp(ws.deps, ws.team.lead, {
          customerId,
          dueOn: '2026-03-05',
          kind: 'call',
          assigneeId: ws.team.otherAssistant.membershipId,
        }),
      ),
    ).toEqual(['assigneeId']);
    const theirs = (await createCustomer(ws.deps, ws.team.otherLead, { name: 'other' })).id;
    expect(
      await rejectedFields(updateFollowUp(ws.deps, ws.team.lead, f.id, { version: 1, customerId: theirs })),
    ).toEqual(['customerId']);
    expect(await ws.db.selectFrom('follow_ups').select('id').execute()).toHaveLength(1);
    expect((await getFollowUp(ws.deps, ws.team.lead, f.id)).version).toBe(1);
  });

  it('answers CONFLICT.STALE with the current version before a field error', async () => {
    const f = await createFollowUp(ws.deps, ws.team.lead, { customerId, dueOn: '2026-03-05', kind: 'call' });
    await updateFollowUp(ws.deps, ws.team.lead, f.id, { version: 1, dueOn: '2026-03-06' });
    const error = await expectAppError(
      updateFollowUp(ws.deps, ws.team.lead, f.id, { version: 1, assigneeId: ws.deps.newId() }),
      'CONFLICT.STALE',
    );
    expect(error.details).toMatchObject({ entity: 'follow_up', id: f.id, version: 1, currentVersion: 2 });
  });

  it('answers CONFLICT.STALE to a stale version and writes nothing', async () => {
    const f = await createFollowUp(ws.deps, ws.team.lead, { customerId, dueOn: '2026-03-05', kind: 'call' });
    await updateFollowUp(ws.deps, ws.team.lead, f.id, { version: 1, dueOn: '2026-03-06' });
    await expectStaleUpdate(
      ws,
      updateFollowUp(ws.deps, ws.team.manager, f.id, { version: 1, done: true }),
      () => getFollowUp(ws.deps, ws.team.lead, f.id),
      { dueOn: '2026-03-06', done: false, version: 2 },
      2,
    );
  });

  it('rejects unknown fields and bad values', async () => {
    for (const input of [
      { customerId, dueOn: '2026-03-05', kind: 'call', doneAt: 'x' },
      { customerId, dueOn: '3/5', kind: 'call' },
    ]) {
      await expectAppError(createFollowUp(ws.deps, ws.team.lead, input), 'VALIDATION.FAILED');
    }
    for (const query of [{ overdue: 'yes' }, { cursor: 'bad' }]) {
      await expectAppError(listFollowUps(ws.deps, ws.team.lead, query), 'VALIDATION.FAILED');
    }
  });

  it('sorts open ones by due date first, filters overdue, and pages through every follow-up once', async () => {
    const days = ['2026-03-04', '2026-02-27', '2026-03-02', '2026-03-01', '2026-02-28'];
    const made = [];
    for (let i = 0; i < 15; i++) {
      made.push(
        await createFollowUp(ws.deps, ws.team.lead, {
          customerId,
          dueOn: days[i % days.length] ?? '2026-03-01',
          kind: i % 2 ? 'call' : 'visit',
          done: i % 4 === 3,
        }),
      );
    }
    const all = (await listFollowUps(ws.deps, ws.team.lead, { limit: 200 })).items;
    const key = (f: { done: boolean; dueOn: string }) => `${f.done ? 1 : 0}|${f.dueOn}`;
    expect(all.map(key)).toEqual([...all.map(key)].sort());
    expect(all[0]).toMatchObject({ done: false, dueOn: '2026-02-27' });

    const overdue = (await listFollowUps(ws.deps, ws.team.lead, { overdue: 'true' })).items;
    const expected = made.filter((f) => !f.done && f.dueOn < '2026-03-02');
    expect(overdue.map((f) => f.id).sort()).toEqual(expected.map((f) => f.id).sort());
    const notOverdue = (await listFollowUps(ws.deps, ws.team.lead, { overdue: false })).items;
    expect(notOverdue.length + overdue.length).toBe(15);

    const seen = (await allPages((page) => listFollowUps(ws.deps, ws.team.lead, page), 4)).map((f) => f.id);
    expect(seen).toEqual(all.map((f) => f.id));
    expect(new Set(seen).size).toBe(15);
  });
});
