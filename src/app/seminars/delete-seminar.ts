/** Use case: delete a seminar (managers and leads) with its invitations, and its audit entry. */
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { toSeminar } from './seminar-schema.js';
import { findSeminar, requireOrganiser } from './seminar-store.js';

/** Deletes a seminar of the caller's workspace (invitations go with it); NOT_FOUND otherwise. */
export async function deleteSeminar(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findSeminar(trx, principal, id);
    requireOrganiser(principal);
    await trx
      .deleteFrom('seminar_invitations')
      .where('workspace_id', '=', principal.workspaceId)
      .where('seminar_id', '=', id)
      .execute();
    await trx
      .deleteFrom('seminars')
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, deps, principal, {
      entity: 'seminar',
      entityId: id,
      action: 'delete',
      before: toSeminar(row),
    });
  });
}
