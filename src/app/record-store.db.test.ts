import { describe, expect, it } from 'vitest';
import { expectAppError } from '../../test/harness/app-errors.js';
import { engines } from '../../test/harness/databases.js';
import { withWorkspace } from '../../test/harness/workspace.js';
import type { Principal } from './context.js';
import { newCustomerValues } from './customers/customer-store.js';
import {
  countsPerCustomer,
  defineRecordStore,
  listOfCustomer,
  type RowsFilter,
  visibleRows,
} from './record-store.js';
import { invitations, seminars } from './seminars/seminar-store.js';

/** A store on the customers table, defined here so the test checks defineRecordStore alone. */
const customers = defineRecordStore<
  'customers',
  { id: string; name: string; tags: string[]; version: number },
  { name: string; tags: string[]; city: string | null }
>({
  table: 'customers',
  entity: 'customer',
  scope: 'customer',
  toView: (row) => ({ id: row.id, name: row.name, tags: JSON.parse(row.tags), version: row.version }),
  columns: {
    name: 'name',
    city: 'city',
    tags: { column: 'tags', write: (tags: string[]) => JSON.stringify(tags) },
  },
});

describe.each(engines)('record stores on $name', (engine) => {
  const ws = withWorkspace(engine, { foreign: true });
  const customerOf = (owner: Principal, name: string) =>
    customers.insert(ws.db, ws.deps, owner, newCustomerValues(owner, { name }));

  const seminarOf = (title: string) =>
    seminars.insert(ws.db, ws.deps, ws.team.manager, {
      title,
      held_on: '2026-03-20',
      capacity: 40,
      city: null,
      venue: null,
      notes: null,
    });
  /** A lead's customer and another lead's, both invited to one seminar. */
  const invitedPair = async () => {
    const mine = await customerOf(ws.team.lead, '王磊的客户');
    const theirs = await customerOf(ws.team.otherLead, '赵强的客户');
    const seminar = await seminarOf('会销');
    const invite = (customerId: string) =>
      invitations.insert(ws.db, ws.deps, ws.team.manager, {
        seminar_id: seminar.id,
        customer_id: customerId,
        invited_by: null,
      });
    return {
      mine,
      theirs,
      seminar,
      mineInvited: await invite(mine.id),
      theirsInvited: await invite(theirs.id),
    };
  };

  it('maps only the fields an input carries, writing null as null and converting through `write`', () => {
    expect(customers.columnsOf({ name: '杭州万象', tags: ['老客户'], city: null })).toEqual({
      name: '杭州万象',
      tags: '["老客户"]',
      city: null,
    });
    expect(customers.columnsOf({})).toEqual({});
    expect(invitations.columnsOf({ attended: false, rsvp: undefined })).toEqual({ attended: 0 });
  });

  it('inserts with version 1, the clock’s stamps and the caller’s workspace, or the id it is given', async () => {
    const row = await seminars.insert(ws.db, ws.deps, ws.team.lead, {
      id: '0190c0de-0000-7000-8000-000000000001',
      title: '三月会销',
      held_on: '2026-03-20',
      capacity: 40,
      city: null,
      venue: null,
      notes: null,
    });
    const now = ws.clock.now().toISOString();
    expect(row).toMatchObject({
      id: '0190c0de-0000-7000-8000-000000000001',
      workspace_id: ws.team.workspaceId,
      version: 1,
      created_at: now,
      updated_at: now,
      status: 'planned',
    });
    expect(seminars.toView(row)).toMatchObject({
      title: '三月会销',
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
  });

  it('inserts many rows in chunks (more than one INSERT) and returns every one', async () => {
    const values = Array.from({ length: 450 }, (_, i) => ({
      title: `会销 ${i}`,
      held_on: '2026-04-01',
      capacity: 10,
      city: null,
      venue: null,
      notes: null,
    }));
    const rows = await seminars.insertMany(ws.db, ws.deps, ws.team.manager, values);
    expect(new Set(rows.map((r) => r.title))).toEqual(new Set(values.map((v) => v.title)));
    const stored = await ws.db
      .selectFrom('seminars')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws.team.workspaceId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(450);
  });

  it('updates at the current version and bumps it; a stale version gets CONFLICT.STALE with the current one, writing nothing', async () => {
    const created = await customerOf(ws.team.lead, '杭州万象');
    ws.clock.advance(60_000);
    const updated = await customers.updateVersioned(
      ws.db,
      ws.deps,
      ws.team.lead,
      created.id,
      1,
      customers.columnsOf({ tags: ['A'] }),
    );
    expect(updated).toMatchObject({ version: 2, tags: '["A"]', name: '杭州万象' });
    expect(updated.updated_at).toBe(ws.clock.now().toISOString());
    expect(updated.created_at).toBe(created.created_at);
    const error = await expectAppError(
      customers.updateVersioned(ws.db, ws.deps, ws.team.lead, created.id, 1, { name: '覆盖' }),
      'CONFLICT.STALE',
    );
    expect(error.details).toEqual({ entity: 'customer', id: created.id, version: 1, currentVersion: 2 });
    expect(customers.toView(await customers.find(ws.db, ws.team.lead, created.id)).name).toBe('杭州万象');
  });

  it('requires a version before any write: CONFLICT.STALE with the current one, nothing at the current one', async () => {
    const created = await customerOf(ws.team.lead, '杭州万象');
    expect(() => customers.requireVersion(created, 1)).not.toThrow();
    let thrown: unknown;
    try {
      customers.requireVersion(created, 3);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: 'CONFLICT.STALE',
      details: { entity: 'customer', id: created.id, version: 3, currentVersion: 1 },
    });
  });

  it('loses a race it read the same version for: the guarded UPDATE changes nothing', async () => {
    const created = await customerOf(ws.team.lead, '杭州万象');
    await customers.updateVersioned(ws.db, ws.deps, ws.team.lead, created.id, 1, { name: '先到' });
    // `before` is what this writer read when the row was still at version 1.
    const error = await expectAppError(
      customers.updateVersioned(ws.db, ws.deps, ws.team.lead, created.id, 1, { name: '后到' }, created),
      'CONFLICT.STALE',
    );
    expect(error.details).toEqual({ entity: 'customer', id: created.id, version: 1 });
    expect((await customers.find(ws.db, ws.team.lead, created.id)).name).toBe('先到');
  });

  it('writes a system change at the stored version and bumps it, so an open form of the record goes stale', async () => {
    const created = await customerOf(ws.team.lead, '杭州万象');
    await customers.updateVersioned(ws.db, ws.deps, ws.team.lead, created.id, 1, { name: '同事改过' });
    ws.clock.advance(1000);
    const row = await customers.updateCurrent(ws.db, ws.deps, ws.team.lead, created.id, { city: '杭州' });
    expect(row).toMatchObject({ name: '同事改过', city: '杭州', version: 3 });
    expect(row.updated_at).toBe(ws.clock.now().toISOString());
    await expectAppError(
      customers.updateVersioned(ws.db, ws.deps, ws.team.lead, created.id, 2, { name: 'x' }),
      'CONFLICT.STALE',
    );
    expect(
      (
        await expectAppError(
          customers.updateCurrent(ws.db, ws.deps, ws.foreign.manager, created.id, {}),
          'NOT_FOUND',
        )
      ).details,
    ).toEqual({ entity: 'customer', id: created.id });
  });

  it('maps no inherited key of the columns map: `constructor` is no column', () => {
    expect(customers.columnsOf({ constructor: 'x' } as never)).toEqual({});
  });

  it('finds by scope: the workspace, the customer, the customer it belongs to; NOT_FOUND otherwise', async () => {
    const { mine, theirs, seminar, mineInvited, theirsInvited } = await invitedPair();

    expect((await seminars.find(ws.db, ws.team.assistant, seminar.id)).id).toBe(seminar.id);
    expect((await customers.find(ws.db, ws.team.lead, mine.id)).id).toBe(mine.id);
    expect((await invitations.find(ws.db, ws.team.lead, mineInvited.id)).id).toBe(mineInvited.id);
    expect((await invitations.find(ws.db, ws.team.manager, theirsInvited.id)).id).toBe(theirsInvited.id);

    const notFound = async (promise: Promise<unknown>, entity: string, id: string) =>
      expect((await expectAppError(promise, 'NOT_FOUND')).details).toEqual({ entity, id });
    await notFound(customers.find(ws.db, ws.team.lead, theirs.id), 'customer', theirs.id);
    await notFound(
      invitations.find(ws.db, ws.team.lead, theirsInvited.id),
      'seminar-invitation',
      theirsInvited.id,
    );
    await notFound(seminars.find(ws.db, ws.foreign.manager, seminar.id), 'seminar', seminar.id);
    await notFound(customers.find(ws.db, ws.foreign.manager, mine.id), 'customer', mine.id);
    // Another workspace's row cannot be updated or removed either.
    await expectAppError(
      customers.updateVersioned(ws.db, ws.deps, ws.foreign.manager, mine.id, 1, { name: 'x' }),
      'NOT_FOUND',
    );
    await seminars.remove(ws.db, ws.foreign.manager, seminar.id);
    expect((await seminars.find(ws.db, ws.team.manager, seminar.id)).id).toBe(seminar.id);
  });

  it('starts a list with the rows whose customer the caller may see, and counts rows per customer, in the caller’s workspace only', async () => {
    const { mine, theirs, mineInvited, theirsInvited } = await invitedPair();
    const listed = async (principal: Principal, customerId?: string) =>
      (await visibleRows(ws.db, principal, 'seminar_invitations', customerId).orderBy('id').execute()).map(
        (r) => r.id,
      );
    expect(await listed(ws.team.lead)).toEqual([mineInvited.id]);
    expect(await listed(ws.team.manager)).toEqual([mineInvited.id, theirsInvited.id].sort());
    expect(await listed(ws.team.manager, theirs.id)).toEqual([theirsInvited.id]);
    expect(await listed(ws.team.lead, theirs.id)).toEqual([]);
    expect(await listed(ws.foreign.manager)).toEqual([]);

    const counts = (workspaceId: string, refine = (q: RowsFilter<'seminar_invitations'>) => q) =>
      countsPerCustomer(ws.db, workspaceId, [mine.id, theirs.id], 'seminar_invitations', refine);
    expect(await counts(ws.team.workspaceId)).toEqual(
      new Map([
        [mine.id, 1],
        [theirs.id, 1],
      ]),
    );
    expect(await counts(ws.team.workspaceId, (q) => q.where('id', '!=', theirsInvited.id))).toEqual(
      new Map([[mine.id, 1]]),
    );
    expect(await counts(ws.foreign.workspaceId)).toEqual(new Map());
  });

  it('removes a row and writes audit entries with the views before and after', async () => {
    const row = await seminarOf('会销');
    await seminars.remove(ws.db, ws.team.manager, row.id);
    await seminars.audit(ws.db, ws.deps, ws.team.manager, 'delete', row.id, { before: seminars.toView(row) });
    await expectAppError(seminars.find(ws.db, ws.team.manager, row.id), 'NOT_FOUND');
    const [entry] = await ws.audit(row.id);
    expect(entry).toMatchObject({
      entity: 'seminar',
      action: 'delete',
      actor_id: ws.team.manager.userId,
      workspace_id: ws.team.workspaceId,
      after: null,
    });
    expect(JSON.parse(entry?.before ?? 'null')).toEqual(seminars.toView(row));
  });

  it('updates and removes with the audit entries of a use case: the views before and after', async () => {
    const row = await seminarOf('三月会销');
    ws.clock.advance(60_000);
    const after = await seminars.updateAudited(ws.db, ws.deps, ws.team.manager, row, 1, {
      title: '四月会销',
    });
    expect(after).toMatchObject({ id: row.id, title: '四月会销', version: 2 });
    expect(after).toEqual(seminars.toView(await seminars.find(ws.db, ws.team.manager, row.id)));
    // A stale version writes neither the row nor an entry.
    await expectAppError(
      seminars.updateAudited(ws.db, ws.deps, ws.team.manager, row, 1, { title: '覆盖' }),
      'CONFLICT.STALE',
    );
    const updated = await seminars.find(ws.db, ws.team.manager, row.id);
    await seminars.removeAudited(ws.db, ws.deps, ws.team.manager, updated);
    await expectAppError(seminars.find(ws.db, ws.team.manager, row.id), 'NOT_FOUND');
    const entries = (await ws.audit(row.id)).map((e) => ({
      entity: e.entity,
      action: e.action,
      actor: e.actor_id,
      before: JSON.parse(e.before ?? 'null'),
      after: JSON.parse(e.after ?? 'null'),
    }));
    expect(entries).toEqual([
      {
        entity: 'seminar',
        action: 'update',
        actor: ws.team.manager.userId,
        before: seminars.toView(row),
        after,
      },
      { entity: 'seminar', action: 'delete', actor: ws.team.manager.userId, before: after, after: null },
    ]);
  });

  it('lists a customer’s rows in the order asked, narrowed by refine; NOT_FOUND for a customer the caller cannot see', async () => {
    const mine = await customerOf(ws.team.lead, '王磊的客户');
    const neighbour = await customerOf(ws.team.lead, '王磊的另一个客户');
    const theirs = await customerOf(ws.team.otherLead, '赵强的客户');
    const invited: string[] = [];
    const seminarIds: string[] = [];
    for (const title of ['一月会销', '二月会销', '三月会销']) {
      const seminar = await seminarOf(title);
      seminarIds.push(seminar.id);
      const row = await invitations.insert(ws.db, ws.deps, ws.team.manager, {
        seminar_id: seminar.id,
        customer_id: mine.id,
        invited_by: null,
      });
      invited.push(row.id);
      ws.clock.advance(60_000);
    }
    await invitations.insert(ws.db, ws.deps, ws.team.manager, {
      seminar_id: seminarIds[0] ?? '',
      customer_id: neighbour.id,
      invited_by: null,
    });
    const ids = (views: { id: string }[]) => views.map((v) => v.id);
    expect(
      ids(await listOfCustomer(ws.db, ws.team.lead, mine.id, invitations, ['created_at', 'id'])),
    ).toEqual(invited);
    expect(
      ids(await listOfCustomer(ws.db, ws.team.lead, mine.id, invitations, ['created_at desc', 'id'])),
    ).toEqual([...invited].reverse());
    const onlySecond = await listOfCustomer(ws.db, ws.team.lead, mine.id, invitations, ['id'], (query) =>
      query.where('seminar_id', '=', seminarIds[1] ?? ''),
    );
    expect(onlySecond).toEqual([
      invitations.toView(await invitations.find(ws.db, ws.team.lead, invited[1] ?? '')),
    ]);
    expect(await listOfCustomer(ws.db, ws.team.otherLead, theirs.id, invitations, ['id'])).toEqual([]);

    const notFound = async (promise: Promise<unknown>, id: string) =>
      expect((await expectAppError(promise, 'NOT_FOUND')).details).toEqual({ entity: 'customer', id });
    await notFound(listOfCustomer(ws.db, ws.team.otherLead, mine.id, invitations, ['id']), mine.id);
    await notFound(listOfCustomer(ws.db, ws.foreign.manager, mine.id, invitations, ['id']), mine.id);
  });
});
