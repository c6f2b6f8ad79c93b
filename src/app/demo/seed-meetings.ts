/**
 * The demo's meeting discipline and qualification: meeting numbers on every visit,
 * qualification facts (most customers past "qualified" are qualified, some with gaps, a
 * few expecting their money soon), a stage history for every customer that agrees with
 * its status and its visit and deal dates, a few "must ask the chairman" consultations
 * with their next-visit plans, and planned visits in the coming field days — one of them
 * a third meeting with its written reason.
 */
import type { Insertable } from 'kysely';
import type { CustomerStageChangesTable, CustomerStatus, YesNoUnknown } from '../../db/schema.js';
import { addDays, toEpochDay, weekdayOfEpochDay } from '../../domain/dates.js';
import type { Random } from '../../domain/random.js';
import { recordChairmanConsultation } from '../chairman/record-chairman-consultation.js';
import type { Deps } from '../context.js';
import { createVisit } from '../visits/create-visit.js';
import { lockMeetings, renumberMeetings } from '../visits/meeting-numbers.js';
import type { DemoAreaSeeder, DemoContext } from './demo-context.js';

/** Seeds the meeting-discipline area of the demo (see the module comment). */
export const seedMeetings: DemoAreaSeeder = async (deps: Deps, ctx: DemoContext, rand: Random) => {
  const ws = ctx.workspaceId;
  const customers = await deps.db
    .selectFrom('customers')
    .select(['id', 'status', 'class'])
    .where('workspace_id', '=', ws)
    .orderBy('id')
    .execute();
  const contacts = new Map(
    (
      await deps.db
        .selectFrom('contacts')
        .select(['id', 'customer_id'])
        .where('workspace_id', '=', ws)
        .orderBy('id')
        .execute()
    ).map((c) => [c.customer_id, c.id]),
  );
  const visitDays = new Map<string, string[]>();
  for (const v of await deps.db
    .selectFrom('visits')
    .select(['customer_id', 'visit_on'])
    .where('workspace_id', '=', ws)
    .orderBy('visit_on')
    .execute()) {
    const list = visitDays.get(v.customer_id) ?? [];
    list.push(v.visit_on);
    visitDays.set(v.customer_id, list);
  }

  let stageChanges = 0;
  let fundsSoon = 0;
  await deps.db.transaction().execute(async (trx) => {
    for (const c of customers) {
      if (!visitDays.has(c.id)) continue;
      await lockMeetings(trx, ws, c.id);
      await renumberMeetings(trx, ws, c.id);
    }

    const history: Insertable<CustomerStageChangesTable>[] = [];
    for (const c of customers) {
      const existing = c.class !== 'new';
      // Qualification: past "qualified" most are; a few have a gap the salesperson overrode.
      const past = c.status === 'qualified' || c.status === 'proposal' || c.status === 'won';
      const gap = past && c.status !== 'won' && rand() < 0.2;
      const willing: YesNoUnknown = past
        ? 'yes'
        : c.status === 'lost'
          ? 'no'
          : rand() < 0.3
            ? 'yes'
            : 'unknown';
      const able: YesNoUnknown = past && !gap ? 'yes' : 'unknown';
      const open = c.status === 'qualified' || c.status === 'proposal';
      const funds =
        open && fundsSoon < 6 && rand() < 0.5 ? addDays(ctx.today, 2 + Math.floor(rand() * 12)) : null;
      if (funds) fundsSoon++;
      await trx
        .updateTable('customers')
        .set({
          kp_contact_id:
            past || (c.status === 'contacted' && rand() < 0.4) ? (contacts.get(c.id) ?? null) : null,
          willing_to_sign: willing,
          willing_evidence: willing === 'yes' ? '主动问了价格和上线时间' : null,
          able_to_pay: able,
          able_evidence: able === 'yes' ? '去年同类投入 5 万，预算已批' : funds ? '资金月中到账' : null,
          expected_funds_on: funds,
        })
        .where('workspace_id', '=', ws)
        .where('id', '=', c.id)
        .execute();

      // Stage history: a prospect's is its funnel journey (stages dated before the signing
      // day, see demo-funnel.ts), with the override reason where it went to proposal with a
      // gap; existing customers were won before the demo year.
      const journey = ctx.journeys.get(c.id);
      const steps: [CustomerStatus, string, string | null][] = journey
        ? journey.map(([to, on]) => [
            to,
            on,
            to === 'proposal' && gap ? '客户主动要方案，付款能力待确认' : null,
          ])
        : existing && c.status === 'won'
          ? [['won', addDays(ctx.today, -400 - Math.floor(rand() * 300)), null]]
          : [['lead', addDays(ctx.today, -Math.floor(rand() * 60)), null]];
      steps.forEach(([to, on, reason], i) => {
        history.push({
          id: deps.newId(),
          workspace_id: ws,
          customer_id: c.id,
          from_status: i === 0 ? null : (steps[i - 1]?.[0] ?? null),
          to_status: to,
          changed_on: on,
          changed_at: `${on}T0${Math.min(9, 1 + i)}:00:00.000Z`,
          actor_id: ctx.lead.userId,
          override_reason: reason,
        });
      });
    }
    for (let i = 0; i < history.length; i += 200) {
      await trx
        .insertInto('customer_stage_changes')
        .values(history.slice(i, i + 200))
        .execute();
    }
    stageChanges = history.length;
  });

  // "Must ask the chairman" with four open customers: two champions, a key person, neither.
  const open = customers.filter((c) => c.status === 'qualified' || c.status === 'proposal');
  const fieldDays = nextFieldDays(ctx.today, 3);
  const answers = [
    ['yes', 'no', '价格偏高，董事长更看重回报周期'],
    ['yes', 'unsure', '董事长担心团队没人运营'],
    ['yes', 'yes', '今年预算已经用了一半'],
    ['unsure', 'unsure', '公司战略重点在国内市场'],
  ] as const;
  let consultations = 0;
  for (const [i, [first, follows, obstacle]] of answers.entries()) {
    // Spread over the open customers (however many the funnel left open today).
    const c = open[Math.floor((i * open.length) / answers.length)];
    const contactId = c && contacts.get(c.id);
    if (!c || !contactId) continue;
    await recordChairmanConsultation(deps, ctx.lead, c.id, {
      contactId,
      productView: '产品能带来海外询盘，认可',
      wouldChooseFirst: first,
      chairmanFollowsAdvice: follows,
      biggestObstacle: obstacle,
      ...(i === 0
        ? { nextVisit: { meetWhom: ['董事长'], bring: '同行业成功案例', plannedOn: fieldDays[1] } }
        : {}),
    });
    consultations++;
  }

  // Planned visits in the coming field days; one is the third meeting, with its reason.
  const twice = open.filter((c) => (visitDays.get(c.id) ?? []).length === 2 && c.status === 'proposal');
  const once = open.filter((c) => (visitDays.get(c.id) ?? []).length === 1);
  const planned = [
    { customer: twice[0], day: fieldDays[0], reason: '董事长出差回来，要当面拍板签约' },
    { customer: once[0], day: fieldDays[1], reason: null },
    { customer: once[1], day: fieldDays[2], reason: null },
  ];
  let plannedVisits = 0;
  for (const p of planned) {
    if (!p.customer || !p.day) continue;
    await createVisit(deps, ctx.lead, {
      customerId: p.customer.id,
      visitOn: p.day,
      status: 'planned',
      purpose: p.reason ? '第三次见面：和董事长一起确认方案并签约' : '带案例再次拜访，解决顾虑',
      ...(p.reason ? { thirdMeetingReason: p.reason } : {}),
    });
    plannedVisits++;
  }
  return { stageChanges, chairmanConsultations: consultations, plannedVisits };
};

/** The next `n` field days (Tue–Thu) after `today`. */
function nextFieldDays(today: string, n: number): string[] {
  const days: string[] = [];
  for (let d = 1; days.length < n; d++) {
    const wd = weekdayOfEpochDay(toEpochDay(today) + d);
    if (wd >= 2 && wd <= 4) days.push(addDays(today, d));
  }
  return days;
}
