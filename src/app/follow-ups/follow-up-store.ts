/** Finding a visible follow-up and checking what it refers to. */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { assignableMemberships } from '../access.js';
import type { Principal } from '../context.js';
import { checkVisibleCustomer, visibleCustomerIds } from '../customers/visible-customer.js';
import { fieldError } from '../validation.js';
import type { FollowUpRow } from './follow-up-schema.js';

/** Throws VALIDATION.FAILED on `customerId` / `assigneeId` for a reference the caller may not use. */
export async function checkFollowUpReferences(
  db: Kysely<Schema>,
  principal: Principal,
  refs: { customerId?: string | undefined; assigneeId?: string | null | undefined },
): Promise<void> {
  if (refs.customerId !== undefined) await checkVisibleCustomer(db, principal, refs.customerId);
  if (refs.assigneeId && !(await assignableMemberships(db, principal)).has(refs.assigneeId)) {
    throw fieldError('assigneeId', 'not a member you can assign', '不是你可以指派的成员');
  }
}

/** The row of a follow-up whose customer the caller may see, or NOT_FOUND. */
export async function findVisibleFollowUp(
  db: Kysely<Schema>,
  principal: Principal,
  id: string,
): Promise<FollowUpRow> {
  const row = await db
    .selectFrom('follow_ups')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('id', '=', id)
    .where('customer_id', 'in', visibleCustomerIds(db, principal))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'follow_up', id });
  return row;
}
