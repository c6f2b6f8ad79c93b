/** Use case: update a follow-up (including marking it done) under optimistic concurrency, with its audit entry. */

import { updateFollowUpInput } from '../../contract/follow-ups.js';
import { defineUpdate } from '../record-update.js';
import { checkFollowUpReferences, followUps } from './follow-up-store.js';

/**
 * Applies the given fields if `version` is current, else CONFLICT.STALE; NOT_FOUND for a
 * follow-up the caller cannot see. Marking done stamps `doneAt`; reopening clears it.
 */
export const updateFollowUp = defineUpdate(followUps, updateFollowUpInput, async (update) => {
  const { trx, deps, principal, before, fields } = update;
  // A stale form hears CONFLICT.STALE before any field error.
  update.requireVersion();
  await checkFollowUpReferences(trx, principal, fields);
  // One instant for the write's timestamp and `doneAt`.
  const at = deps.clock();
  // `doneAt` moves only when `done` does: marking a done follow-up done again keeps it.
  const doneAt =
    fields.done === undefined || fields.done === (before.done === 1)
      ? {}
      : { done_at: fields.done ? at.toISOString() : null };
  const row = await followUps.updateVersioned(
    trx,
    { clock: () => at },
    principal,
    before.id,
    update.version,
    { ...update.changes(), ...doneAt },
    before,
  );
  const after = followUps.toView(row);
  await followUps.audit(trx, deps, principal, 'update', before.id, {
    before: followUps.toView(before),
    after,
  });
  return after;
});
