/**
 * Use case: the prospecting assistant's queue — their customers still at lead/contacted,
 * stalest first (days since the last visit, or since the customer was created), with the
 * week's quota of new customers from the saved plan and how many they added this week.
 */
import { type ProspectingQueue, prospectingQueueQuery } from '../../contract/team.js';
import { addDays, dateInTimeZone, toEpochDay, weekdayOfEpochDay } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import { weeklyNewCustomerQuota } from '../../domain/method/duties.js';
import type { Deps, Principal } from '../context.js';
import { getPlan } from '../plans/get-plan.js';
import { parseInput } from '../validation.js';
import { workspaceToday } from '../workspace/workspace-today.js';
import { dutyMember } from './duty-member.js';

/** The prospecting queue of `memberId` (default: the caller). */
export async function getProspectingQueue(
  deps: Deps,
  principal: Principal,
  query: unknown,
): Promise<ProspectingQueue> {
  const q = parseInput(prospectingQueueQuery, query);
  const member = await dutyMember(deps.db, principal, q.memberId, 'prospecting');
  const { today, timeZone } = await workspaceToday(deps.db, deps, principal.workspaceId);
  const ws = principal.workspaceId;

  const customers = await deps.db
    .selectFrom('customers')
    .select(['id', 'name', 'city', 'class', 'status', 'created_at'])
    .where('workspace_id', '=', ws)
    .where('assistant_id', '=', member.id)
    .execute();
  const open = customers.filter((c) => c.status === 'lead' || c.status === 'contacted');
  const lastVisits = new Map<string, string>();
  if (open.length > 0) {
    const rows = await deps.db
      .selectFrom('visits')
      .select('customer_id')
      .select((eb) => eb.fn.max('visit_on').as('last'))
      .where('workspace_id', '=', ws)
      .where('status', '!=', 'cancelled')
      .where('visit_on', '<=', today)
      .where(
        'customer_id',
        'in',
        open.map((c) => c.id),
      )
      .groupBy('customer_id')
      .execute();
    for (const r of rows) lastVisits.set(r.customer_id, String(r.last));
  }
  const items = open
    .map((c) => {
      const created = dateInTimeZone(new Date(c.created_at), timeZone);
      const lastVisitOn = lastVisits.get(c.id) ?? null;
      const since = lastVisitOn !== null && lastVisitOn > created ? lastVisitOn : created;
      return {
        customerId: c.id,
        name: c.name,
        city: c.city,
        class: c.class,
        status: c.status as 'lead' | 'contacted',
        lastVisitOn,
        daysSince: Math.max(0, toEpochDay(today) - toEpochDay(since)),
      };
    })
    .sort(
      (a, b) =>
        b.daysSince - a.daysSince || a.name.localeCompare(b.name) || a.customerId.localeCompare(b.customerId),
    );

  const monday = addDays(today, 1 - weekdayOfEpochDay(toEpochDay(today)));
  const sunday = addDays(monday, 6);
  const thisWeek = customers.filter((c) => {
    const created = dateInTimeZone(new Date(c.created_at), timeZone);
    return created >= monday && created <= sunday;
  }).length;

  const plan = await getPlan(deps, principal, { year: Number(today.slice(0, 4)) }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
  let weeklyQuota: number | null = null;
  if (plan) {
    const assistants = await deps.db
      .selectFrom('memberships')
      .select('id')
      .where('workspace_id', '=', ws)
      .where('role', '=', 'assistant')
      .where('duty', '=', 'prospecting')
      .orderBy('id')
      .execute();
    weeklyQuota = weeklyNewCustomerQuota({
      newCustomers: plan.result.funnel.newCustomersNeeded,
      weeks: plan.result.weeks,
      today,
      assistants: assistants.length,
      assistantIndex: assistants.findIndex((a) => a.id === member.id),
    });
  }
  return { memberId: member.id, today, items, weeklyQuota, thisWeek };
}
