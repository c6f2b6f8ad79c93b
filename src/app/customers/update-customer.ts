/** Use case: update a customer under optimistic concurrency, with its audit entry. */
import { AppError } from '../../domain/errors.js';
import { visibleCustomers } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { checkCustomerReferences } from './customer-references.js';
import { type Customer, toCustomer, updateCustomerInput } from './customer-schema.js';

/**
 * Applies the given fields if `version` is still the stored one; otherwise CONFLICT.STALE
 * (409) with the current version, and nothing is written. NOT_FOUND for a customer the
 * caller cannot see.
 */
export async function updateCustomer(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<Customer> {
  const { version, ...fields } = parseInput(updateCustomerInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await visibleCustomers(trx, principal)
      .selectAll('customers')
      .where('customers.id', '=', id)
      .executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND', { entity: 'customer', id });
    if (before.version !== version) {
      throw new AppError('CONFLICT.STALE', {
        entity: 'customer',
        id,
        version,
        currentVersion: before.version,
      });
    }
    await checkCustomerReferences(trx, principal, fields);
    const result = await trx
      .updateTable('customers')
      .set({
        ...(fields.name !== undefined ? { name: fields.name } : {}),
        ...(fields.company !== undefined ? { company: fields.company } : {}),
        ...(fields.marketId !== undefined ? { market_id: fields.marketId } : {}),
        ...(fields.city !== undefined ? { city: fields.city } : {}),
        ...(fields.class !== undefined ? { class: fields.class } : {}),
        ...(fields.status !== undefined ? { status: fields.status } : {}),
        ...(fields.ownerId !== undefined ? { owner_id: fields.ownerId } : {}),
        ...(fields.assistantId !== undefined ? { assistant_id: fields.assistantId } : {}),
        ...(fields.source !== undefined ? { source: fields.source } : {}),
        ...(fields.tags !== undefined ? { tags: JSON.stringify(fields.tags) } : {}),
        ...(fields.notes !== undefined ? { notes: fields.notes } : {}),
        updated_at: deps.clock().toISOString(),
        version: version + 1,
      })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', id)
      // The version guard makes a concurrent writer that read the same version lose here.
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!result) throw new AppError('CONFLICT.STALE', { entity: 'customer', id, version });
    const after = toCustomer(result);
    await recordAudit(trx, deps, principal, {
      entity: 'customer',
      entityId: id,
      action: 'update',
      before: toCustomer(before),
      after,
    });
    return after;
  });
}
