/** Use case: update a deal (and replace its product set) under optimistic concurrency, in one transaction. */

import { type Deal, updateDealInput } from '../../contract/deals.js';
import { AppError } from '../../domain/errors.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { fieldError, parseInput } from '../validation.js';
import { toDeal } from './deal-schema.js';
import { checkDealReferences, findVisibleDeal, productIdsOf, replaceDealProducts } from './deal-store.js';

/**
 * Applies the given fields if `version` is current, else CONFLICT.STALE; `productIds`
 * replaces the whole set. NOT_FOUND for a deal the caller cannot see.
 */
export async function updateDeal(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<Deal> {
  const { version, ...fields } = parseInput(updateDealInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findVisibleDeal(trx, principal, id);
    if (before.version !== version) {
      throw new AppError('CONFLICT.STALE', { entity: 'deal', id, version, currentVersion: before.version });
    }
    const amount = fields.amountMinor ?? Number(before.amount_minor);
    const funds = fields.fundsReceivedMinor ?? Number(before.funds_received_minor);
    if (funds > amount) {
      throw fieldError('fundsReceivedMinor', 'funds received exceed the amount', '到款金额超过了合同金额');
    }
    await checkDealReferences(trx, principal, fields);
    const beforeProducts = (await productIdsOf(trx, principal, [id])).get(id) ?? [];
    const result = await trx
      .updateTable('deals')
      .set({
        ...(fields.customerId !== undefined ? { customer_id: fields.customerId } : {}),
        ...(fields.ownerId !== undefined ? { owner_id: fields.ownerId } : {}),
        ...(fields.amountMinor !== undefined ? { amount_minor: fields.amountMinor } : {}),
        ...(fields.currency !== undefined ? { currency: fields.currency } : {}),
        ...(fields.signedOn !== undefined ? { signed_on: fields.signedOn } : {}),
        ...(fields.expectedFundsOn !== undefined ? { expected_funds_on: fields.expectedFundsOn } : {}),
        ...(fields.fundsReceivedMinor !== undefined
          ? { funds_received_minor: fields.fundsReceivedMinor }
          : {}),
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
    if (!result) throw new AppError('CONFLICT.STALE', { entity: 'deal', id, version });
    if (fields.productIds !== undefined) await replaceDealProducts(trx, principal, id, fields.productIds);
    const after = toDeal(result, fields.productIds ?? beforeProducts);
    await recordAudit(trx, deps, principal, {
      entity: 'deal',
      entityId: id,
      action: 'update',
      before: toDeal(before, beforeProducts),
      after,
    });
    return after;
  });
}
