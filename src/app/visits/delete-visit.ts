/** Use case: delete a visit, with its audit entry. */
import type { Deps, Principal } from '../context.js';
import { lockMeetings, renumberMeetings } from './meeting-numbers.js';
import { visits } from './visit-store.js';

/** Deletes a visit whose customer the caller can see (the customer's later meetings move up one); NOT_FOUND otherwise. */
export async function deleteVisit(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await visits.find(trx, principal, id);
    await lockMeetings(trx, principal.workspaceId, row.customer_id);
    await visits.remove(trx, principal, id);
    await renumberMeetings(trx, principal.workspaceId, row.customer_id);
    await visits.audit(trx, deps, principal, 'delete', id, { before: visits.toView(row) });
  });
}
