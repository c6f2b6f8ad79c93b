/** Use case: plan a seminar (managers and leads), with its audit entry. */

import { createSeminarInput, type Seminar } from '../../contract/seminars.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { requireOrganiser, seminars } from './seminar-store.js';

/** Creates a seminar of the caller's workspace; AUTH.FORBIDDEN for assistants. */
export async function createSeminar(deps: Deps, principal: Principal, input: unknown): Promise<Seminar> {
  requireOrganiser(principal);
  const body = parseInput(createSeminarInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const row = await seminars.insert(trx, deps, principal, {
      city: null,
      venue: null,
      status: 'planned',
      notes: null,
      ...seminars.columnsOf(body),
      title: body.title,
      held_on: body.heldOn,
      capacity: body.capacity,
    });
    const seminar = seminars.toView(row);
    await seminars.audit(trx, deps, principal, 'create', seminar.id, { after: seminar });
    return seminar;
  });
}
