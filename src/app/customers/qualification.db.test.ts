import { describe, expect, it } from 'vitest';
import { expectAppError, fieldPaths } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createContact } from '../contacts/create-contact.js';
import { createCustomer } from './create-customer.js';
import { getCustomer } from './get-customer.js';
import { getStageHistory } from './get-stage-history.js';
import { updateCustomer } from './update-customer.js';

describe.each(engines)('qualification and stage history on $name', (engine) => {
  // 2026-03-01 20:00 UTC is already 2 March in Shanghai, the workspace's time zone.
  const ws = withWorkspace(engine, { clock: '2026-03-01T20:00:00.000Z' });

  it('shows the qualification with its gaps and accepts a key person only among the customer’s contacts', async () => {
    const c = await createCustomer(ws.deps, ws.team.lead, {
      name: '杭州织造',
      willingToSign: 'yes',
      willingEvidence: '主动问价',
    });
    expect(c.qualification).toEqual({
      kpContactId: null,
      willingToSign: 'yes',
      willingEvidence: '主动问价',
      ableToPay: 'unknown',
      ableEvidence: null,
      expectedFundsOn: null,
      qualified: false,
      gaps: ['key_person', 'able_to_pay'],
    });
    const other = await createCustomer(ws.deps, ws.team.lead, { name: '富阳纸业' });
    const theirs = await createContact(ws.deps, ws.team.lead, { customerId: other.id, name: '刘总' });
    const mine = await createContact(ws.deps, ws.team.lead, { customerId: c.id, name: '陈董' });
    const wrong = await expectAppError(
      updateCustomer(ws.deps, ws.team.lead, c.id, { version: 1, kpContactId: theirs.id }),
      'VALIDATION.FAILED',
    );
    expect(fieldPaths(wrong)[0]).toBe('kpContactId');
    await expectAppError(
      createCustomer(ws.deps, ws.team.lead, { name: '新客户', kpContactId: mine.id }),
      'VALIDATION.FAILED',
    );
    const u = await updateCustomer(ws.deps, ws.team.lead, c.id, {
      version: 1,
      kpContactId: mine.id,
      ableToPay: 'yes',
      ableEvidence: '下周一到账',
      expectedFundsOn: '2026-03-09',
    });
    expect(u.qualification).toMatchObject({
      kpContactId: mine.id,
      qualified: true,
      gaps: [],
      expectedFundsOn: '2026-03-09',
    });
    expect((await getCustomer(ws.deps, ws.team.lead, c.id)).qualification.qualified).toBe(true);
  });

  it('refuses to move an unqualified customer to proposal, listing the gaps in both languages, and writes nothing', async () => {
    const c = await createCustomer(ws.deps, ws.team.lead, { name: '临安茶叶', status: 'qualified' });
    const error = await expectAppError(
      updateCustomer(ws.deps, ws.team.lead, c.id, { version: 1, status: 'proposal', willingToSign: 'yes' }),
      'CUSTOMER.NOT_QUALIFIED',
    );
    expect(error.httpStatus).toBe(409);
    expect(error.details.missing).toEqual(['key_person', 'able_to_pay']);
    expect(error.messageIn('en')).toContain(
      'the key person (KP) is not identified; their ability to pay is not confirmed',
    );
    expect(error.messageIn('zh')).toContain('还没确认谁是 KP（关键决策人）；还没确认对方付得起款');
    expect(await getCustomer(ws.deps, ws.team.lead, c.id)).toMatchObject({ status: 'qualified', version: 1 });
    expect((await getCustomer(ws.deps, ws.team.lead, c.id)).qualification.willingToSign).toBe('unknown');
    expect((await getStageHistory(ws.deps, ws.team.lead, c.id)).map((s) => s.toStatus)).toEqual([
      'qualified',
    ]);
    await expectAppError(
      createCustomer(ws.deps, ws.team.lead, { name: 'x', status: 'proposal' }),
      'CUSTOMER.NOT_QUALIFIED',
    );
  });

  it('moves a customer qualified by the same request, and records an override reason when not qualified', async () => {
    const c = await createCustomer(ws.deps, ws.team.lead, { name: '萧山五金' });
    const kp = await createContact(ws.deps, ws.team.lead, { customerId: c.id, name: '王董' });
    const moved = await updateCustomer(ws.deps, ws.team.lead, c.id, {
      version: 1,
      status: 'proposal',
      kpContactId: kp.id,
      willingToSign: 'yes',
      ableToPay: 'yes',
    });
    expect(moved.status).toBe('proposal');
    const d = await createCustomer(ws.deps, ws.team.lead, { name: '桐庐家具', status: 'contacted' });
    await updateCustomer(ws.deps, ws.team.lead, d.id, {
      version: 1,
      status: 'proposal',
      statusOverrideReason: '老板朋友介绍，先报方案',
    });
    await updateCustomer(ws.deps, ws.team.lead, d.id, { version: 2, status: 'proposal', name: '桐庐家具厂' });
    const history = await getStageHistory(ws.deps, ws.team.lead, d.id);
    expect(history.map(({ id: _id, changedAt: _at, ...rest }) => rest)).toEqual([
      {
        fromStatus: null,
        toStatus: 'contacted',
        changedOn: '2026-03-02',
        actorId: ws.team.lead.userId,
        overrideReason: null,
      },
      {
        fromStatus: 'contacted',
        toStatus: 'proposal',
        changedOn: '2026-03-02',
        actorId: ws.team.lead.userId,
        overrideReason: '老板朋友介绍，先报方案',
      },
    ]);
    expect(
      (await getStageHistory(ws.deps, ws.team.lead, c.id)).map((s) => [
        s.fromStatus,
        s.toStatus,
        s.overrideReason,
      ]),
    ).toEqual([
      [null, 'lead', null],
      ['lead', 'proposal', null],
    ]);
    await expectAppError(getStageHistory(ws.deps, ws.team.otherLead, c.id), 'NOT_FOUND');
  });
});
