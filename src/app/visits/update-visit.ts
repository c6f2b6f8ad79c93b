/** Use case: update a visit under optimistic concurrency, with its audit entry. */

import { updateVisitInput, type VisitWrite } from '../../contract/visits.js';
import { AppError } from '../../domain/errors.js';
import { countsAsMeeting } from '../../domain/method/meetings.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { findVisibleVisit } from './get-visit.js';
import { lockMeetings, renumberMeetings, thirdMeetingWarnings } from './meeting-numbers.js';
import { checkVisitReferences } from './visit-references.js';
import { toVisit } from './visit-schema.js';

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
    const before = await findVisibleVisit(trx, principal, id);
    if (before.version !== version) {
      throw new AppError('CONFLICT.STALE', { entity: 'visit', id, version, currentVersion: before.version });
    }
    await checkVisitReferences(trx, principal, fields);
    // Both customers in id order, so two moves in opposite directions cannot deadlock.
    for (const customerId of [
      ...new Set([before.customer_id, fields.customerId ?? before.customer_id]),
    ].sort()) {
      await lockMeetings(trx, principal.workspaceId, customerId);
    }
    const result = await trx
      .updateTable('visits')
      .set({
        ...(fields.customerId !== undefined ? { customer_id: fields.customerId } : {}),
        ...(fields.ownerId !== undefined ? { owner_id: fields.ownerId } : {}),
        ...(fields.visitOn !== undefined ? { visit_on: fields.visitOn } : {}),
        ...(fields.attendees !== undefined ? { attendees: JSON.stringify(fields.attendees) } : {}),
        ...(fields.purpose !== undefined ? { purpose: fields.purpose } : {}),
        ...(fields.outcome !== undefined ? { outcome: fields.outcome } : {}),
        ...(fields.notes !== undefined ? { notes: fields.notes } : {}),
        ...(fields.nextStep !== undefined ? { next_step: fields.nextStep } : {}),
        ...(fields.status !== undefined ? { status: fields.status } : {}),
        ...(fields.thirdMeetingReason !== undefined
          ? { third_meeting_reason: fields.thirdMeetingReason }
          : {}),
        updated_at: deps.clock().toISOString(),
        version: version + 1,
      })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      // The version guard makes a concurrent writer that read the same version lose here.
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!result) throw new AppError('CONFLICT.STALE', { entity: 'visit', id, version });
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
    const after = toVisit({ ...result, meeting_number: meetingNumber ?? 0 });
    await recordAudit(trx, deps, principal, {
      entity: 'visit',
      entityId: id,
      action: 'update',
      before: toVisit(before),
      after,
    });
    return { ...after, warnings };
  });
}
