/** Use case: invite customers to a seminar; a customer already invited is reported, not invited twice. */

import { type Invitation, inviteCustomersInput } from '../../contract/seminars.js';
import { visibleCustomers } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { fieldError, parseInput } from '../validation.js';
import { toInvitation } from './seminar-schema.js';
import { findSeminar } from './seminar-store.js';

/** What an invitation round did. */
export interface InviteResult {
  readonly invited: Invitation[];
  /** Customers named who already had an invitation to this seminar (left as they were). */
  readonly alreadyInvited: string[];
}

/**
 * Invites the named customers (each must be visible to the caller, else VALIDATION.FAILED
 * on `customerIds.<i>`); NOT_FOUND for a seminar of another workspace. Any member may invite.
 */
export async function inviteCustomers(
  deps: Deps,
  principal: Principal,
  seminarId: string,
  input: unknown,
): Promise<InviteResult> {
  return deps.db.transaction().execute(async (trx) => {
    await findSeminar(trx, principal, seminarId);
    const { customerIds } = parseInput(inviteCustomersInput, input);
    const visible = new Set(
      (
        await visibleCustomers(trx, principal)
          .select('customers.id')
          .where('customers.id', 'in', customerIds)
          .execute()
      ).map((r) => r.id),
    );
    customerIds.forEach((id, i) => {
      if (!visible.has(id)) throw fieldError(`customerIds.${i}`, 'unknown customer', '没有这个客户');
    });
    const existing = new Set(
      (
        await trx
          .selectFrom('seminar_invitations')
          .select('customer_id')
          .where('workspace_id', '=', principal.workspaceId)
          .where('seminar_id', '=', seminarId)
          .where('customer_id', 'in', customerIds)
          .execute()
      ).map((r) => r.customer_id),
    );
    const alreadyInvited: string[] = [];
    const invited: Invitation[] = [];
    const now = deps.clock().toISOString();
    for (const customerId of new Set(customerIds)) {
      if (existing.has(customerId)) {
        alreadyInvited.push(customerId);
        continue;
      }
      const row = await trx
        .insertInto('seminar_invitations')
        .values({
          id: deps.newId(),
          workspace_id: principal.workspaceId,
          seminar_id: seminarId,
          customer_id: customerId,
          invited_by: principal.membershipId,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const invitation = toInvitation(row);
      invited.push(invitation);
      await recordAudit(trx, deps, principal, {
        entity: 'seminar-invitation',
        entityId: invitation.id,
        action: 'create',
        after: invitation,
      });
    }
    return { invited, alreadyInvited };
  });
}
