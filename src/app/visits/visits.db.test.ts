import { beforeEach, describe, expect, it } from 'vitest';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { allPages, expectOutOfReach, expectStaleUpdate } from '../../../test/harness/records.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createCustomer } from '../customers/create-customer.js';
import { createVisit } from './create-visit.js';
import { deleteVisit } from './delete-visit.js';
import { getVisit } from './get-visit.js';
import { listVisits } from './list-visits.js';
import { updateVisit } from './update-visit.js';

const useCases = { get: getVisit, update: updateVisit, remove: deleteVisit, list: listVisits };

describe.each(engines)('visits on $name', (engine) => {
  const ws = withWorkspace(engine, { foreign: true });
  let customerId: string;

  beforeEach(async () => {
    customerId = (await createCustomer(ws.deps, ws.team.lead, { name: '杭州织造' })).id;
  });

  it('logs, reads, updates and deletes a visit, each with an audit entry', async () => {
    const { warnings, ...v } = await createVisit(ws.deps, ws.team.assistant, {
      customerId: (await createCustomer(ws.deps, ws.team.assistant, { name: '富阳纸业' })).id,
      visitOn: '2026-03-02',
      attendees: ['陈总', '刘工'],
      purpose: '第一次见面',
    });
    expect(v).toMatchObject({
      ownerId: ws.team.assistant.membershipId,
      visitOn: '2026-03-02',
      attendees: ['陈总', '刘工'],
      purpose: '第一次见面',
      outcome: null,
      version: 1,
      meetingNumber: 1,
      status: 'done',
    });
    expect(warnings).toEqual([]);
    expect(await getVisit(ws.deps, ws.team.lead, v.id)).toEqual(v);
    const u = await updateVisit(ws.deps, ws.team.assistant, v.id, {
      version: 1,
      outcome: '约了第二次',
      nextStep: '发方案',
      attendees: ['陈总'],
    });
    expect(u).toMatchObject({ outcome: '约了第二次', nextStep: '发方案', attendees: ['陈总'], version: 2 });
    await deleteVisit(ws.deps, ws.team.assistant, v.id);
    await expectAppError(getVisit(ws.deps, ws.team.lead, v.id), 'NOT_FOUND');
    expect((await ws.audit(v.id)).map((a) => [a.entity, a.action, a.actor_id])).toEqual([
      ['visit', 'create', ws.team.assistant.userId],
      ['visit', 'update', ws.team.assistant.userId],
      ['visit', 'delete', ws.team.assistant.userId],
    ]);
  });

  it('answers NOT_FOUND outside the rights and VALIDATION.FAILED for a customer or owner the caller cannot use', async () => {
    const v = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-02' });
    await expectOutOfReach(ws, v.id, useCases, { version: 1, notes: 'hijack' });
    for (const who of [ws.team.otherLead, ws.foreign.manager]) {
      try {
        await createVisit(ws.deps, who, { customerId, visitOn: '2026-03-02' });
        expect.unreachable();
      } catch (error) {
        expect((error as { code: string }).code).toBe('VALIDATION.FAILED');
        expect((error as { details: { fields: Array<{ path: string }> } }).details.fields[0]?.path).toBe(
          'customerId',
        );
      }
    }
    await expectAppError(
      createVisit(ws.deps, ws.team.lead, {
        customerId,
        visitOn: '2026-03-02',
        ownerId: ws.team.otherLead.membershipId,
      }),
      'VALIDATION.FAILED',
    );
    const theirs = (await createCustomer(ws.deps, ws.team.otherLead, { name: 'other' })).id;
    await expectAppError(
      updateVisit(ws.deps, ws.team.lead, v.id, { version: 1, customerId: theirs }),
      'VALIDATION.FAILED',
    );
    expect(await ws.db.selectFrom('visits').select('id').execute()).toHaveLength(1);
    expect((await getVisit(ws.deps, ws.team.lead, v.id)).version).toBe(1);
  });

  it('answers CONFLICT.STALE with the current version before a field error', async () => {
    const v = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-02' });
    await updateVisit(ws.deps, ws.team.lead, v.id, { version: 1, outcome: 'good' });
    const error = await expectAppError(
      updateVisit(ws.deps, ws.team.lead, v.id, { version: 1, ownerId: ws.deps.newId() }),
      'CONFLICT.STALE',
    );
    expect(error.details).toMatchObject({ entity: 'visit', id: v.id, version: 1, currentVersion: 2 });
  });

  it('answers CONFLICT.STALE to a stale version and writes nothing', async () => {
    const v = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-02' });
    await updateVisit(ws.deps, ws.team.lead, v.id, { version: 1, outcome: 'good' });
    await expectStaleUpdate(
      ws,
      updateVisit(ws.deps, ws.team.manager, v.id, { version: 1, outcome: 'stale' }),
      () => getVisit(ws.deps, ws.team.lead, v.id),
      { outcome: 'good', version: 2 },
      2,
    );
  });

  it('rejects unknown fields and bad dates', async () => {
    for (const input of [
      { customerId, visitOn: '2026-03-02', extra: 1 },
      { customerId, visitOn: '2026-02-30' },
    ]) {
      await expectAppError(createVisit(ws.deps, ws.team.lead, input), 'VALIDATION.FAILED');
    }
    for (const query of [{ from: 'yesterday' }, { sort: 'x' }]) {
      await expectAppError(listVisits(ws.deps, ws.team.lead, query), 'VALIDATION.FAILED');
    }
  });

  it('lists newest first, filters by customer and date range, and pages through every visit once', async () => {
    const other = (await createCustomer(ws.deps, ws.team.lead, { name: '富阳纸业' })).id;
    for (let i = 0; i < 14; i++) {
      await createVisit(ws.deps, ws.team.lead, {
        customerId: i % 2 === 0 ? customerId : other,
        visitOn: `2026-03-${String(1 + (i % 7)).padStart(2, '0')}`,
      });
    }
    const all = await listVisits(ws.deps, ws.team.lead, {});
    expect(all.items.map((v) => v.visitOn)).toEqual([...all.items.map((v) => v.visitOn)].sort().reverse());
    for (const order of ['asc', 'desc'] as const) {
      const paged = await allPages((page) => listVisits(ws.deps, ws.team.lead, { order, ...page }), 3);
      const seen = paged.map((v) => v.id);
      expect(seen).toHaveLength(14);
      expect(new Set(seen).size).toBe(14);
    }
    const ranged = await listVisits(ws.deps, ws.team.lead, {
      customerId,
      from: '2026-03-02',
      to: '2026-03-05',
    });
    expect(
      ranged.items.every(
        (v) => v.customerId === customerId && v.visitOn >= '2026-03-02' && v.visitOn <= '2026-03-05',
      ),
    ).toBe(true);
    // i even → customer; days 1+(i%7) for i in 0,2,4,6,8,10,12 → 1,3,5,7,2,4,6 → in range: 3,5,2,4
    expect(ranged.items.map((v) => v.visitOn)).toEqual([
      '2026-03-05',
      '2026-03-04',
      '2026-03-03',
      '2026-03-02',
    ]);
  });
});
