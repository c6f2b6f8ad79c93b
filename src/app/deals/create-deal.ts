/** Use case: record a deal of a customer the caller can see, with its products and audit entry, in one transaction. */
import type { Kysely } from 'kysely';
import { type CreateDealInput, createDealInput, type Deal } from '../../contract/deals.js';
import type { Schema } from '../../db/schema.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { checkDealReferences, deals, newDealValues, replaceDealProducts, toDeal } from './deal-store.js';

/** Creates a deal; the currency defaults to the workspace's, the owner to the caller. */
export async function createDeal(deps: Deps, principal: Principal, input: unknown): Promise<Deal> {
  const body = parseInput(createDealInput, input);
  return deps.db.transaction().execute((trx) => insertDeal(trx, deps, principal, body));
}

/**
 * Checks and inserts a parsed deal inside the caller's transaction, with its products and
 * audit entry — the one place a deal is born, so "log a signed close attempt" creates its
 * deal by the same rules as "create a deal". `at` prefixes the paths of field errors
 * (`deal.` when the deal is part of a close attempt).
 */
export async function insertDeal(
  trx: Kysely<Schema>,
  deps: Deps,
  principal: Principal,
  body: CreateDealInput,
  at = '',
): Promise<Deal> {
  const productIds = body.productIds ?? [];
  const workspace = await trx
    .selectFrom('workspaces')
    .select('currency')
    .where('id', '=', principal.workspaceId)
    .executeTakeFirstOrThrow();
  const values = newDealValues(principal, body, workspace.currency);
  await checkDealReferences(
    trx,
    principal,
    { customerId: body.customerId, ownerId: values.owner_id, productIds },
    at,
  );
  const row = await deals.insert(trx, deps, principal, values);
  await replaceDealProducts(trx, principal, row.id, productIds);
  const deal = toDeal(row, productIds);
  await deals.audit(trx, deps, principal, 'create', deal.id, { after: deal });
  return deal;
}
