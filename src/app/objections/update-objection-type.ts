/** Use case: a manager edits an entry of the objection catalog (labels, replies, archived). */
import { type ObjectionTypeView, updateObjectionTypeInput } from '../../contract/method.js';
import { AppError } from '../../domain/errors.js';
import { requireManager } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { fieldError, parseInput } from '../validation.js';
import {
  loadCatalog,
  type ObjectionTypeRow,
  objectionTypes,
  toObjectionType,
  withReplyIds,
} from './objection-store.js';

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
    const entry = (await loadCatalog(trx, principal.workspaceId)).find((e) => e.key === key);
    if (!entry) throw new AppError('NOT_FOUND', { entity: 'objection_type', id: key });
    // Every editable column is written: what the edit leaves out keeps the entry's value.
    const values = objectionTypes.columnsOf({
      labelZh: body.labelZh ?? entry.labelZh,
      labelEn: body.labelEn ?? entry.labelEn,
      replies: body.replies ? withReplyIds(key, body.replies, deps.newId) : entry.replies,
      archived: body.archived ?? entry.archived,
    });
    const row =
      entry.version === null
        ? // An unedited built-in entry: the workspace's first edit creates the replacing row.
          await objectionTypes.insert(trx, deps, principal, {
            key,
            kind: entry.kind,
            // The required columns; `values` overrides them with the edited ones.
            label_zh: entry.labelZh,
            label_en: entry.labelEn,
            ...values,
          })
        : await updateByKey(trx, deps, principal, key, body.version, entry.version, values);
    const view = objectionTypes.toView(row);
    await objectionTypes.audit(trx, deps, principal, entry.version === null ? 'create' : 'update', key, {
      before: toObjectionType(entry),
      after: view,
    });
    return view;
  });
}

/**
 * Writes the row of `key` if it is still at `version`. Not the store's `updateVersioned`:
 * the catalog addresses rows by key, and the error names the key.
 */
async function updateByKey(
  trx: Deps['db'],
  deps: Pick<Deps, 'clock'>,
  principal: Principal,
  key: string,
  version: number | undefined,
  currentVersion: number,
  values: ReturnType<typeof objectionTypes.columnsOf>,
): Promise<ObjectionTypeRow> {
  if (version === undefined) throw fieldError('version', 'send the version you read', '请带上读取时的版本号');
  const row = await trx
    .updateTable('objection_types')
    .set({ ...values, updated_at: deps.clock().toISOString(), version: version + 1 })
    .where('workspace_id', '=', principal.workspaceId)
    .where('key', '=', key)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    throw new AppError('CONFLICT.STALE', { entity: 'objection_type', id: key, version, currentVersion });
  }
  return row;
}
