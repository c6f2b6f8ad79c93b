/** Use case: change a seminar (managers and leads) under optimistic concurrency, with its audit entry. */

import { type Seminar, updateSeminarInput } from '../../contract/seminars.js';
import { AppError } from '../../domain/errors.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { toSeminar } from './seminar-schema.js';
import { findSeminar, requireOrganiser } from './seminar-store.js';

/** Applies the given fields if `version` is current, else CONFLICT.STALE; NOT_FOUND outside the workspace. */
export async function updateSeminar(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<Seminar> {
  const { version, ...fields } = parseInput(updateSeminarInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findSeminar(trx, principal, id);
    requireOrganiser(principal);
    if (before.version !== version) {
      throw new AppError('CONFLICT.STALE', {
        entity: 'seminar',
        id,
        version,
        currentVersion: before.version,
      });
    }
    const result = await trx
      .updateTable('seminars')
      .set({
        ...(fields.title !== undefined ? { title: fields.title } : {}),
        ...(fields.heldOn !== undefined ? { held_on: fields.heldOn } : {}),
        ...(fields.city !== undefined ? { city: fields.city } : {}),
        ...(fields.venue !== undefined ? { venue: fields.venue } : {}),
        ...(fields.capacity !== undefined ? { capacity: fields.capacity } : {}),
        ...(fields.status !== undefined ? { status: fields.status } : {}),
        ...(fields.notes !== undefined ? { notes: fields.notes } : {}),
        updated_at: deps.clock().toISOString(),
        version: version + 1,
      })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!result) throw new AppError('CONFLICT.STALE', { entity: 'seminar', id, version });
    const after = toSeminar(result);
    await recordAudit(trx, deps, principal, {
      entity: 'seminar',
      entityId: id,
      action: 'update',
      before: toSeminar(before),
      after,
    });
    return after;
  });
}
