/**
 * Records that belong to a customer (contacts, visits, deals, follow-ups) are visible
 * exactly when their customer is: these helpers scope them and check a named customer —
 * named in a body (a field error) or in the URL (NOT_FOUND, with the row).
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { visibleCustomers } from '../access.js';
import type { Principal } from '../context.js';
import { fieldError } from '../validation.js';
import { type CustomerRow, customers } from './customer-store.js';

/** Subquery of the ids of the customers the caller may see. */
export function visibleCustomerIds(db: Kysely<Schema>, principal: Principal) {
  return visibleCustomers(db, principal).select('customers.id');
}

/** Throws VALIDATION.FAILED on `customerId` when the caller cannot see that customer. */
export async function checkVisibleCustomer(
  db: Kysely<Schema>,
  principal: Principal,
  customerId: string,
): Promise<void> {
  const visible = await visibleCustomerIds(db, principal)
    .where('customers.id', '=', customerId)
    .executeTakeFirst();
  if (!visible) {
    throw fieldError('customerId', 'unknown customer', '没有这个客户');
  }
}

/**
 * The customer named in a URL, when the caller may see it; NOT_FOUND otherwise (another
 * workspace's, or outside a lead's or assistant's book), so that a customer's sub-resources
 * answer exactly as the customer itself would: the customer store's own find. Callers that
 * only guard may ignore the row.
 */
export function requireVisibleCustomer(
  db: Kysely<Schema>,
  principal: Principal,
  customerId: string,
): Promise<CustomerRow> {
  return customers.find(db, principal, customerId);
}
