/**
 * Helpers for records that hang off one customer (consultations, next-visit plans): check
 * ids in a body that must belong to it (finding the customer itself is
 * `requireVisibleCustomer`, in visible-customer.ts).
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { fieldError } from '../validation.js';

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
