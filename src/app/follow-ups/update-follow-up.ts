/** Use case: update a follow-up (including marking it done) under optimistic concurrency, with its audit entry. */

import { type FollowUp, updateFollowUpInput } from '../../contract/follow-ups.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { checkFollowUpReferences, followUps } from './follow-up-store.js';

/**
 * Applies the given fields if `version` is current, else CONFLICT.STALE; NOT_FOUND for a
 * follow-up the caller cannot see. Marking done stamps `doneAt`; reopening clears it.
 */
export async function updateFollowUp(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<FollowUp> {
  const { version, ...fields } = parseInput(updateFollowUpInput, input);
  const at = deps.clock();
  const now = at.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await followUps.find(trx, principal, id);
    // A stale form hears CONFLICT.STALE before any field error: so the version is
    // checked first (the guarded UPDATE below checks it again).
    followUps.requireVersion(before, version);
    await checkFollowUpReferences(trx, principal, fields);
    // `doneAt` moves only when `done` does: marking a done follow-up done again keeps it.
    const doneAt =
      fields.done === undefined || fields.done === (before.done === 1)
        ? {}
        : { done_at: fields.done ? now : null };
    const row = await followUps.updateVersioned(
      trx,
      { clock: () => at },
      principal,
      id,
      version,
      { ...followUps.columnsOf(fields), ...doneAt },
      before,
    );
    const after = followUps.toView(row);
    await followUps.audit(trx, deps, principal, 'update', id, { before: followUps.toView(before), after });
    return after;
  });
}
