/** Use case: withdraw an invitation, with its audit entry. */
import type { Deps, Principal } from '../context.js';
import { invitations } from './seminar-store.js';

/** Deletes an invitation of a customer the caller may see; NOT_FOUND otherwise. */
export async function deleteInvitation(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await invitations.find(trx, principal, id);
    await invitations.removeAudited(trx, deps, principal, row);
  });
}
