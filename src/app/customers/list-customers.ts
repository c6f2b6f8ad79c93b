/**
 * Use case: list the customers the caller may see — filters, a search, an allow-list of
 * sort fields and keyset (cursor) pagination, which stays fast and stable however deep
 * the page and whatever is inserted meanwhile.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import { visibleCustomers } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { decodeCursor, encodeCursor, type Page } from '../pagination.js';
import { parseInput } from '../validation.js';
import { CUSTOMER_CLASSES, CUSTOMER_STATUSES, type Customer, toCustomer } from './customer-schema.js';

/** Sortable fields and their columns: anything else is rejected. */
const SORT_COLUMNS = {
  name: 'name',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  class: 'class',
  status: 'status',
} as const;

/** Query of "list customers". */
export const listCustomersQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  class: z.enum(CUSTOMER_CLASSES).optional(),
  status: z.enum(CUSTOMER_STATUSES).optional(),
  marketId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  sort: z.enum(Object.keys(SORT_COLUMNS) as [keyof typeof SORT_COLUMNS]).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

/** One page of customers; `nextCursor` is null on the last page. */
export type CustomerPage = Page<Customer>;

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Lists customers visible to the caller. */
export async function listCustomers(deps: Deps, principal: Principal, query: unknown): Promise<CustomerPage> {
  const p = parseInput(listCustomersQuery, query);
  const column = SORT_COLUMNS[p.sort];
  let q = visibleCustomers(deps.db, principal).selectAll('customers');
  if (p.class) q = q.where('customers.class', '=', p.class);
  if (p.status) q = q.where('customers.status', '=', p.status);
  if (p.marketId) q = q.where('customers.market_id', '=', p.marketId);
  if (p.ownerId) q = q.where('customers.owner_id', '=', p.ownerId);
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
  return {
    items: page.map(toCustomer),
    nextCursor: rows.length > p.limit && last ? encodeCursor({ v: String(last[column]), id: last.id }) : null,
  };
}
