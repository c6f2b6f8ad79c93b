/** Use case: delete a customer (and, by cascade, its contacts, visits, deals, follow-ups). */
import { AppError } from '../../domain/errors.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { toCustomer } from './customer-schema.js';
import { requireVisibleCustomer } from './visible-customer.js';

/** Deletes a customer the caller can see; only managers and the owning lead may. */
export async function deleteCustomer(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await requireVisibleCustomer(trx, principal, id);
    if (principal.role === 'assistant') throw new AppError('AUTH.FORBIDDEN', {});
    await trx
      .deleteFrom('customers')
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, deps, principal, {
      entity: 'customer',
      entityId: id,
      action: 'delete',
      before: toCustomer(row),
    });
  });
}
