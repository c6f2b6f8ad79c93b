import { beforeEach, describe, expect, it } from 'vitest';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createCustomer } from '../customers/create-customer.js';
import { getWorkspaceSettings } from '../workspace/get-workspace-settings.js';
import { updateWorkspaceSettings } from '../workspace/update-workspace-settings.js';
import { createVisit } from './create-visit.js';
import { deleteVisit } from './delete-visit.js';
import { getVisit } from './get-visit.js';
import { listVisits } from './list-visits.js';
import { updateVisit } from './update-visit.js';

describe.each(engines)('meeting numbers and the third-meeting policy on $name', (engine) => {
  const ws = withWorkspace(engine);
  let customerId: string;

  beforeEach(async () => {
    customerId = (await createCustomer(ws.deps, ws.team.lead, { name: '杭州织造' })).id;
  });

  const setPolicy = async (thirdMeetingPolicy: string) => {
    const { version } = await getWorkspaceSettings(ws.deps, ws.team.manager);
    await updateWorkspaceSettings(ws.deps, ws.team.manager, { version, thirdMeetingPolicy });
  };
  const numbers = async () =>
    (await listVisits(ws.deps, ws.team.lead, { customerId, order: 'asc' })).items.map((v) => [
      v.visitOn,
      v.status,
      v.meetingNumber,
    ]);

  it('numbers meetings by date, warns at the third (policy warn, the default) and keeps other customers apart', async () => {
    const other = (await createCustomer(ws.deps, ws.team.lead, { name: '富阳纸业' })).id;
    const second = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-10' });
    const first = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-03' });
    expect(first).toMatchObject({ meetingNumber: 1, status: 'done', thirdMeetingReason: null, warnings: [] });
    expect((await getVisit(ws.deps, ws.team.lead, second.id)).meetingNumber).toBe(2);
    expect(
      (await createVisit(ws.deps, ws.team.lead, { customerId: other, visitOn: '2026-03-11' })).meetingNumber,
    ).toBe(1);
    const third = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-17' });
    expect(third.meetingNumber).toBe(3);
    expect(third.warnings).toHaveLength(1);
    expect(third.warnings[0]).toMatchObject({ code: 'VISIT.THIRD_MEETING' });
    expect(third.warnings[0]?.zh).toContain('第 3 次见面');
    expect(third.warnings[0]?.en).toContain('meeting number 3');
    // Editing the notes of an existing third meeting shows the warning again.
    const edited = await updateVisit(ws.deps, ws.team.lead, third.id, { version: 1, notes: '签了' });
    expect(edited.warnings.map((w) => w.code)).toEqual(['VISIT.THIRD_MEETING']);
    expect(await numbers()).toEqual([
      ['2026-03-03', 'done', 1],
      ['2026-03-10', 'done', 2],
      ['2026-03-17', 'done', 3],
    ]);
  });

  it('renumbers after a delete, a cancellation, a new date and a move to another customer', async () => {
    const a = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-03' });
    const b = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-10' });
    const c = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-17' });
    await deleteVisit(ws.deps, ws.team.lead, a.id);
    expect(await numbers()).toEqual([
      ['2026-03-10', 'done', 1],
      ['2026-03-17', 'done', 2],
    ]);
    const cancelled = await updateVisit(ws.deps, ws.team.lead, b.id, { version: 1, status: 'cancelled' });
    expect(cancelled).toMatchObject({ meetingNumber: null, status: 'cancelled', warnings: [] });
    expect(await numbers()).toEqual([
      ['2026-03-10', 'cancelled', null],
      ['2026-03-17', 'done', 1],
    ]);
    const moved = await updateVisit(ws.deps, ws.team.lead, c.id, { version: 1, visitOn: '2026-03-01' });
    expect(moved.meetingNumber).toBe(1);
    const other = (await createCustomer(ws.deps, ws.team.lead, { name: '富阳纸业' })).id;
    await createVisit(ws.deps, ws.team.lead, { customerId: other, visitOn: '2026-02-01' });
    const d = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-20' });
    expect(d.meetingNumber).toBe(2);
    const away = await updateVisit(ws.deps, ws.team.lead, c.id, { version: 2, customerId: other });
    expect(away.meetingNumber).toBe(2);
    expect((await getVisit(ws.deps, ws.team.lead, d.id)).meetingNumber).toBe(1);
    // The stored number is renumbered without bumping the version of the other visits.
    expect((await getVisit(ws.deps, ws.team.lead, d.id)).version).toBe(1);
  });

  it('gives visits logged at the same moment distinct numbers', async () => {
    // Same day: the order is the order of the writes, so each must see the ones before it.
    const visits = await Promise.all(
      [1, 2, 3].map(() => createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-03' })),
    );
    expect(visits.map((v) => v.meetingNumber).sort()).toEqual([1, 2, 3]);
    expect(visits.filter((v) => v.warnings.length > 0)).toHaveLength(1);
    expect((await numbers()).map(([, , n]) => n)).toEqual([1, 2, 3]);
  });

  it('requires a written reason for a third meeting under require_reason, also when scheduling it', async () => {
    await setPolicy('require_reason');
    await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-03' });
    await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-10' });
    await expectAppError(
      createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-24', status: 'planned' }),
      'VISIT.THIRD_MEETING_REASON_REQUIRED',
    );
    expect(await ws.db.selectFrom('visits').select('id').execute()).toHaveLength(2);
    const planned = await createVisit(ws.deps, ws.team.lead, {
      customerId,
      visitOn: '2026-03-24',
      status: 'planned',
      thirdMeetingReason: '董事长出差回来，要亲自见面拍板',
    });
    expect(planned).toMatchObject({
      meetingNumber: 3,
      status: 'planned',
      thirdMeetingReason: '董事长出差回来，要亲自见面拍板',
    });
    expect(planned.warnings.map((w) => w.code)).toEqual(['VISIT.THIRD_MEETING']);
    // Un-cancelling a visit that becomes the 4th meeting needs its reason too.
    const spare = await createVisit(ws.deps, ws.team.lead, {
      customerId,
      visitOn: '2026-03-31',
      status: 'cancelled',
    });
    expect(spare.meetingNumber).toBeNull();
    await expectAppError(
      updateVisit(ws.deps, ws.team.lead, spare.id, { version: 1, status: 'planned' }),
      'VISIT.THIRD_MEETING_REASON_REQUIRED',
    );
    expect((await getVisit(ws.deps, ws.team.lead, spare.id)).status).toBe('cancelled');
    const fourth = await updateVisit(ws.deps, ws.team.lead, spare.id, {
      version: 1,
      status: 'planned',
      thirdMeetingReason: '签合同',
    });
    expect(fourth.meetingNumber).toBe(4);
  });

  it('refuses a third meeting under block, in the same transaction, whatever the reason', async () => {
    await setPolicy('block');
    await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-03' });
    const second = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-10' });
    await expectAppError(
      createVisit(ws.deps, ws.team.lead, {
        customerId,
        visitOn: '2026-03-17',
        thirdMeetingReason: '想再见一次',
      }),
      'VISIT.THIRD_MEETING_BLOCKED',
    );
    // Moving another customer's first meeting here would make it the third: refused too.
    const other = (await createCustomer(ws.deps, ws.team.lead, { name: '富阳纸业' })).id;
    const theirs = await createVisit(ws.deps, ws.team.lead, { customerId: other, visitOn: '2026-03-20' });
    await expectAppError(
      updateVisit(ws.deps, ws.team.lead, theirs.id, { version: 1, customerId }),
      'VISIT.THIRD_MEETING_BLOCKED',
    );
    expect(await numbers()).toEqual([
      ['2026-03-03', 'done', 1],
      ['2026-03-10', 'done', 2],
    ]);
    expect((await getVisit(ws.deps, ws.team.lead, theirs.id)).meetingNumber).toBe(1);
    expect((await getVisit(ws.deps, ws.team.lead, second.id)).version).toBe(1);
  });
});
