/** Use case: record a deal of a customer the caller can see, with its products and audit entry, in one transaction. */
import type { Kysely } from 'kysely';
import { type CreateDealInput, createDealInput, type Deal } from '../../contract/deals.js';
import type { Schema } from '../../db/schema.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { toDeal } from './deal-schema.js';
import { checkDealReferences, replaceDealProducts } from './deal-store.js';

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
  const ownerId = body.ownerId !== undefined ? body.ownerId : principal.membershipId;
  const productIds = body.productIds ?? [];
  const now = deps.clock().toISOString();
  await checkDealReferences(trx, principal, { customerId: body.customerId, ownerId, productIds }, at);
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
}
