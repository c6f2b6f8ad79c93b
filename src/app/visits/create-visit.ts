/** Use case: log a visit to a customer the caller can see (with its audit entry). */

import { createVisitInput, type VisitWrite } from '../../contract/visits.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { lockMeetings, renumberMeetings, thirdMeetingWarnings } from './meeting-numbers.js';
import { checkVisitReferences } from './visit-references.js';
import { toVisit } from './visit-schema.js';

/**
 * Logs (status done, the default) or schedules (planned) a visit; the owner defaults to the
 * caller. The customer's meetings are renumbered in the same transaction, and a third or
 * later meeting meets the workspace's policy: a warning in `warnings`,
 * VISIT.THIRD_MEETING_REASON_REQUIRED without `thirdMeetingReason`, or VISIT.THIRD_MEETING_BLOCKED.
 */
export async function createVisit(deps: Deps, principal: Principal, input: unknown): Promise<VisitWrite> {
  const body = parseInput(createVisitInput, input);
  const ownerId = body.ownerId !== undefined ? body.ownerId : principal.membershipId;
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await checkVisitReferences(trx, principal, { customerId: body.customerId, ownerId });
    await lockMeetings(trx, principal.workspaceId, body.customerId);
    const row = await trx
      .insertInto('visits')
      .values({
        id: deps.newId(),
        workspace_id: principal.workspaceId,
        customer_id: body.customerId,
        owner_id: ownerId,
        visit_on: body.visitOn,
        attendees: JSON.stringify(body.attendees ?? []),
        purpose: body.purpose ?? null,
        outcome: body.outcome ?? null,
        notes: body.notes ?? null,
        next_step: body.nextStep ?? null,
        status: body.status ?? 'done',
        third_meeting_reason: body.thirdMeetingReason ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const numbers = await renumberMeetings(trx, principal.workspaceId, body.customerId);
    const meetingNumber = numbers.get(row.id) ?? null;
    const warnings = await thirdMeetingWarnings(trx, principal.workspaceId, {
      meetingNumber,
      reason: row.third_meeting_reason,
      entering: true,
    });
    const visit = toVisit({ ...row, meeting_number: meetingNumber ?? 0 });
    await recordAudit(trx, deps, principal, {
      entity: 'visit',
      entityId: visit.id,
      action: 'create',
      after: visit,
    });
    return { ...visit, warnings };
  });
}
