/** Use case: a manager edits an entry of the objection catalog (labels, replies, archived). */
import { type ObjectionTypeView, updateObjectionTypeInput } from '../../contract/method.js';
import { AppError } from '../../domain/errors.js';
import { requireManager } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { fieldError, parseInput } from '../validation.js';
import { loadCatalog, toObjectionType, withReplyIds } from './objection-store.js';

/**
 * Applies the edit. Editing a built-in entry the first time creates the workspace's row that
 * replaces it (its kind stays); later edits carry the row's version (stale → CONFLICT.STALE).
 * An unknown key is NOT_FOUND.
 */
export async function updateObjectionType(
  deps: Deps,
  principal: Principal,
  key: string,
  input: unknown,
): Promise<ObjectionTypeView> {
  requireManager(principal);
  const body = parseInput(updateObjectionTypeInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const catalog = await loadCatalog(trx, principal.workspaceId);
    const entry = catalog.find((e) => e.key === key);
    if (!entry) throw new AppError('NOT_FOUND', { entity: 'objection_type', id: key });
    let replies = entry.replies;
    if (body.replies) {
      const given = withReplyIds(key, body.replies, deps.newId);
      if (given.duplicate !== null) {
        throw fieldError(`replies.${given.duplicate}.id`, 'this reply id is used twice', '话术编号重复了');
      }
      replies = given.replies;
    }
    const now = deps.clock().toISOString();
    const values = {
      label_zh: body.labelZh ?? entry.labelZh,
      label_en: body.labelEn ?? entry.labelEn,
      replies: JSON.stringify(replies),
      archived: (body.archived ?? entry.archived) ? 1 : 0,
    };
    if (entry.version === null) {
      // An unedited built-in entry: the workspace's first edit creates the replacing row.
      await trx
        .insertInto('objection_types')
        .values({
          id: deps.newId(),
          workspace_id: principal.workspaceId,
          key,
          kind: entry.kind,
          ...values,
          created_at: now,
          updated_at: now,
        })
        .execute();
    } else {
      if (body.version === undefined) {
        throw fieldError('version', 'send the version you read', '请带上读取时的版本号');
      }
      const updated = await trx
        .updateTable('objection_types')
        .set({ ...values, updated_at: now, version: body.version + 1 })
        .where('workspace_id', '=', principal.workspaceId)
        .where('key', '=', key)
        .where('version', '=', body.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) {
        throw new AppError('CONFLICT.STALE', {
          entity: 'objection_type',
          id: key,
          version: body.version,
          currentVersion: entry.version,
        });
      }
    }
    const after = (await loadCatalog(trx, principal.workspaceId)).find((e) => e.key === key);
    if (!after) throw new AppError('NOT_FOUND', { entity: 'objection_type', id: key });
    const view = toObjectionType(after);
    await recordAudit(trx, deps, principal, {
      entity: 'objection_type',
      entityId: key,
      action: entry.version === null ? 'create' : 'update',
      before: toObjectionType(entry),
      after: view,
    });
    return view;
  });
}
