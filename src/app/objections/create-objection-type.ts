/** Use case: a manager adds a custom objection or stall to the catalog. */
import { createObjectionTypeInput, type ObjectionTypeView } from '../../contract/method.js';
import { isUniqueViolation } from '../../db/errors.js';
import { AppError } from '../../domain/errors.js';
import { requireManager } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { isBuiltInObjection, objectionTypes, withReplyIds } from './objection-store.js';

/** Adds the entry; a key already in the catalog (built-in or custom) is OBJECTION.KEY_TAKEN. */
export async function createObjectionType(
  deps: Deps,
  principal: Principal,
  input: unknown,
): Promise<ObjectionTypeView> {
  requireManager(principal);
  const body = parseInput(createObjectionTypeInput, input);
  if (isBuiltInObjection(body.key)) throw new AppError('OBJECTION.KEY_TAKEN', { key: body.key });
  const replies = withReplyIds(body.key, body.replies, deps.newId);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const row = await objectionTypes.insert(trx, deps, principal, {
        key: body.key,
        kind: body.kind,
        label_zh: body.labelZh,
        label_en: body.labelEn,
        ...objectionTypes.columnsOf({ replies, archived: false }),
      });
      const view = objectionTypes.toView(row);
      await objectionTypes.audit(trx, deps, principal, 'create', body.key, { after: view });
      return view;
    });
  } catch (error) {
    // The unique (workspace, key) constraint: another custom entry has the key.
    if (isUniqueViolation(error)) throw new AppError('OBJECTION.KEY_TAKEN', { key: body.key });
    throw error;
  }
}
