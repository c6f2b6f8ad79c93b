import { uuidv7 } from 'uuidv7';
import { beforeEach, describe, expect, it } from 'vitest';
import { expectAppError, rejectedFields } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { auditTrail } from '../../../test/harness/records.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createContact } from '../contacts/create-contact.js';
import type { Principal } from '../context.js';
import { createCustomer } from '../customers/create-customer.js';
import { getCustomer } from '../customers/get-customer.js';
import { createDeal } from '../deals/create-deal.js';
import { getPlan } from '../plans/get-plan.js';
import { savePlan } from '../plans/save-plan.js';
import { createVisit } from '../visits/create-visit.js';
import { getAfterSalesQueue } from './get-after-sales-queue.js';
import { getProspectingQueue } from './get-prospecting-queue.js';
import { handoffCustomer } from './handoff-customer.js';
import { listHandoffs } from './list-handoffs.js';

const DAY = 86_400_000;

describe.each(engines)('team duties on $name', (engine) => {
  // Monday 2026-03-02, 10:00 in Shanghai.
  const ws = withWorkspace(engine, { foreign: true });
  let afterSales: Principal;

  beforeEach(async () => {
    // The lead's second assistant does after-sales.
    const userId = uuidv7();
    const membershipId = uuidv7();
    const stamp = '2026-01-01T00:00:00.000Z';
    await ws.db
      .insertInto('users')
      .values({
        id: userId,
        email: `${userId}@example.test`,
        name: '张伟',
        password_hash: 'x',
        locale: null,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    await ws.db
      .insertInto('memberships')
      .values({
        id: membershipId,
        workspace_id: ws.team.workspaceId,
        user_id: userId,
        role: 'assistant',
        duty: 'after_sales',
        works_for: ws.team.lead.membershipId,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    afterSales = {
      userId,
      workspaceId: ws.team.workspaceId,
      membershipId,
      role: 'assistant',
      worksFor: ws.team.lead.membershipId,
      via: 'session',
    };
  });

  describe('prospecting queue', () => {
    it('shows an assistant their own queue, a lead their assistants’, a manager anyone’s', async () => {
      const own = await getProspectingQueue(ws.deps, ws.team.assistant, {});
      expect(own.memberId).toBe(ws.team.assistant.membershipId);
      expect(
        (await getProspectingQueue(ws.deps, ws.team.lead, { memberId: ws.team.assistant.membershipId }))
          .memberId,
      ).toBe(ws.team.assistant.membershipId);
      expect(
        (
          await getProspectingQueue(ws.deps, ws.team.manager, {
            memberId: ws.team.otherAssistant.membershipId,
          })
        ).memberId,
      ).toBe(ws.team.otherAssistant.membershipId);
      for (const [who, memberId] of [
        [ws.team.assistant, ws.team.otherAssistant.membershipId],
        [ws.team.lead, ws.team.otherAssistant.membershipId],
        [ws.team.otherLead, ws.team.assistant.membershipId],
        [ws.team.manager, ws.foreign.assistant.membershipId],
        [ws.team.lead, undefined], // a lead has no prospecting queue of their own
        [ws.team.manager, afterSales.membershipId], // not a prospecting assistant
        [afterSales, undefined],
      ] as const) {
        expect(await rejectedFields(getProspectingQueue(ws.deps, who, memberId ? { memberId } : {}))).toEqual(
          ['memberId'],
        );
      }
    });

    it('lists open prospects stalest first, counts this week’s and splits the plan’s new customers by week', async () => {
      const old = await createCustomer(ws.deps, ws.team.assistant, { name: '老线索', status: 'lead' });
      const visited = await createCustomer(ws.deps, ws.team.assistant, {
        name: '见过面',
        status: 'contacted',
      });
      await createCustomer(ws.deps, ws.team.assistant, { name: '已合格', status: 'qualified' });
      await createCustomer(ws.deps, ws.team.otherAssistant, { name: '别人的', status: 'lead' });
      ws.clock.advance(7 * DAY); // Monday 2026-03-09
      await createVisit(ws.deps, ws.team.assistant, { customerId: visited.id, visitOn: '2026-03-05' });
      const fresh = await createCustomer(ws.deps, ws.team.assistant, { name: '新线索' });
      const q = await getProspectingQueue(ws.deps, ws.team.assistant, {});
      expect(q).toMatchObject({ today: '2026-03-09', weeklyQuota: null, thisWeek: 1 });
      expect(q.items).toEqual([
        {
          customerId: old.id,
          name: '老线索',
          city: null,
          class: 'new',
          status: 'lead',
          lastVisitOn: null,
          daysSince: 7,
        },
        {
          customerId: visited.id,
          name: '见过面',
          city: null,
          class: 'new',
          status: 'contacted',
          lastVisitOn: '2026-03-05',
          daysSince: 4,
        },
        {
          customerId: fresh.id,
          name: '新线索',
          city: null,
          class: 'new',
          status: 'lead',
          lastVisitOn: null,
          daysSince: 0,
        },
      ]);

      await savePlan(ws.deps, ws.team.manager, {
        target: '1000万',
        year: 2026,
        classes: { new: { share: '100%', averageOrder: '1万' } },
      });
      const mine = (await getProspectingQueue(ws.deps, ws.team.assistant, {})).weeklyQuota;
      const theirs = (
        await getProspectingQueue(ws.deps, ws.team.manager, { memberId: ws.team.otherAssistant.membershipId })
      ).weeklyQuota;
      if (mine === null || theirs === null) throw new Error('no quota');
      // 1000 new customers over the year's working days; this week has 5 of them, shared by
      // the workspace's two prospecting assistants.
      const workingDays = (await getPlan(ws.deps, ws.team.manager, { year: 2026 })).result.calendar
        .workingDays;
      expect(Math.abs(mine + theirs - (1000 * 5) / workingDays)).toBeLessThan(1);
      expect(Math.abs(mine - theirs)).toBeLessThanOrEqual(1);
      expect(mine).toBeGreaterThan(5);
    });
  });

  describe('after-sales queue', () => {
    it('lists won customers with their last deal, the A/B customers due again and money still expected', async () => {
      const won = async (
        name: string,
        cls: 'A' | 'B' | 'C',
        signedOn: string,
        extra: Record<string, unknown> = {},
      ) => {
        const c = await createCustomer(ws.deps, ws.team.manager, {
          name,
          class: cls,
          status: 'won',
          ownerId: ws.team.lead.membershipId,
          assistantId: afterSales.membershipId,
        });
        await createDeal(ws.deps, ws.team.manager, {
          customerId: c.id,
          amountMinor: 8_000_000,
          signedOn,
          ...extra,
        });
        return c.id;
      };
      const aDue = await won('A到期', 'A', '2025-09-02'); // 181 days
      await won('A未到', 'A', '2025-09-03'); // 180 days
      const bDue = await won('B到期', 'B', '2025-06-04'); // 271 days
      const bNot = await won('B未到', 'B', '2025-06-05', {
        expectedFundsOn: '2026-03-20',
        fundsReceivedMinor: 3_000_000,
      });
      await won('C老客户', 'C', '2024-01-01', { expectedFundsOn: '2026-02-01' });
      await createDeal(ws.deps, ws.team.manager, {
        customerId: aDue,
        amountMinor: 1_000_000,
        signedOn: '2025-03-01',
        expectedFundsOn: '2026-04-01',
        fundsReceivedMinor: 1_000_000,
      });
      await createCustomer(ws.deps, ws.team.manager, {
        name: '未成交',
        status: 'proposal',
        statusOverrideReason: '补录已在谈的方案',
        assistantId: afterSales.membershipId,
        ownerId: ws.team.lead.membershipId,
      });

      const q = await getAfterSalesQueue(ws.deps, afterSales, {});
      expect(q.items.map((i) => [i.name, i.lastDealOn, i.lastDealAmountMinor, i.daysSinceLastDeal])).toEqual([
        ['C老客户', '2024-01-01', 8_000_000, 791],
        ['B到期', '2025-06-04', 8_000_000, 271],
        ['B未到', '2025-06-05', 8_000_000, 270],
        ['A到期', '2025-09-02', 8_000_000, 181],
        ['A未到', '2025-09-03', 8_000_000, 180],
      ]);
      expect(q.repeatCandidates.map((i) => i.customerId)).toEqual([bDue, aDue]);
      expect(q.upcomingFunds).toEqual([
        {
          dealId: expect.any(String),
          customerId: bNot,
          name: 'B未到',
          expectedFundsOn: '2026-03-20',
          outstandingMinor: 5_000_000,
        },
      ]);
      expect(
        (await getAfterSalesQueue(ws.deps, ws.team.lead, { memberId: afterSales.membershipId })).items,
      ).toHaveLength(5);
      expect(
        (await getAfterSalesQueue(ws.deps, ws.team.manager, { memberId: afterSales.membershipId })).items,
      ).toHaveLength(5);
      for (const [who, memberId] of [
        [ws.team.otherLead, afterSales.membershipId],
        [ws.team.assistant, afterSales.membershipId],
        [ws.team.manager, ws.team.assistant.membershipId], // prospecting, not after-sales
        [ws.foreign.manager, afterSales.membershipId],
      ] as const) {
        expect(await rejectedFields(getAfterSalesQueue(ws.deps, who, { memberId }))).toEqual(['memberId']);
      }
    });
  });

  describe('hand-offs', () => {
    const prospect = async (status: 'lead' | 'contacted' | 'proposal') =>
      createCustomer(ws.deps, ws.team.manager, {
        name: `${status} 客户`,
        status,
        ...(status === 'proposal' ? { statusOverrideReason: '补录已在谈的方案' } : {}),
        ownerId: ws.team.assistant.membershipId,
        assistantId: ws.team.assistant.membershipId,
      });
    const qualify = async (customerId: string) => {
      const kp = await createContact(ws.deps, ws.team.manager, { customerId, name: '陈总' });
      await ws.db
        .updateTable('customers')
        .set({ kp_contact_id: kp.id, willing_to_sign: 'yes', able_to_pay: 'yes' })
        .where('id', '=', customerId)
        .execute();
    };

    it('refuses to hand an unqualified customer to the lead, naming the gaps, and writes nothing', async () => {
      const c = await prospect('contacted');
      const refused = await expectAppError(
        handoffCustomer(ws.deps, ws.team.assistant, c.id, { kind: 'to_lead' }),
        'HANDOFF.NOT_QUALIFIED',
      );
      expect(refused.details).toMatchObject({ gaps: ['key_person', 'willing_to_sign', 'able_to_pay'] });
      await ws.db
        .updateTable('customers')
        .set({ willing_to_sign: 'yes', able_to_pay: 'yes' })
        .where('id', '=', c.id)
        .execute();
      expect(
        (
          await expectAppError(
            handoffCustomer(ws.deps, ws.team.assistant, c.id, { kind: 'to_lead' }),
            'HANDOFF.NOT_QUALIFIED',
          )
        ).details,
      ).toMatchObject({
        gaps: ['key_person'],
      });
      expect(await listHandoffs(ws.deps, ws.team.assistant, c.id)).toEqual([]);
      expect(await getCustomer(ws.deps, ws.team.manager, c.id)).toMatchObject({
        ownerId: ws.team.assistant.membershipId,
        status: 'contacted',
        version: 1,
      });
      // Only the customer's creation is in its stage history: the refused hand-off wrote nothing.
      expect(
        await ws.db
          .selectFrom('customer_stage_changes')
          .selectAll()
          .where('from_status', 'is not', null)
          .execute(),
      ).toEqual([]);
    });

    it('hands a qualified prospect to the assistant’s lead, moves it to qualified and records it', async () => {
      const c = await prospect('contacted');
      await qualify(c.id);
      const { handoff, customer } = await handoffCustomer(ws.deps, ws.team.assistant, c.id, {
        kind: 'to_lead',
        note: 'KP 陈总，月底有预算',
      });
      expect(customer).toMatchObject({
        ownerId: ws.team.lead.membershipId,
        assistantId: ws.team.assistant.membershipId,
        status: 'qualified',
        version: 2,
      });
      expect(handoff).toMatchObject({
        customerId: c.id,
        kind: 'to_lead',
        fromId: ws.team.assistant.membershipId,
        toId: ws.team.lead.membershipId,
        note: 'KP 陈总，月底有预算',
        actorId: ws.team.assistant.userId,
        at: '2026-03-02T02:00:00.000Z',
      });
      expect(await listHandoffs(ws.deps, ws.team.lead, c.id)).toEqual([handoff]);
      const changes = await ws.db
        .selectFrom('customer_stage_changes')
        .selectAll()
        .where('from_status', 'is not', null)
        .execute();
      expect(changes.map((s) => [s.customer_id, s.from_status, s.to_status, s.changed_on])).toEqual([
        [c.id, 'contacted', 'qualified', '2026-03-02'],
      ]);
      expect(await auditTrail(ws, c.id)).toEqual([
        { entity: 'customer', action: 'create' },
        { entity: 'customer', action: 'update' },
      ]);
      expect(
        await ws.db.selectFrom('audit_log').select('entity').where('entity_id', '=', handoff.id).execute(),
      ).toEqual([{ entity: 'handoff' }]);

      // A customer already past qualified keeps its status and gets no stage change.
      const p = await prospect('proposal');
      await qualify(p.id);
      const later = await handoffCustomer(ws.deps, ws.team.lead, p.id, { kind: 'to_lead' });
      expect(later.customer).toMatchObject({ status: 'proposal', ownerId: ws.team.lead.membershipId });
      expect(
        await ws.db
          .selectFrom('customer_stage_changes')
          .selectAll()
          .where('customer_id', '=', p.id)
          .execute(),
      ).toHaveLength(1); // its creation only
    });

    it('hands a won customer to the lead’s after-sales assistant, and refuses otherwise', async () => {
      const open = await createCustomer(ws.deps, ws.team.lead, {
        name: '未成交',
        status: 'proposal',
        statusOverrideReason: '补录已在谈的方案',
      });
      const notWon = await expectAppError(
        handoffCustomer(ws.deps, ws.team.lead, open.id, { kind: 'to_after_sales' }),
        'HANDOFF.NOT_WON',
      );
      expect(notWon.details).toMatchObject({ status: 'proposal' });
      const won = await createCustomer(ws.deps, ws.team.assistant, { name: '已成交', status: 'won' });
      const { handoff, customer } = await handoffCustomer(ws.deps, ws.team.assistant, won.id, {
        kind: 'to_after_sales',
      });
      expect(customer).toMatchObject({
        assistantId: afterSales.membershipId,
        ownerId: ws.team.lead.membershipId,
        status: 'won',
      });
      expect(handoff).toMatchObject({
        kind: 'to_after_sales',
        fromId: ws.team.assistant.membershipId,
        toId: afterSales.membershipId,
      });
      // The other lead has no after-sales assistant.
      const theirs = await createCustomer(ws.deps, ws.team.otherLead, { name: '别组成交', status: 'won' });
      await expectAppError(
        handoffCustomer(ws.deps, ws.team.otherLead, theirs.id, { kind: 'to_after_sales' }),
        'HANDOFF.NO_AFTER_SALES',
      );
      // A customer of the lead without an assistant has no lead to go to "from an assistant".
      const direct = await createCustomer(ws.deps, ws.team.lead, { name: '主管自己的' });
      await qualify(direct.id);
      await expectAppError(
        handoffCustomer(ws.deps, ws.team.lead, direct.id, { kind: 'to_lead' }),
        'HANDOFF.NO_LEAD',
      );
      expect(await listHandoffs(ws.deps, ws.team.otherLead, theirs.id)).toEqual([]);
    });

    it('answers NOT_FOUND for customers outside the caller’s rights', async () => {
      const c = await prospect('contacted');
      await qualify(c.id);
      await expectAppError(
        handoffCustomer(ws.deps, ws.team.otherLead, c.id, { kind: 'to_lead' }),
        'NOT_FOUND',
      );
      await expectAppError(
        handoffCustomer(ws.deps, ws.foreign.manager, c.id, { kind: 'to_lead' }),
        'NOT_FOUND',
      );
      await expectAppError(listHandoffs(ws.deps, ws.team.otherAssistant, c.id), 'NOT_FOUND');
      expect(
        await rejectedFields(handoffCustomer(ws.deps, ws.team.lead, c.id, { kind: 'to_chairman' })),
      ).toEqual(['kind']);
      expect(await getCustomer(ws.deps, ws.team.manager, c.id)).toMatchObject({
        version: 1,
        status: 'contacted',
      });
    });
  });
});
