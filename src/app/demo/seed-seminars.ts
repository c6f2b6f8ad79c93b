/**
 * Demo seeder of seminars (会销) and team hand-offs: one seminar a month (the second
 * Saturday) over the past ten months and next month's, each with 22–30 invitations that
 * follow the invitation quotas (market share → city → class need of the plan). Invitees
 * are drawn from the customers of each quota cell; some cells prefer customers who went
 * on to sign within the 60-day window — as a team invites its warmest prospects — so
 * attendees sign more often than meeting-only customers, without every attendee signing.
 * Prospects that reached qualified or beyond get their hand-off from the prospecting
 * assistant to the lead.
 */
import { addDays, toEpochDay, weekdayOfEpochDay } from '../../domain/dates.js';
import {
  invitationQuotas,
  SEMINAR_CLASSES,
  type SeminarClass,
  SIGNING_WINDOW_DAYS,
} from '../../domain/method/seminars.js';
import type { Random } from '../../domain/random.js';
import type { Deps } from '../context.js';
import { getPlan } from '../plans/get-plan.js';
import type { DemoAreaSeeder, DemoContext } from './demo-context.js';

const VENUES = ['公司总部三楼报告厅', '杭州国际博览中心 2 号厅', '萧山开元名都酒店宴会厅'];

/** The second Saturday of a month. */
function secondSaturday(year: number, month: number): string {
  const first = `${year}-${String(month).padStart(2, '0')}-01`;
  const wd = weekdayOfEpochDay(toEpochDay(first));
  return addDays(first, ((6 - wd + 7) % 7) + 7);
}

/** Seeds the seminars, their invitations and the hand-offs of the demo workspace. */
export const seedSeminars: DemoAreaSeeder = async (deps: Deps, ctx: DemoContext, rand: Random) => {
  const ws = ctx.workspaceId;
  const now = deps.clock().toISOString();
  const stamp = { created_at: now, updated_at: now };
  const [y, m] = [Number(ctx.today.slice(0, 4)), Number(ctx.today.slice(5, 7))];
  // Ten months back from this month, and next month's.
  const months = Array.from({ length: 11 }, (_, i) => {
    const index = y * 12 + (m - 1) - 9 + i;
    return { year: Math.floor(index / 12), month: (index % 12) + 1 };
  });

  const plan = await getPlan(deps, ctx.manager, { year: y });
  const classNeed: Record<SeminarClass, number> = { A: 0, B: 0, C: 0, new: 0 };
  for (const c of plan.result.funnel.classes) classNeed[c.key] = c.ordersNeeded ?? 0;
  const markets = (
    await deps.db
      .selectFrom('markets')
      .select(['id', 'name', 'share_bp', 'cities'])
      .where('workspace_id', '=', ws)
      .orderBy('share_bp', 'desc')
      .orderBy('name')
      .orderBy('id')
      .execute()
  ).map((r) => ({ id: r.id, name: r.name, shareBp: r.share_bp, cities: JSON.parse(r.cities) as string[] }));
  const customers = await deps.db
    .selectFrom('customers')
    .select(['id', 'market_id', 'city', 'class', 'status', 'assistant_id'])
    .where('workspace_id', '=', ws)
    .orderBy('id')
    .execute();
  const deals = await deps.db
    .selectFrom('deals')
    .select(['customer_id', 'signed_on'])
    .where('workspace_id', '=', ws)
    .where('signed_on', 'is not', null)
    .execute();
  const signedOn = new Map<string, string[]>();
  for (const d of deals)
    signedOn.set(d.customer_id, [...(signedOn.get(d.customer_id) ?? []), d.signed_on as string]);

  const counts = { seminars: 0, seminarInvitations: 0, handoffs: 0 };
  const invitedBefore = new Set<string>();
  await deps.db.transaction().execute(async (trx) => {
    for (const [i, { year, month }] of months.entries()) {
      const heldOn = secondSaturday(year, month);
      const held = heldOn <= ctx.today;
      const seminarId = deps.newId();
      await trx
        .insertInto('seminars')
        .values({
          id: seminarId,
          workspace_id: ws,
          title: `${month}月客户答谢会（会销）`,
          held_on: heldOn,
          city: '杭州',
          venue: VENUES[i % VENUES.length] ?? null,
          capacity: 40,
          status: held ? 'held' : 'planned',
          notes: null,
          ...stamp,
        })
        .execute();
      counts.seminars++;

      const end = addDays(heldOn, SIGNING_WINDOW_DAYS);
      const signsAfter = (id: string) => (signedOn.get(id) ?? []).some((d) => d >= heldOn && d <= end);
      const quotas = invitationQuotas({ invitations: 22 + Math.floor(rand() * 9), markets, classNeed });
      const chosen: { id: string; warm: boolean }[] = [];
      for (const market of quotas) {
        const def = markets.find((x) => x.id === market.id);
        for (const city of market.cities) {
          for (const cls of SEMINAR_CLASSES) {
            const pool = customers.filter(
              (c) =>
                c.market_id === market.id &&
                c.class === cls &&
                c.status !== 'lost' &&
                (def && def.cities.length > 0 ? c.city === city.city : true),
            );
            const warm = pool.filter((c) => signsAfter(c.id));
            const cold = pool.filter((c) => !signsAfter(c.id));
            const existing = cls !== 'new';
            for (let n = 0; n < city.classes[cls]; n++) {
              // Warm customers (they sign within the window) take about half the seats of
              // prospects and more of existing customers, whose renewal is coming up; the
              // other seats go to prospects met before (often invited again) and to
              // existing customers not yet invited this year (the yearly thank-you).
              const fromWarm = warm.length > 0 && (cold.length === 0 || rand() < (existing ? 0.7 : 0.5));
              const list = fromWarm ? warm : cold;
              if (list.length === 0) break;
              const again = list.filter((c) => invitedBefore.has(c.id));
              const fresh = list.filter((c) => !invitedBefore.has(c.id));
              const from = existing
                ? fresh.length > 0
                  ? fresh
                  : list
                : !fromWarm && again.length > 0 && rand() < 0.6
                  ? again
                  : list;
              const pick = from[Math.floor(rand() * from.length)];
              if (!pick) break;
              list.splice(list.indexOf(pick), 1);
              chosen.push({ id: pick.id, warm: fromWarm });
            }
          }
        }
      }
      for (const { id, warm } of chosen) {
        invitedBefore.add(id);
        const r = rand();
        const rsvp = warm ? (r < 0.9 ? 'yes' : 'pending') : r < 0.5 ? 'yes' : r < 0.8 ? 'no' : 'pending';
        const attended = held && rsvp === 'yes' && rand() < (warm ? 0.9 : 0.6) ? 1 : 0;
        await trx
          .insertInto('seminar_invitations')
          .values({
            id: deps.newId(),
            workspace_id: ws,
            seminar_id: seminarId,
            customer_id: id,
            invited_by: ctx.prospecting.membershipId,
            rsvp: held || rand() < 0.5 ? rsvp : 'pending',
            attended,
            ...stamp,
          })
          .execute();
        counts.seminarInvitations++;
      }
    }

    // Hand-offs: every prospect the prospecting assistant brought to qualified or beyond,
    // on the day of its first meeting.
    const firstVisits = await trx
      .selectFrom('visits')
      .select('customer_id')
      .select((eb) => eb.fn.min('visit_on').as('first'))
      .where('workspace_id', '=', ws)
      .groupBy('customer_id')
      .execute();
    const first = new Map(firstVisits.map((v) => [v.customer_id, String(v.first)]));
    for (const c of customers) {
      if (c.class !== 'new' || c.assistant_id !== ctx.prospecting.membershipId) continue;
      if (c.status !== 'qualified' && c.status !== 'proposal' && c.status !== 'won') continue;
      const day = first.get(c.id);
      if (!day) continue;
      await trx
        .insertInto('handoffs')
        .values({
          id: deps.newId(),
          workspace_id: ws,
          customer_id: c.id,
          kind: 'to_lead',
          from_id: ctx.prospecting.membershipId,
          to_id: ctx.lead.membershipId,
          note: '已确认 KP、签约意愿和付款能力，请主管约见',
          actor_id: ctx.prospecting.userId,
          at: `${day}T01:00:00.000Z`,
        })
        .execute();
      counts.handoffs++;
    }
  });
  return counts;
};
