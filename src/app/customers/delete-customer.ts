/** Use case: delete a customer (and, by cascade, its contacts, visits, deals, follow-ups). */
import { AppError } from '../../domain/errors.js';
import type { Deps, Principal } from '../context.js';
import { customers } from './customer-store.js';

/** Deletes a customer the caller can see; only managers and the owning lead may. */
export async function deleteCustomer(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await customers.find(trx, principal, id);
    if (principal.role === 'assistant') throw new AppError('AUTH.FORBIDDEN', {});
    await customers.removeAudited(trx, deps, principal, row);
  });
}
