/** Use case: the invitations of a seminar to customers the caller may see. */

import type { Invitation } from '../../contract/seminars.js';
import type { Deps, Principal } from '../context.js';
import { visibleCustomerIds } from '../customers/visible-customer.js';
import { invitations, seminars } from './seminar-store.js';

/** Invitations of the seminar (NOT_FOUND outside the workspace), oldest first; only visible customers. */
export async function listInvitations(
  deps: Deps,
  principal: Principal,
  seminarId: string,
): Promise<Invitation[]> {
  await seminars.find(deps.db, principal, seminarId);
  const rows = await deps.db
    .selectFrom('seminar_invitations')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('seminar_id', '=', seminarId)
    .where('customer_id', 'in', visibleCustomerIds(deps.db, principal))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(invitations.toView);
}
