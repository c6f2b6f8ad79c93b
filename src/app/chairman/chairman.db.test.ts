import { beforeEach, describe, expect, it } from 'vitest';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createContact } from '../contacts/create-contact.js';
import type { Principal } from '../context.js';
import { createCustomer } from '../customers/create-customer.js';
import { getCustomer } from '../customers/get-customer.js';
import { createNextVisitPlan } from '../next-visit-plans/create-next-visit-plan.js';
import { listNextVisitPlans } from '../next-visit-plans/list-next-visit-plans.js';
import { updateNextVisitPlan } from '../next-visit-plans/update-next-visit-plan.js';
import { createVisit } from '../visits/create-visit.js';
import { listChairmanConsultations } from './list-chairman-consultations.js';
import { recordChairmanConsultation } from './record-chairman-consultation.js';

describe.each(engines)('"must ask the chairman" and next-visit plans on $name', (engine) => {
  const ws = withWorkspace(engine);
  let customerId: string;
  let contactId: string;

  const answers = {
    productView: '产品不错，询盘多',
    biggestObstacle: '董事长觉得价格高',
  };

  beforeEach(async () => {
    // The assistant records it; the follow-up still goes to the customer's owner, the lead.
    customerId = (await createCustomer(ws.deps, ws.team.assistant, { name: '萧山纺织' })).id;
    contactId = (await createContact(ws.deps, ws.team.lead, { customerId, name: '外贸经理 刘敏' })).id;
  });

  /** Records `by`'s consultation of the test's contact with the common answers and `input`'s. */
  const consult = (by: Principal, input: Record<string, unknown>) =>
    recordChairmanConsultation(ws.deps, by, customerId, { contactId, ...answers, ...input });

  it('a champion: default goal, an open chairman plan and a next_visit follow-up for the owner three days out', async () => {
    const r = await consult(ws.team.assistant, { wouldChooseFirst: 'yes', chairmanFollowsAdvice: 'unsure' });
    expect(r).toMatchObject({
      verdict: 'champion',
      contactId,
      productView: '产品不错，询盘多',
      biggestObstacle: '董事长觉得价格高',
    });
    // The test workspace's locale is the default zh-CN.
    expect(r.nextVisitPlan).toMatchObject({
      source: 'chairman',
      sourceId: r.id,
      goal: '和对方一起见董事长，当面向董事长传递产品的价值',
      status: 'open',
      plannedOn: null,
      meetWhom: [],
    });
    expect(r.followUp).toMatchObject({
      kind: 'next_visit',
      dueOn: '2026-03-05',
      assigneeId: ws.team.lead.membershipId,
      notes: r.nextVisitPlan.goal,
      done: false,
    });
    expect((await getCustomer(ws.deps, ws.team.lead, customerId)).qualification.kpContactId).toBeNull();
    expect(
      (await listChairmanConsultations(ws.deps, ws.team.lead, customerId)).map((c) => c.verdict),
    ).toEqual(['champion']);
    const audits = await ws.db
      .selectFrom('audit_log')
      .select('entity')
      .where('action', '=', 'create')
      .execute();
    expect(
      audits
        .map((a) => a.entity)
        .filter((e) => e !== 'customer' && e !== 'contact')
        .sort(),
    ).toEqual(['chairman_consultation', 'follow_up', 'next_visit_plan']);
  });

  it('a key person becomes the customer’s KP; the written goal and date are used', async () => {
    const r = await consult(ws.team.lead, {
      wouldChooseFirst: 'yes',
      chairmanFollowsAdvice: 'yes',
      nextVisit: { goal: '带合同去签', meetWhom: ['刘敏'], bring: '合同两份', plannedOn: '2026-03-10' },
    });
    expect(r.verdict).toBe('key_person');
    expect(r.nextVisitPlan).toMatchObject({
      goal: '带合同去签',
      meetWhom: ['刘敏'],
      bring: '合同两份',
      plannedOn: '2026-03-10',
    });
    expect(r.followUp.dueOn).toBe('2026-03-10');
    const customer = await getCustomer(ws.deps, ws.team.lead, customerId);
    expect(customer.qualification).toMatchObject({
      kpContactId: contactId,
      gaps: ['willing_to_sign', 'able_to_pay'],
    });
    expect(customer.version).toBe(2);
  });

  it('neither: resolve the obstacle and find the real KP; foreign contact, visit or customer are refused', async () => {
    const r = await consult(ws.team.lead, { wouldChooseFirst: 'unsure', chairmanFollowsAdvice: 'yes' });
    expect(r.verdict).toBe('neither');
    expect(r.nextVisitPlan.goal).toBe('解决最大的障碍，并找到真正的 KP（关键决策人）');

    const other = (await createCustomer(ws.deps, ws.team.lead, { name: '富阳纸业' })).id;
    const otherContact = (await createContact(ws.deps, ws.team.lead, { customerId: other, name: '王总' })).id;
    const otherVisit = (
      await createVisit(ws.deps, ws.team.lead, { customerId: other, visitOn: '2026-03-02' })
    ).id;
    const base = { contactId, wouldChooseFirst: 'no', chairmanFollowsAdvice: 'no', ...answers };
    await expectAppError(
      recordChairmanConsultation(ws.deps, ws.team.lead, customerId, { ...base, contactId: otherContact }),
      'VALIDATION.FAILED',
      'contactId',
    );
    await expectAppError(
      recordChairmanConsultation(ws.deps, ws.team.lead, customerId, { ...base, visitId: otherVisit }),
      'VALIDATION.FAILED',
      'visitId',
    );
    await expectAppError(
      recordChairmanConsultation(ws.deps, ws.team.otherLead, customerId, base),
      'NOT_FOUND',
    );
    expect(await ws.db.selectFrom('chairman_consultations').select('id').execute()).toHaveLength(1);
    expect(await ws.db.selectFrom('next_visit_plans').select('id').execute()).toHaveLength(1);
    expect(await ws.db.selectFrom('follow_ups').select('id').execute()).toHaveLength(1);
  });

  it('plans a next visit by hand, marks it done with the visit, and guards the version and the visit', async () => {
    const first = await createNextVisitPlan(ws.deps, ws.team.lead, customerId, {
      goal: '演示案例',
      plannedOn: '2026-03-12',
    });
    expect(first).toMatchObject({ source: 'manual', status: 'open', goal: '演示案例', version: 1 });
    const visit = await createVisit(ws.deps, ws.team.lead, { customerId, visitOn: '2026-03-12' });
    const other = (await createCustomer(ws.deps, ws.team.lead, { name: '富阳纸业' })).id;
    const otherVisit = await createVisit(ws.deps, ws.team.lead, { customerId: other, visitOn: '2026-03-12' });
    await expectAppError(
      updateNextVisitPlan(ws.deps, ws.team.lead, first.id, {
        version: 1,
        status: 'done',
        visitId: otherVisit.id,
      }),
      'VALIDATION.FAILED',
      'visitId',
    );
    const done = await updateNextVisitPlan(ws.deps, ws.team.lead, first.id, {
      version: 1,
      status: 'done',
      visitId: visit.id,
    });
    expect(done).toMatchObject({ status: 'done', visitId: visit.id, version: 2 });
    await expectAppError(
      updateNextVisitPlan(ws.deps, ws.team.lead, first.id, { version: 1, status: 'dropped' }),
      'CONFLICT.STALE',
    );
    // A stale form hears CONFLICT.STALE (with the current version) before the visit's field error.
    const stale = await expectAppError(
      updateNextVisitPlan(ws.deps, ws.team.lead, first.id, { version: 1, visitId: otherVisit.id }),
      'CONFLICT.STALE',
    );
    expect(stale.details).toEqual({ entity: 'next_visit_plan', id: first.id, version: 1, currentVersion: 2 });
    await expectAppError(
      updateNextVisitPlan(ws.deps, ws.team.otherLead, first.id, { version: 2, goal: 'x' }),
      'NOT_FOUND',
    );
    const second = await createNextVisitPlan(ws.deps, ws.team.lead, customerId, { goal: '见董事长' });
    expect(
      (await listNextVisitPlans(ws.deps, ws.team.lead, customerId)).map((p) => [p.id, p.status]),
    ).toEqual([
      [second.id, 'open'],
      [first.id, 'done'],
    ]);
  });
});
