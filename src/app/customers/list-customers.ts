/**
 * Use case: list the customers the caller may see — filters, a search, an allow-list of
 * sort fields and keyset (cursor) pagination, which stays fast and stable however deep
 * the page and whatever is inserted meanwhile. Each row carries the two numbers a
 * salesperson scans the list for: meetings so far (the third-meeting rule) and overdue
 * follow-ups.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import {
  type Customer,
  type CustomerListItem,
  type CustomerSort,
  listCustomersQuery,
} from '../../contract/customers.js';
import { visibleCustomers } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { decodeCursor, encodeCursor, type Page } from '../pagination.js';
import { parseInput } from '../validation.js';
import { isMeeting } from '../visits/meetings-sql.js';
import { workspaceToday } from '../workspace/workspace-today.js';
import { withCounts } from './customer-counts.js';
import { customers } from './customer-store.js';

/** The column of each sortable field (the contract's CUSTOMER_SORTS). */
const SORT_COLUMNS = {
  name: 'name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  class: 'class',
  status: 'status',
} as const satisfies Record<CustomerSort, string>;

/** One page of customers; `nextCursor` is null on the last page. */
export type CustomerPage = Page<CustomerListItem>;

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Lists customers visible to the caller, each with its meeting and overdue counts. */
export async function listCustomers(deps: Deps, principal: Principal, query: unknown): Promise<CustomerPage> {
  const p = parseInput(listCustomersQuery, query);
  const { today } = await workspaceToday(deps.db, deps, principal.workspaceId);
  const { page, nextCursor } = await customerRows(deps, principal, p, today);
  return { items: await withCounts(deps.db, principal.workspaceId, page, today), nextCursor };
}

/** The same pages without the counts: for exports, which page through every customer and show none. */
export async function listCustomerRecords(
  deps: Deps,
  principal: Principal,
  query: unknown,
): Promise<Page<Customer>> {
  const p = parseInput(listCustomersQuery, query);
  const today =
    p.overdue === undefined ? '' : (await workspaceToday(deps.db, deps, principal.workspaceId)).today;
  const { page, nextCursor } = await customerRows(deps, principal, p, today);
  return { items: page.map(customers.toView), nextCursor };
}

/** One page of customer rows after the filters, the search and the cursor; `today` serves the overdue filter. */
async function customerRows(
  deps: Deps,
  principal: Principal,
  p: z.output<typeof listCustomersQuery>,
  today: string,
) {
  const column = SORT_COLUMNS[p.sort];
  let q = visibleCustomers(deps.db, principal).selectAll('customers');
  if (p.class) q = q.where('customers.class', '=', p.class);
  if (p.status) q = q.where('customers.status', '=', p.status);
  if (p.marketId) q = q.where('customers.market_id', '=', p.marketId);
  if (p.ownerId) q = q.where('customers.owner_id', '=', p.ownerId);
  if (p.overdue !== undefined) {
    const wanted = p.overdue;
    q = q.where((eb) => {
      // Built on the outer query's builder so that it may refer to `customers.id`.
      const overdue = eb.exists(
        eb
          .selectFrom('follow_ups')
          .select('follow_ups.id')
          .where('follow_ups.workspace_id', '=', principal.workspaceId)
          .whereRef('follow_ups.customer_id', '=', 'customers.id')
          .where('follow_ups.done', '=', 0)
          .where('follow_ups.due_on', '<', today),
      );
      return wanted ? overdue : eb.not(overdue);
    });
  }
  if (p.minMeetings !== undefined) {
    const atLeast = p.minMeetings;
    // The same count as the rows' `meetings` (isMeeting), correlated with the outer row.
    q = q.where(
      (eb) =>
        eb
          .selectFrom('visits')
          .select((inner) => inner.fn.countAll().as('n'))
          .where('visits.workspace_id', '=', principal.workspaceId)
          .whereRef('visits.customer_id', '=', 'customers.id')
          .where(isMeeting),
      '>=',
      atLeast,
    );
  }
  if (p.q) {
    const pattern = likePattern(p.q);
    // ESCAPE is explicit: SQLite has no default escape character for LIKE.
    const matches = (c: 'name' | 'company' | 'city') =>
      sql<boolean>`lower(coalesce(${sql.ref(`customers.${c}`)}, '')) like ${pattern} escape '\\'`;
    q = q.where(({ or }) => or([matches('name'), matches('company'), matches('city')]));
  }
  if (p.cursor) {
    const cursor = decodeCursor(p.cursor);
    const op = p.order === 'asc' ? '>' : '<';
    q = q.where(({ eb, or, and }) =>
      or([
        eb(`customers.${column}`, op, cursor.v),
        and([eb(`customers.${column}`, '=', cursor.v), eb('customers.id', op, cursor.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy(`customers.${column}`, p.order)
    .orderBy('customers.id', p.order)
    .limit(p.limit + 1)
    .execute();
  const page = rows.slice(0, p.limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > p.limit && last ? encodeCursor({ v: String(last[column]), id: last.id }) : null;
  return { page, nextCursor };
}
