/**
 * Use case: invite customers to a seminar; a customer already invited is reported, not
 * invited twice, also when two rounds run at once.
 */

import { type Invitation, inviteCustomersInput } from '../../contract/seminars.js';
import { visibleCustomers } from '../access.js';
import { recordAudits } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { fieldError, parseInput } from '../validation.js';
import { invitations, seminars } from './seminar-store.js';

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
    await seminars.find(trx, principal, seminarId);
    const { customerIds } = parseInput(inviteCustomersInput, input);
    // Two rounds at once (two colleagues, a double tap) each read who is invited already:
    // one after the other, the second reports the first's as already invited, never a
    // violation of the (seminar, customer) key.
    await seminars.lock(trx, principal.workspaceId, seminarId);
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
    const named = [...new Set(customerIds)];
    const alreadyInvited = named.filter((customerId) => existing.has(customerId));
    const toInvite = named
      .filter((customerId) => !existing.has(customerId))
      .map((customerId) => ({ id: deps.newId(), customerId }));
    const rows = await invitations.insertMany(
      trx,
      deps,
      principal,
      toInvite.map(({ id, customerId }) => ({
        id,
        seminar_id: seminarId,
        customer_id: customerId,
        invited_by: principal.membershipId,
      })),
    );
    // In the order the customers were named (RETURNING promises none).
    const byId = new Map(rows.map((row) => [row.id, invitations.toView(row)]));
    const invited = toInvite.flatMap(({ id }) => byId.get(id) ?? []);
    await recordAudits(
      trx,
      deps,
      principal,
      invited.map((invitation) => ({
        entity: invitations.entity,
        entityId: invitation.id,
        action: 'create' as const,
        after: invitation,
      })),
    );
    return { invited, alreadyInvited };
  });
}
