/** Use case: delete a close attempt logged by mistake, with what it set in motion that is still open. */
import type { Deps, Principal } from '../context.js';
import { closeAttempts } from './close-attempt-store.js';

/**
 * Deletes the attempt and the follow-ups and next-visit plans it created that are still
 * open (done ones are history and stay, unlinked); NOT_FOUND outside the caller's rights.
 */
export async function deleteCloseAttempt(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await closeAttempts.find(trx, principal, id);
    const followUps = await trx
      .deleteFrom('follow_ups')
      .where('workspace_id', '=', principal.workspaceId)
      .where('close_attempt_id', '=', id)
      .where('done', '=', 0)
      .returning('id')
      .execute();
    const plans = await trx
      .deleteFrom('next_visit_plans')
      .where('workspace_id', '=', principal.workspaceId)
      .where('source_id', '=', id)
      .where('source', 'in', ['stall', 'visit'])
      .where('status', '=', 'open')
      .returning('id')
      .execute();
    await closeAttempts.remove(trx, principal, id);
    // The entry names what went with the attempt, so the audit shows the whole undo.
    const before = {
      ...closeAttempts.toView(row),
      removedFollowUps: followUps.map((f) => f.id),
      removedNextVisitPlans: plans.map((p) => p.id),
    };
    await closeAttempts.audit(trx, deps, principal, 'delete', id, { before });
  });
}
