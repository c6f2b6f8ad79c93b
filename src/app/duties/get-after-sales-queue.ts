/**
 * Use case: the after-sales assistant's queue — the won customers assigned to them with
 * their last deal, the A/B customers due to buy again (see REPEAT_AFTER_DAYS: A after 180
 * days without a deal, B after 270) and the money still expected from their deals.
 */
import { type AfterSalesQueue, afterSalesQueueQuery } from '../../contract/team.js';
import { toEpochDay } from '../../domain/dates.js';
import { isRepeatCandidate } from '../../domain/method/duties.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { workspaceToday } from '../workspace/workspace-today.js';
import { dutyMember } from './duty-member.js';

/** The after-sales queue of `memberId` (default: the caller). */
export async function getAfterSalesQueue(
  deps: Deps,
  principal: Principal,
  query: unknown,
): Promise<AfterSalesQueue> {
  const q = parseInput(afterSalesQueueQuery, query);
  const member = await dutyMember(deps.db, principal, q.memberId, 'after_sales');
  const { today } = await workspaceToday(deps.db, deps, principal.workspaceId);
  const ws = principal.workspaceId;
  const customers = await deps.db
    .selectFrom('customers')
    .select(['id', 'name', 'class', 'city'])
    .where('workspace_id', '=', ws)
    .where('assistant_id', '=', member.id)
    .where('status', '=', 'won')
    .execute();
  const deals =
    customers.length === 0
      ? []
      : await deps.db
          .selectFrom('deals')
          .select([
            'id',
            'customer_id',
            'signed_on',
            'amount_minor',
            'expected_funds_on',
            'funds_received_minor',
          ])
          .where('workspace_id', '=', ws)
          .where(
            'customer_id',
            'in',
            customers.map((c) => c.id),
          )
          .execute();
  const last = new Map<string, { on: string; amount: number; id: string }>();
  for (const d of deals) {
    if (d.signed_on === null) continue;
    const seen = last.get(d.customer_id);
    if (!seen || d.signed_on > seen.on || (d.signed_on === seen.on && d.id > seen.id))
      last.set(d.customer_id, { on: d.signed_on, amount: d.amount_minor, id: d.id });
  }
  const items = customers
    .map((c) => {
      const l = last.get(c.id);
      return {
        customerId: c.id,
        name: c.name,
        class: c.class,
        city: c.city,
        lastDealOn: l?.on ?? null,
        lastDealAmountMinor: l?.amount ?? null,
        daysSinceLastDeal: l ? toEpochDay(today) - toEpochDay(l.on) : null,
      };
    })
    // Longest without a deal first; customers without any dated deal on top.
    .sort(
      (a, b) =>
        (a.lastDealOn ?? '').localeCompare(b.lastDealOn ?? '') || a.customerId.localeCompare(b.customerId),
    );
  const names = new Map(customers.map((c) => [c.id, c.name]));
  const upcomingFunds = deals
    .filter(
      (d) =>
        d.expected_funds_on !== null &&
        d.expected_funds_on >= today &&
        d.funds_received_minor < d.amount_minor,
    )
    .map((d) => ({
      dealId: d.id,
      customerId: d.customer_id,
      name: names.get(d.customer_id) ?? '',
      expectedFundsOn: d.expected_funds_on as string,
      outstandingMinor: d.amount_minor - d.funds_received_minor,
    }))
    .sort((a, b) => a.expectedFundsOn.localeCompare(b.expectedFundsOn) || a.dealId.localeCompare(b.dealId));
  return {
    memberId: member.id,
    today,
    items,
    repeatCandidates: items.filter((i) => isRepeatCandidate(i.class, i.lastDealOn, today)),
    upcomingFunds,
  };
}
