/** Use case: record a deal of a customer the caller can see, with its products and audit entry, in one transaction. */
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { createDealInput, type Deal, toDeal } from './deal-schema.js';
import { checkDealReferences, replaceDealProducts } from './deal-store.js';

/** Creates a deal; the currency defaults to the workspace's, the owner to the caller. */
export async function createDeal(deps: Deps, principal: Principal, input: unknown): Promise<Deal> {
  const body = parseInput(createDealInput, input);
  const ownerId = body.ownerId !== undefined ? body.ownerId : principal.membershipId;
  const productIds = body.productIds ?? [];
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await checkDealReferences(trx, principal, { customerId: body.customerId, ownerId, productIds });
    const workspace = await trx
      .selectFrom('workspaces')
      .select('currency')
      .where('id', '=', principal.workspaceId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('deals')
      .values({
        id: deps.newId(),
        workspace_id: principal.workspaceId,
        customer_id: body.customerId,
        owner_id: ownerId,
        amount_minor: body.amountMinor,
        currency: body.currency ?? workspace.currency,
        signed_on: body.signedOn ?? null,
        expected_funds_on: body.expectedFundsOn ?? null,
        funds_received_minor: body.fundsReceivedMinor ?? 0,
        notes: body.notes ?? null,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await replaceDealProducts(trx, principal, row.id, productIds);
    const deal = toDeal(row, productIds);
    await recordAudit(trx, deps, principal, {
      entity: 'deal',
      entityId: deal.id,
      action: 'create',
      after: deal,
    });
    return deal;
  });
}
