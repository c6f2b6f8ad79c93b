/** Use case: create a follow-up for a customer the caller can see (with its audit entry). */

import { createFollowUpInput, type FollowUp } from '../../contract/follow-ups.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { checkFollowUpReferences, followUps, newFollowUpValues } from './follow-up-store.js';

/** Creates a follow-up; the assignee defaults to the caller. */
export async function createFollowUp(deps: Deps, principal: Principal, input: unknown): Promise<FollowUp> {
  const body = parseInput(createFollowUpInput, input);
  const at = deps.clock();
  const values = newFollowUpValues(principal, body, at.toISOString());
  // One instant for the stamps and `doneAt`.
  const atDeps = { ...deps, clock: () => at };
  return deps.db.transaction().execute(async (trx) => {
    await checkFollowUpReferences(trx, principal, {
      customerId: body.customerId,
      assigneeId: values.assignee_id,
    });
    const followUp = followUps.toView(await followUps.insert(trx, atDeps, principal, values));
    await followUps.audit(trx, deps, principal, 'create', followUp.id, { after: followUp });
    return followUp;
  });
}
