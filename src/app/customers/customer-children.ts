/**
 * Helpers for records that hang off one customer (consultations, next-visit plans): find
 * the customer within the caller's rights, and check ids in a body that must belong to it.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { visibleCustomers } from '../access.js';
import type { Principal } from '../context.js';
import { fieldError } from '../validation.js';
import type { CustomerRow } from './customer-schema.js';

/** The customer row if the caller may see it, else NOT_FOUND. */
export async function findVisibleCustomer(
  db: Kysely<Schema>,
  principal: Principal,
  customerId: string,
): Promise<CustomerRow> {
  const row = await visibleCustomers(db, principal)
    .selectAll('customers')
    .where('customers.id', '=', customerId)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'customer', id: customerId });
  return row;
}

const NOUNS = {
  contacts: { en: 'not a contact of this customer', zh: '不是这个客户的联系人' },
  visits: { en: 'not a visit to this customer', zh: '不是这个客户的拜访' },
  close_attempts: { en: 'not a close attempt with this customer', zh: '不是这个客户的逼单记录' },
} as const;

/** Throws VALIDATION.FAILED on `field` unless `id` is a row of `table` belonging to the customer. */
export async function checkCustomerChild(
  db: Kysely<Schema>,
  workspaceId: string,
  customerId: string,
  table: keyof typeof NOUNS,
  id: string | null | undefined,
  field: string,
): Promise<void> {
  if (!id) return;
  // The three tables share the columns used here; one query shape serves them all.
  const row = await db
    .selectFrom(table as 'contacts')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('customer_id', '=', customerId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw fieldError(field, NOUNS[table].en, NOUNS[table].zh);
}
