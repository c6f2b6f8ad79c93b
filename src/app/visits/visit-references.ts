/** Checks the customer and owner a caller names on a visit. */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { assignableMemberships } from '../access.js';
import type { Principal } from '../context.js';
import { checkVisibleCustomer } from '../customers/visible-customer.js';
import { fieldError } from '../validation.js';

/** Throws VALIDATION.FAILED on `customerId` / `ownerId` for a reference the caller may not use. */
export async function checkVisitReferences(
  db: Kysely<Schema>,
  principal: Principal,
  refs: { customerId?: string | undefined; ownerId?: string | null | undefined },
): Promise<void> {
  if (refs.customerId !== undefined) await checkVisibleCustomer(db, principal, refs.customerId);
  if (refs.ownerId && !(await assignableMemberships(db, principal)).has(refs.ownerId)) {
    throw fieldError('ownerId', 'not a member you can assign', '不是你可以指派的成员');
  }
}
