/** Use case: change a seminar (managers and leads) under optimistic concurrency, with its audit entry. */

import { type Seminar, updateSeminarInput } from '../../contract/seminars.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { requireOrganiser, seminars } from './seminar-store.js';

/** Applies the given fields if `version` is current, else CONFLICT.STALE; NOT_FOUND outside the workspace. */
export async function updateSeminar(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<Seminar> {
  const { version, ...fields } = parseInput(updateSeminarInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await seminars.find(trx, principal, id);
    requireOrganiser(principal);
    return seminars.updateAudited(trx, deps, principal, before, version, seminars.columnsOf(fields));
  });
}
