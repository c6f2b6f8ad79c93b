/** Use case: create a follow-up for a customer the caller can see (with its audit entry). */

import { createFollowUpInput, type FollowUp } from '../../contract/follow-ups.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { toFollowUp } from './follow-up-schema.js';
import { checkFollowUpReferences } from './follow-up-store.js';

/** Creates a follow-up; the assignee defaults to the caller. */
export async function createFollowUp(deps: Deps, principal: Principal, input: unknown): Promise<FollowUp> {
  const body = parseInput(createFollowUpInput, input);
  const assigneeId = body.assigneeId !== undefined ? body.assigneeId : principal.membershipId;
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await checkFollowUpReferences(trx, principal, { customerId: body.customerId, assigneeId });
    const row = await trx
      .insertInto('follow_ups')
      .values({
        id: deps.newId(),
        workspace_id: principal.workspaceId,
        customer_id: body.customerId,
        assignee_id: assigneeId,
        due_on: body.dueOn,
        kind: body.kind,
        notes: body.notes ?? null,
        done: body.done ? 1 : 0,
        done_at: body.done ? now : null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const followUp = toFollowUp(row);
    await recordAudit(trx, deps, principal, {
      entity: 'follow_up',
      entityId: followUp.id,
      action: 'create',
      after: followUp,
    });
    return followUp;
  });
}
