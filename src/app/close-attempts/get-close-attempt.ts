/** Use cases: read one close attempt, and a customer's attempts with their count. */
import type { z } from 'zod';
import type { CloseAttempt, customerCloseAttemptsView } from '../../contract/close-attempts.js';
import type { Deps, Principal } from '../context.js';
import { requireVisibleCustomer } from '../customers/visible-customer.js';
import { findVisibleCloseAttempt, toCloseAttempt } from './close-attempt-schema.js';

/** The attempt, or NOT_FOUND when its customer is not visible to the caller. */
export async function getCloseAttempt(deps: Deps, principal: Principal, id: string): Promise<CloseAttempt> {
  return toCloseAttempt(await findVisibleCloseAttempt(deps.db, principal, id));
}

/** Every attempt on the customer, oldest first (the order they were made); NOT_FOUND for a customer the caller cannot see. */
export async function listCustomerCloseAttempts(
  deps: Deps,
  principal: Principal,
  customerId: string,
): Promise<z.infer<typeof customerCloseAttemptsView>> {
  await requireVisibleCustomer(deps.db, principal, customerId);
  const rows = await deps.db
    .selectFrom('close_attempts')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', '=', customerId)
    .orderBy('attempted_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return { count: rows.length, items: rows.map(toCloseAttempt) };
}
