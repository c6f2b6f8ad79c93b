/** Use case: delete a seminar (managers and leads) with its invitations, and its audit entry. */
import type { Deps, Principal } from '../context.js';
import { requireOrganiser, seminars } from './seminar-store.js';

/** Deletes a seminar of the caller's workspace (invitations go with it); NOT_FOUND otherwise. */
export async function deleteSeminar(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await seminars.find(trx, principal, id);
    requireOrganiser(principal);
    await trx
      .deleteFrom('seminar_invitations')
      .where('workspace_id', '=', principal.workspaceId)
      .where('seminar_id', '=', id)
      .execute();
    await seminars.removeAudited(trx, deps, principal, row);
  });
}
