/** Use case: update a follow-up (including marking it done) under optimistic concurrency, with its audit entry. */

import { type FollowUp, updateFollowUpInput } from '../../contract/follow-ups.js';
import { AppError } from '../../domain/errors.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { toFollowUp } from './follow-up-schema.js';
import { checkFollowUpReferences, findVisibleFollowUp } from './follow-up-store.js';

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
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await findVisibleFollowUp(trx, principal, id);
    if (before.version !== version) {
      throw new AppError('CONFLICT.STALE', {
        entity: 'follow_up',
        id,
        version,
        currentVersion: before.version,
      });
    }
    await checkFollowUpReferences(trx, principal, fields);
    const doneChange =
      fields.done === undefined || fields.done === (before.done === 1)
        ? {}
        : { done: fields.done ? 1 : 0, done_at: fields.done ? now : null };
    const result = await trx
      .updateTable('follow_ups')
      .set({
        ...(fields.customerId !== undefined ? { customer_id: fields.customerId } : {}),
        ...(fields.assigneeId !== undefined ? { assignee_id: fields.assigneeId } : {}),
        ...(fields.dueOn !== undefined ? { due_on: fields.dueOn } : {}),
        ...(fields.kind !== undefined ? { kind: fields.kind } : {}),
        ...(fields.notes !== undefined ? { notes: fields.notes } : {}),
        ...doneChange,
        updated_at: now,
        version: version + 1,
      })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      // The version guard makes a concurrent writer that read the same version lose here.
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!result) throw new AppError('CONFLICT.STALE', { entity: 'follow_up', id, version });
    const after = toFollowUp(result);
    await recordAudit(trx, deps, principal, {
      entity: 'follow_up',
      entityId: id,
      action: 'update',
      before: toFollowUp(before),
      after,
    });
    return after;
  });
}
