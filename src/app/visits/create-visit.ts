/** Use case: log a visit to a customer the caller can see (with its audit entry). */
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { checkVisitReferences } from './visit-references.js';
import { createVisitInput, toVisit, type Visit } from './visit-schema.js';

/** Logs a visit; the owner defaults to the caller. */
export async function createVisit(deps: Deps, principal: Principal, input: unknown): Promise<Visit> {
  const body = parseInput(createVisitInput, input);
  const ownerId = body.ownerId !== undefined ? body.ownerId : principal.membershipId;
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await checkVisitReferences(trx, principal, { customerId: body.customerId, ownerId });
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
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const visit = toVisit(row);
    await recordAudit(trx, deps, principal, {
      entity: 'visit',
      entityId: visit.id,
      action: 'create',
      after: visit,
    });
    return visit;
  });
}
