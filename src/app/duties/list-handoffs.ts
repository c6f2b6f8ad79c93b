/** Use case: a customer's hand-offs, oldest first. */
import type { Handoff } from '../../contract/team.js';
import type { Deps, Principal } from '../context.js';
import { listOfCustomer } from '../record-store.js';
import { handoffs } from './handoff-store.js';

/** Hand-offs of the customer; NOT_FOUND when the caller cannot see it. */
export async function listHandoffs(deps: Deps, principal: Principal, customerId: string): Promise<Handoff[]> {
  return listOfCustomer(deps.db, principal, customerId, handoffs, ['at', 'id']);
}
