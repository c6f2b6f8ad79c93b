/** Use case: withdraw an invitation, with its audit entry. */
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { toInvitation } from './seminar-schema.js';
import { findVisibleInvitation } from './seminar-store.js';

/** Deletes an invitation of a customer the caller may see; NOT_FOUND otherwise. */
export async function deleteInvitation(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findVisibleInvitation(trx, principal, id);
    await trx
      .deleteFrom('seminar_invitations')
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, deps, principal, {
      entity: 'seminar-invitation',
      entityId: id,
      action: 'delete',
      before: toInvitation(row),
    });
  });
}
