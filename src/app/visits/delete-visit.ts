/** Use case: delete a visit, with its audit entry. */
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { findVisibleVisit } from './get-visit.js';
import { lockMeetings, renumberMeetings } from './meeting-numbers.js';
import { toVisit } from './visit-schema.js';

/** Deletes a visit whose customer the caller can see (the customer's later meetings move up one); NOT_FOUND otherwise. */
export async function deleteVisit(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findVisibleVisit(trx, principal, id);
    await lockMeetings(trx, principal.workspaceId, row.customer_id);
    await trx
      .deleteFrom('visits')
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .execute();
    await renumberMeetings(trx, principal.workspaceId, row.customer_id);
    await recordAudit(trx, deps, principal, {
      entity: 'visit',
      entityId: id,
      action: 'delete',
      before: toVisit(row),
    });
  });
}
