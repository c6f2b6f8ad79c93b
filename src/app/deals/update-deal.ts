/** Use case: update a deal (and replace its product set) under optimistic concurrency, in one transaction. */

import { type Deal, updateDealInput } from '../../contract/deals.js';
import type { Deps, Principal } from '../context.js';
import { fieldError, parseInput } from '../validation.js';
import { checkDealReferences, deals, findDeal, replaceDealProducts, toDeal } from './deal-store.js';

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
    const { row: before, productIds: beforeProducts } = await findDeal(trx, principal, id);
    // A stale form hears CONFLICT.STALE before any field error: so the version is
    // checked first (the guarded UPDATE below checks it again).
    deals.requireVersion(before, version);
    const amount = fields.amountMinor ?? Number(before.amount_minor);
    const funds = fields.fundsReceivedMinor ?? Number(before.funds_received_minor);
    if (funds > amount) {
      throw fieldError('fundsReceivedMinor', 'funds received exceed the amount', '到款金额超过了合同金额');
    }
    await checkDealReferences(trx, principal, fields);
    const row = await deals.updateVersioned(
      trx,
      deps,
      principal,
      id,
      version,
      deals.columnsOf(fields),
      before,
    );
    if (fields.productIds !== undefined) await replaceDealProducts(trx, principal, id, fields.productIds);
    const after = toDeal(row, fields.productIds ?? beforeProducts);
    await deals.audit(trx, deps, principal, 'update', id, { before: toDeal(before, beforeProducts), after });
    return after;
  });
}
