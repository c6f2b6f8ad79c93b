/** Use case: a manager adds a custom objection or stall to the catalog. */
import { createObjectionTypeInput, type ObjectionTypeView } from '../../contract/method.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../domain/errors.js';
import { BUILT_IN_OBJECTION_KEYS } from '../../domain/method/objections.js';
import { requireManager } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { fieldError, parseInput } from '../validation.js';
import { loadCatalog, toObjectionType, withReplyIds } from './objection-store.js';

/** Adds the entry; a key already in the catalog (built-in or custom) is OBJECTION.KEY_TAKEN. */
export async function createObjectionType(
  deps: Deps,
  principal: Principal,
  input: unknown,
): Promise<ObjectionTypeView> {
  requireManager(principal);
  const body = parseInput(createObjectionTypeInput, input);
  if ((BUILT_IN_OBJECTION_KEYS as readonly string[]).includes(body.key)) {
    throw new AppError('OBJECTION.KEY_TAKEN', { key: body.key });
  }
  const given = withReplyIds(body.key, body.replies, deps.newId);
  if (given.duplicate !== null) {
    throw fieldError(`replies.${given.duplicate}.id`, 'this reply id is used twice', '话术编号重复了');
  }
  const now = deps.clock().toISOString();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('objection_types')
        .values({
          id: deps.newId(),
          workspace_id: principal.workspaceId,
          key: body.key,
          kind: body.kind,
          label_zh: body.labelZh,
          label_en: body.labelEn,
          replies: JSON.stringify(given.replies),
          archived: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const entry = (await loadCatalog(trx, principal.workspaceId)).find((e) => e.key === body.key);
      if (!entry) throw new AppError('NOT_FOUND', { entity: 'objection_type', id: body.key });
      const view = toObjectionType(entry);
      await recordAudit(trx, deps, principal, {
        entity: 'objection_type',
        entityId: body.key,
        action: 'create',
        after: view,
      });
      return view;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('OBJECTION.KEY_TAKEN', { key: body.key });
    throw error;
  }
}
