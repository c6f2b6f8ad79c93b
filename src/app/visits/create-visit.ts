/** Use case: log a visit to a customer the caller can see (with its audit entry). */

import { createVisitInput, type VisitWrite } from '../../contract/visits.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { lockMeetings, renumberMeetings, thirdMeetingWarnings } from './meeting-numbers.js';
import { checkVisitReferences, newVisitValues, visits } from './visit-store.js';

/**
 * Logs (status done, the default) or schedules (planned) a visit; the owner defaults to the
 * caller. The customer's meetings are renumbered in the same transaction (under the
 * customer's lock, taken once before the insert), and a third or later meeting meets the
 * workspace's policy: a warning in `warnings`, VISIT.THIRD_MEETING_REASON_REQUIRED without
 * `thirdMeetingReason`, or VISIT.THIRD_MEETING_BLOCKED.
 */
export async function createVisit(deps: Deps, principal: Principal, input: unknown): Promise<VisitWrite> {
  const body = parseInput(createVisitInput, input);
  const values = newVisitValues(principal, body);
  return deps.db.transaction().execute(async (trx) => {
    await checkVisitReferences(trx, principal, { customerId: body.customerId, ownerId: values.owner_id });
    await lockMeetings(trx, principal.workspaceId, body.customerId);
    const row = await visits.insert(trx, deps, principal, values);
    const numbers = await renumberMeetings(trx, principal.workspaceId, body.customerId);
    const meetingNumber = numbers.get(row.id) ?? null;
    const warnings = await thirdMeetingWarnings(trx, principal.workspaceId, {
      meetingNumber,
      reason: row.third_meeting_reason,
      entering: true,
    });
    const visit = visits.toView({ ...row, meeting_number: meetingNumber ?? 0 });
    await visits.audit(trx, deps, principal, 'create', visit.id, { after: visit });
    return { ...visit, warnings };
  });
}
