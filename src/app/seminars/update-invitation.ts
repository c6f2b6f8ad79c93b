/** Use case: record an invitation's answer (RSVP) and attendance, under optimistic concurrency. */

import { type Invitation, updateInvitationInput } from '../../contract/seminars.js';
import { AppError } from '../../domain/errors.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { workspaceToday } from '../workspace/workspace-today.js';
import { toInvitation } from './seminar-schema.js';
import { findVisibleInvitation } from './seminar-store.js';

/**
 * Sets `rsvp` and/or `attended`. Attendance can only be recorded from the seminar's date
 * on (SEMINAR.NOT_YET_HELD otherwise): nobody attends an event that has not happened.
 * Stale `version` → CONFLICT.STALE; an invitation of an invisible customer → NOT_FOUND.
 */
export async function updateInvitation(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<Invitation> {
  const { version, ...fields } = parseInput(updateInvitationInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findVisibleInvitation(trx, principal, id);
    if (before.version !== version) {
      throw new AppError('CONFLICT.STALE', {
        entity: 'seminar-invitation',
        id,
        version,
        currentVersion: before.version,
      });
    }
    if (fields.attended === true) {
      const seminar = await trx
        .selectFrom('seminars')
        .select('held_on')
        .where('workspace_id', '=', principal.workspaceId)
        .where('id', '=', before.seminar_id)
        .executeTakeFirstOrThrow();
      const { today } = await workspaceToday(trx, deps, principal.workspaceId);
      if (today < seminar.held_on) throw new AppError('SEMINAR.NOT_YET_HELD', { heldOn: seminar.held_on });
    }
    const result = await trx
      .updateTable('seminar_invitations')
      .set({
        ...(fields.rsvp !== undefined ? { rsvp: fields.rsvp } : {}),
        ...(fields.attended !== undefined ? { attended: fields.attended ? 1 : 0 } : {}),
        updated_at: deps.clock().toISOString(),
        version: version + 1,
      })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!result) throw new AppError('CONFLICT.STALE', { entity: 'seminar-invitation', id, version });
    const after = toInvitation(result);
    await recordAudit(trx, deps, principal, {
      entity: 'seminar-invitation',
      entityId: id,
      action: 'update',
      before: toInvitation(before),
      after,
    });
    return after;
  });
}
