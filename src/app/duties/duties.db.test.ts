import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTeam, type Team, testClock, testDeps } from '../../../test/factories.js';
import { engines, type TestDatabase } from '../../../test/harness/databases.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import { createContact } from '../contacts/create-contact.js';
import type { Deps, Principal } from '../context.js';
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

async function errorOf(
  promise: Promise<unknown>,
): Promise<{ code?: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string; details?: Record<string, unknown> };
  }
  return {};
}
const codeOf = async (p: Promise<unknown>) => (await errorOf(p)).code;
const fieldsOf = async (p: Promise<unknown>) =>
  (((await errorOf(p)).details?.fields ?? []) as { path: string }[]).map((f) => f.path);

const DAY = 86_400_000;

describe.each(engines)('team duties on $name', (engine) => {
  let database: TestDatabase;
  let open: Database<Schema>;
  let db: Kysely<Schema>;
  let clock: ReturnType<typeof testClock>;
  let deps: Deps;
  let team: Team;
  let foreign: Team;
  let afterSales: Principal;

  beforeEach(async () => {
    database = await engine.create();
    open = database.open() as Database<Schema>;
    db = open.db;
    await migrateToLatest(db as Kysely<unknown>);
    // Monday 2026-03-02, 10:00 in Shanghai.
    clock = testClock();
    deps = testDeps(db, clock);
    team = await seedTeam(db);
    foreign = await seedTeam(db, '宁波区域');
    // The lead's second assistant does after-sales.
    const userId = uuidv7();
    const membershipId = uuidv7();
    const stamp = '2026-01-01T00:00:00.000Z';
    await db
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
    await db
      .insertInto('memberships')
      .values({
        id: membershipId,
        workspace_id: team.workspaceId,
        user_id: userId,
        role: 'assistant',
        duty: 'after_sales',
        works_for: team.lead.membershipId,
        created_at: stamp,
        updated_at: stamp,
      })
      .execute();
    afterSales = {
      userId,
      workspaceId: team.workspaceId,
      membershipId,
      role: 'assistant',
      worksFor: team.lead.membershipId,
      via: 'session',
    };
  });
  afterEach(async () => {
    await open.close();
    await database.dispose();
  });

  describe('prospecting queue', () => {
    it('shows an assistant their own queue, a lead their assistants’, a manager anyone’s', async () => {
      const own = await getProspectingQueue(deps, team.assistant, {});
      expect(own.memberId).toBe(team.assistant.membershipId);
      expect(
        (await getProspectingQueue(deps, team.lead, { memberId: team.assistant.membershipId })).memberId,
      ).toBe(team.assistant.membershipId);
      expect(
        (await getProspectingQueue(deps, team.manager, { memberId: team.otherAssistant.membershipId }))
          .memberId,
      ).toBe(team.otherAssistant.membershipId);
      for (const [who, memberId] of [
        [team.assistant, team.otherAssistant.membershipId],
        [team.lead, team.otherAssistant.membershipId],
        [team.otherLead, team.assistant.membershipId],
        [team.manager, foreign.assistant.membershipId],
        [team.lead, undefined], // a lead has no prospecting queue of their own
        [team.manager, afterSales.membershipId], // not a prospecting assistant
        [afterSales, undefined],
      ] as const) {
        expect(await fieldsOf(getProspectingQueue(deps, who, memberId ? { memberId } : {}))).toEqual([
          'memberId',
        ]);
      }
    });

    it('lists open prospects stalest first, counts this week’s and splits the plan’s new customers by week', async () => {
      const old = await createCustomer(deps, team.assistant, { name: '老线索', status: 'lead' });
      const visited = await createCustomer(deps, team.assistant, { name: '见过面', status: 'contacted' });
      await createCustomer(deps, team.assistant, { name: '已合格', status: 'qualified' });
      await createCustomer(deps, team.otherAssistant, { name: '别人的', status: 'lead' });
      clock.advance(7 * DAY); // Monday 2026-03-09
      await createVisit(deps, team.assistant, { customerId: visited.id, visitOn: '2026-03-05' });
      const fresh = await createCustomer(deps, team.assistant, { name: '新线索' });
      const q = await getProspectingQueue(deps, team.assistant, {});
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

      await savePlan(deps, team.manager, {
        target: '1000万',
        year: 2026,
        classes: { new: { share: '100%', averageOrder: '1万' } },
      });
      const mine = (await getProspectingQueue(deps, team.assistant, {})).weeklyQuota;
      const theirs = (
        await getProspectingQueue(deps, team.manager, { memberId: team.otherAssistant.membershipId })
      ).weeklyQuota;
      if (mine === null || theirs === null) throw new Error('no quota');
      // 1000 new customers over the year's working days; this week has 5 of them, shared by
      // the workspace's two prospecting assistants.
      const workingDays = (await getPlan(deps, team.manager, { year: 2026 })).result.calendar.workingDays;
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
        const c = await createCustomer(deps, team.manager, {
          name,
          class: cls,
          status: 'won',
          ownerId: team.lead.membershipId,
          assistantId: afterSales.membershipId,
        });
        await createDeal(deps, team.manager, {
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
      await createDeal(deps, team.manager, {
        customerId: aDue,
        amountMinor: 1_000_000,
        signedOn: '2025-03-01',
        expectedFundsOn: '2026-04-01',
        fundsReceivedMinor: 1_000_000,
      });
      await createCustomer(deps, team.manager, {
        name: '未成交',
        status: 'proposal',
        statusOverrideReason: '补录已在谈的方案',
        assistantId: afterSales.membershipId,
        ownerId: team.lead.membershipId,
      });

      const q = await getAfterSalesQueue(deps, afterSales, {});
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
        (await getAfterSalesQueue(deps, team.lead, { memberId: afterSales.membershipId })).items,
      ).toHaveLength(5);
      expect(
        (await getAfterSalesQueue(deps, team.manager, { memberId: afterSales.membershipId })).items,
      ).toHaveLength(5);
      for (const [who, memberId] of [
        [team.otherLead, afterSales.membershipId],
        [team.assistant, afterSales.membershipId],
        [team.manager, team.assistant.membershipId], // prospecting, not after-sales
        [foreign.manager, afterSales.membershipId],
      ] as const) {
        expect(await fieldsOf(getAfterSalesQueue(deps, who, { memberId }))).toEqual(['memberId']);
      }
    });
  });

  describe('hand-offs', () => {
    const prospect = async (status: 'lead' | 'contacted' | 'proposal') =>
      createCustomer(deps, team.manager, {
        name: `${status} 客户`,
        status,
        ...(status === 'proposal' ? { statusOverrideReason: '补录已在谈的方案' } : {}),
        ownerId: team.assistant.membershipId,
        assistantId: team.assistant.membershipId,
      });
    const qualify = async (customerId: string) => {
      const kp = await createContact(deps, team.manager, { customerId, name: '陈总' });
      await db
        .updateTable('customers')
        .set({ kp_contact_id: kp.id, willing_to_sign: 'yes', able_to_pay: 'yes' })
        .where('id', '=', customerId)
        .execute();
    };

    it('refuses to hand an unqualified customer to the lead, naming the gaps, and writes nothing', async () => {
      const c = await prospect('contacted');
      const refused = await errorOf(handoffCustomer(deps, team.assistant, c.id, { kind: 'to_lead' }));
      expect(refused).toMatchObject({
        code: 'HANDOFF.NOT_QUALIFIED',
        details: { gaps: ['key_person', 'willing_to_sign', 'able_to_pay'] },
      });
      await db
        .updateTable('customers')
        .set({ willing_to_sign: 'yes', able_to_pay: 'yes' })
        .where('id', '=', c.id)
        .execute();
      expect(
        (await errorOf(handoffCustomer(deps, team.assistant, c.id, { kind: 'to_lead' }))).details,
      ).toMatchObject({
        gaps: ['key_person'],
      });
      expect(await listHandoffs(deps, team.assistant, c.id)).toEqual([]);
      expect(await getCustomer(deps, team.manager, c.id)).toMatchObject({
        ownerId: team.assistant.membershipId,
        status: 'contacted',
        version: 1,
      });
      // Only the customer's creation is in its stage history: the refused hand-off wrote nothing.
      expect(
        await db
          .selectFrom('customer_stage_changes')
          .selectAll()
          .where('from_status', 'is not', null)
          .execute(),
      ).toEqual([]);
    });

    it('hands a qualified prospect to the assistant’s lead, moves it to qualified and records it', async () => {
      const c = await prospect('contacted');
      await qualify(c.id);
      const { handoff, customer } = await handoffCustomer(deps, team.assistant, c.id, {
        kind: 'to_lead',
        note: 'KP 陈总，月底有预算',
      });
      expect(customer).toMatchObject({
        ownerId: team.lead.membershipId,
        assistantId: team.assistant.membershipId,
        status: 'qualified',
        version: 2,
      });
      expect(handoff).toMatchObject({
        customerId: c.id,
        kind: 'to_lead',
        fromId: team.assistant.membershipId,
        toId: team.lead.membershipId,
        note: 'KP 陈总，月底有预算',
        actorId: team.assistant.userId,
        at: '2026-03-02T02:00:00.000Z',
      });
      expect(await listHandoffs(deps, team.lead, c.id)).toEqual([handoff]);
      const changes = await db
        .selectFrom('customer_stage_changes')
        .selectAll()
        .where('from_status', 'is not', null)
        .execute();
      expect(changes.map((s) => [s.customer_id, s.from_status, s.to_status, s.changed_on])).toEqual([
        [c.id, 'contacted', 'qualified', '2026-03-02'],
      ]);
      const audit = await db
        .selectFrom('audit_log')
        .select(['entity', 'action'])
        .where('entity_id', '=', c.id)
        .orderBy('at')
        .orderBy('id')
        .execute();
      expect(audit).toEqual([
        { entity: 'customer', action: 'create' },
        { entity: 'customer', action: 'update' },
      ]);
      expect(
        await db.selectFrom('audit_log').select('entity').where('entity_id', '=', handoff.id).execute(),
      ).toEqual([{ entity: 'handoff' }]);

      // A customer already past qualified keeps its status and gets no stage change.
      const p = await prospect('proposal');
      await qualify(p.id);
      const later = await handoffCustomer(deps, team.lead, p.id, { kind: 'to_lead' });
      expect(later.customer).toMatchObject({ status: 'proposal', ownerId: team.lead.membershipId });
      expect(
        await db.selectFrom('customer_stage_changes').selectAll().where('customer_id', '=', p.id).execute(),
      ).toHaveLength(1); // its creation only
    });

    it('hands a won customer to the lead’s after-sales assistant, and refuses otherwise', async () => {
      const open = await createCustomer(deps, team.lead, {
        name: '未成交',
        status: 'proposal',
        statusOverrideReason: '补录已在谈的方案',
      });
      expect(
        await errorOf(handoffCustomer(deps, team.lead, open.id, { kind: 'to_after_sales' })),
      ).toMatchObject({
        code: 'HANDOFF.NOT_WON',
        details: { status: 'proposal' },
      });
      const won = await createCustomer(deps, team.assistant, { name: '已成交', status: 'won' });
      const { handoff, customer } = await handoffCustomer(deps, team.assistant, won.id, {
        kind: 'to_after_sales',
      });
      expect(customer).toMatchObject({
        assistantId: afterSales.membershipId,
        ownerId: team.lead.membershipId,
        status: 'won',
      });
      expect(handoff).toMatchObject({
        kind: 'to_after_sales',
        fromId: team.assistant.membershipId,
        toId: afterSales.membershipId,
      });
      // The other lead has no after-sales assistant.
      const theirs = await createCustomer(deps, team.otherLead, { name: '别组成交', status: 'won' });
      expect(await codeOf(handoffCustomer(deps, team.otherLead, theirs.id, { kind: 'to_after_sales' }))).toBe(
        'HANDOFF.NO_AFTER_SALES',
      );
      // A customer of the lead without an assistant has no lead to go to "from an assistant".
      const direct = await createCustomer(deps, team.lead, { name: '主管自己的' });
      await qualify(direct.id);
      expect(await codeOf(handoffCustomer(deps, team.lead, direct.id, { kind: 'to_lead' }))).toBe(
        'HANDOFF.NO_LEAD',
      );
      expect(await listHandoffs(deps, team.otherLead, theirs.id)).toEqual([]);
    });

    it('answers NOT_FOUND for customers outside the caller’s rights', async () => {
      const c = await prospect('contacted');
      await qualify(c.id);
      expect(await codeOf(handoffCustomer(deps, team.otherLead, c.id, { kind: 'to_lead' }))).toBe(
        'NOT_FOUND',
      );
      expect(await codeOf(handoffCustomer(deps, foreign.manager, c.id, { kind: 'to_lead' }))).toBe(
        'NOT_FOUND',
      );
      expect(await codeOf(listHandoffs(deps, team.otherAssistant, c.id))).toBe('NOT_FOUND');
      expect(await fieldsOf(handoffCustomer(deps, team.lead, c.id, { kind: 'to_chairman' }))).toEqual([
        'kind',
      ]);
      expect(await getCustomer(deps, team.manager, c.id)).toMatchObject({ version: 1, status: 'contacted' });
    });
  });
});
