/** Use case: plan a seminar (managers and leads), with its audit entry. */

import { createSeminarInput, type Seminar } from '../../contract/seminars.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { toSeminar } from './seminar-schema.js';
import { requireOrganiser } from './seminar-store.js';

/** Creates a seminar of the caller's workspace; AUTH.FORBIDDEN for assistants. */
export async function createSeminar(deps: Deps, principal: Principal, input: unknown): Promise<Seminar> {
  requireOrganiser(principal);
  const body = parseInput(createSeminarInput, input);
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('seminars')
      .values({
        id: deps.newId(),
        workspace_id: principal.workspaceId,
        title: body.title,
        held_on: body.heldOn,
        city: body.city ?? null,
        venue: body.venue ?? null,
        capacity: body.capacity,
        status: body.status ?? 'planned',
        notes: body.notes ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const seminar = toSeminar(row);
    await recordAudit(trx, deps, principal, {
      entity: 'seminar',
      entityId: seminar.id,
      action: 'create',
      after: seminar,
    });
    return seminar;
  });
}
