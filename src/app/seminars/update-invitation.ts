/** Use case: record an invitation's answer (RSVP) and attendance, under optimistic concurrency. */

import { updateInvitationInput } from '../../contract/seminars.js';
import { AppError } from '../../domain/errors.js';
import { defineUpdate } from '../record-update.js';
import { workspaceToday } from '../workspace/workspace-today.js';
import { invitations, seminars } from './seminar-store.js';

/**
 * Sets `rsvp` and/or `attended`. Attendance can only be recorded from the seminar's date
 * on (SEMINAR.NOT_YET_HELD otherwise): nobody attends an event that has not happened.
 * Stale `version` → CONFLICT.STALE; an invitation of an invisible customer → NOT_FOUND.
 */
export const updateInvitation = defineUpdate(invitations, updateInvitationInput, async (update) => {
  const { trx, deps, principal, before } = update;
  // A stale form hears CONFLICT.STALE before the seminar's date is checked.
  update.requireVersion();
  if (update.fields.attended === true) {
    const seminar = await seminars.find(trx, principal, before.seminar_id);
    const { today } = await workspaceToday(trx, deps, principal.workspaceId);
    if (today < seminar.held_on) throw new AppError('SEMINAR.NOT_YET_HELD', { heldOn: seminar.held_on });
  }
  return update.save();
});
