/**
 * Use case: at which meeting did the won customers close? The method's own numbers are
 * about 65 % at the first meeting, at most 25 % at the second and at most 10 % at a third
 * or later; this compares a period's won customers with them, whole and by member
 * (the customer's owner), market or class.
 */
import { type MEETING_STATS_GROUPS, type MeetingStats, meetingStatsQuery } from '../../contract/stats.js';
import {
  MEETING_CLOSE_TARGETS,
  type MeetingCloseRow,
  meetingCloseStats,
} from '../../domain/method/meetings.js';
import { visibleCustomers } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { visibleCustomerIds } from '../customers/visible-customer.js';
import { parseInput } from '../validation.js';
import { statsPeriod } from './stats-period.js';

/**
 * Customers the caller may see whose first signed deal falls in [from, to]; the meetings
 * a customer took are its done visits on or before that signing date (at least 1: a deal
 * signed without a logged visit counts as closed at the first meeting).
 */
export async function getMeetingStats(
  deps: Deps,
  principal: Principal,
  query: unknown,
): Promise<MeetingStats> {
  const q = parseInput(meetingStatsQuery, query);
  const { from, to } = await statsPeriod(deps.db, deps, principal.workspaceId, q);

  const won = await visibleCustomers(deps.db, principal)
    .innerJoin('deals', 'deals.customer_id', 'customers.id')
    .where('deals.workspace_id', '=', principal.workspaceId)
    .where('deals.signed_on', 'is not', null)
    .select(['customers.id', 'customers.class', 'customers.market_id', 'customers.owner_id'])
    .select((eb) => eb.fn.min<string>('deals.signed_on').as('first_signed'))
    .groupBy(['customers.id', 'customers.class', 'customers.market_id', 'customers.owner_id'])
    .having((eb) => eb.fn.min('deals.signed_on'), '>=', from)
    .having((eb) => eb.fn.min('deals.signed_on'), '<=', to)
    .execute();
  const visits = await deps.db
    .selectFrom('visits')
    .select(['customer_id', 'visit_on'])
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', 'in', visibleCustomerIds(deps.db, principal))
    .where('status', '=', 'done')
    .where('visit_on', '<=', to)
    .execute();
  const visitDays = new Map<string, string[]>();
  for (const v of visits) {
    const days = visitDays.get(v.customer_id);
    if (days) days.push(v.visit_on);
    else visitDays.set(v.customer_id, [v.visit_on]);
  }

  const groupOf = (c: (typeof won)[number]): string | null =>
    q.groupBy === 'member'
      ? c.owner_id
      : q.groupBy === 'market'
        ? c.market_id
        : q.groupBy === 'class'
          ? c.class
          : null;
  const stats = meetingCloseStats(
    won.map((c) => ({
      group: groupOf(c),
      meetings: Math.max(1, (visitDays.get(c.id) ?? []).filter((d) => d <= c.first_signed).length),
    })),
  );
  const labels = await groupLabels(deps, principal, q.groupBy);
  const view = (row: MeetingCloseRow, key: string | null) => ({
    key,
    label: key === null ? null : (labels.get(key) ?? key),
    won: row.won,
    first: row.first,
    second: row.second,
    thirdPlus: row.thirdPlus,
    shares: row.shares,
    flags: row.flags,
  });
  const rows =
    q.groupBy === 'none'
      ? []
      : stats.rows
          .map((r) => view(r, r.group))
          .sort((a, b) => (a.label ?? '\uffff').localeCompare(b.label ?? '\uffff', 'zh-CN'));
  return {
    from,
    to,
    groupBy: q.groupBy,
    targets: { ...MEETING_CLOSE_TARGETS },
    total: view(stats.total, null),
    rows,
  };
}

/** Names of the groups: members' names, markets' names, class keys as they are. */
async function groupLabels(
  deps: Deps,
  principal: Principal,
  groupBy: (typeof MEETING_STATS_GROUPS)[number],
): Promise<Map<string, string>> {
  if (groupBy === 'member') {
    const rows = await deps.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['memberships.id', 'users.name'])
      .where('memberships.workspace_id', '=', principal.workspaceId)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  if (groupBy === 'market') {
    const rows = await deps.db
      .selectFrom('markets')
      .select(['id', 'name'])
      .where('workspace_id', '=', principal.workspaceId)
      .execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  return new Map();
}
