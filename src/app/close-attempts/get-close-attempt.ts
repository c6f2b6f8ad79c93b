/** Use cases: read one close attempt, and a customer's attempts with their count. */
import type { z } from 'zod';
import type { CloseAttempt, customerCloseAttemptsView } from '../../contract/close-attempts.js';
import type { Deps, Principal } from '../context.js';
import { listOfCustomer } from '../record-store.js';
import { closeAttempts } from './close-attempt-store.js';

/** The attempt, or NOT_FOUND when its customer is not visible to the caller. */
export async function getCloseAttempt(deps: Deps, principal: Principal, id: string): Promise<CloseAttempt> {
  return closeAttempts.toView(await closeAttempts.find(deps.db, principal, id));
}

/** Every attempt on the customer, oldest first (the order they were made); NOT_FOUND for a customer the caller cannot see. */
export async function listCustomerCloseAttempts(
  deps: Deps,
  principal: Principal,
  customerId: string,
): Promise<z.infer<typeof customerCloseAttemptsView>> {
  const items = await listOfCustomer(deps.db, principal, customerId, closeAttempts, [
    'attempted_on',
    'created_at',
    'id',
  ]);
  return { count: items.length, items };
}
