/** Use case: delete a follow-up, with its audit entry. */
import type { Deps, Principal } from '../context.js';
import { followUps } from './follow-up-store.js';

/** Deletes a follow-up whose customer the caller can see; NOT_FOUND otherwise. */
export async function deleteFollowUp(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await followUps.find(trx, principal, id);
    await followUps.removeAudited(trx, deps, principal, row);
  });
}
