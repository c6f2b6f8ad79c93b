/** Use case: update a visit under optimistic concurrency, with its audit entry. */

import { updateVisitInput, type VisitWrite } from '../../contract/visits.js';
import { countsAsMeeting } from '../../domain/method/meetings.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { lockMeetings, renumberMeetings, thirdMeetingWarnings } from './meeting-numbers.js';
import { checkVisitReferences, visits } from './visit-store.js';

/**
 * Applies the given fields if `version` is current, else CONFLICT.STALE; NOT_FOUND for a
 * visit the caller cannot see. A change of date, status or customer renumbers the
 * customer's (both customers') meetings; a visit that becomes a third or later meeting
 * meets the workspace's policy as when it is logged.
 */
export async function updateVisit(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<VisitWrite> {
  const { version, ...fields } = parseInput(updateVisitInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await visits.find(trx, principal, id);
    // A stale form hears CONFLICT.STALE before any field error: so the version is
    // checked first (the guarded UPDATE below checks it again).
    visits.requireVersion(before, version);
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
      version,
      visits.columnsOf(fields),
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
}
