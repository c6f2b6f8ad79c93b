/** Use case: update a visit under optimistic concurrency, with its audit entry. */

import { updateVisitInput, type VisitWrite } from '../../contract/visits.js';
import { countsAsMeeting } from '../../domain/method/meetings.js';
import { defineUpdate } from '../record-update.js';
import { lockMeetings, renumberMeetings, thirdMeetingWarnings } from './meeting-numbers.js';
import { checkVisitReferences, visits } from './visit-store.js';

/**
 * Applies the given fields if `version` is current, else CONFLICT.STALE; NOT_FOUND for a
 * visit the caller cannot see. A change of date, status or customer renumbers the
 * customer's (both customers') meetings; a visit that becomes a third or later meeting
 * meets the workspace's policy as when it is logged.
 */
export const updateVisit = defineUpdate(visits, updateVisitInput, async (update): Promise<VisitWrite> => {
  const { trx, deps, principal, before, fields } = update;
  const id = before.id;
  // A stale form hears CONFLICT.STALE before any field error.
  update.requireVersion();
  await checkVisitReferences(trx, principal, fields);
  // Both customers in id order, so two moves in opposite directions cannot deadlock.
  for (const customerId of [
    ...new Set([before.customer_id, fields.customerId ?? before.customer_id]),
  ].sort()) {
    await lockMeetings(trx, principal.workspaceId, customerId);
  }
  const result = await visits.updateVersioned(
    trx,
    deps,
    principal,
    id,
    update.version,
    update.changes(),
    before,
  );
  const numbers = await renumberMeetings(trx, principal.workspaceId, result.customer_id);
  if (result.customer_id !== before.customer_id) {
    await renumberMeetings(trx, principal.workspaceId, before.customer_id);
  }
  const meetingNumber = numbers.get(id) ?? null;
  const wasMeeting = countsAsMeeting(before.status) && before.meeting_number >= 3;
  const warnings = await thirdMeetingWarnings(trx, principal.workspaceId, {
    meetingNumber,
    reason: result.third_meeting_reason,
    entering: !wasMeeting || result.customer_id !== before.customer_id,
  });
  const after = visits.toView({ ...result, meeting_number: meetingNumber ?? 0 });
  await visits.audit(trx, deps, principal, 'update', id, { before: visits.toView(before), after });
  return { ...after, warnings };
});
