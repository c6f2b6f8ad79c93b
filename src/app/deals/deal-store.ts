/** Reading and checking what a deal refers to: its customer, owner, products. */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { assignableMemberships } from '../access.js';
import type { Principal } from '../context.js';
import { checkVisibleCustomer, visibleCustomerIds } from '../customers/visible-customer.js';
import { fieldError } from '../validation.js';
import type { DealRow } from './deal-schema.js';

/**
 * Throws VALIDATION.FAILED on the field of a customer, owner or product the caller may not
 * use; `at` prefixes the owner's and products' paths (`deal.` inside a close attempt).
 */
export async function checkDealReferences(
  db: Kysely<Schema>,
  principal: Principal,
  refs: {
    customerId?: string | undefined;
    ownerId?: string | null | undefined;
    productIds?: readonly string[] | undefined;
  },
  at = '',
): Promise<void> {
  if (refs.customerId !== undefined) await checkVisibleCustomer(db, principal, refs.customerId);
  if (refs.ownerId && !(await assignableMemberships(db, principal)).has(refs.ownerId)) {
    throw fieldError(`${at}ownerId`, 'not a member you can assign', '不是你可以指派的成员');
  }
  if (refs.productIds && refs.productIds.length > 0) {
    const found = await db
      .selectFrom('products')
      .select('id')
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', 'in', [...refs.productIds])
      .execute();
    if (found.length !== refs.productIds.length)
      throw fieldError(`${at}productIds`, 'unknown product', '没有这个产品');
  }
}

/** The row of a deal whose customer the caller may see, or NOT_FOUND. */
export async function findVisibleDeal(
  db: Kysely<Schema>,
  principal: Principal,
  id: string,
): Promise<DealRow> {
  const row = await db
    .selectFrom('deals')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('id', '=', id)
    .where('customer_id', 'in', visibleCustomerIds(db, principal))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'deal', id });
  return row;
}

/** Product ids of each given deal. */
export async function productIdsOf(
  db: Kysely<Schema>,
  principal: Principal,
  dealIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byDeal = new Map<string, string[]>(dealIds.map((id) => [id, []]));
  if (dealIds.length === 0) return byDeal;
  const rows = await db
    .selectFrom('deal_products')
    .select(['deal_id', 'product_id'])
    .where('workspace_id', '=', principal.workspaceId)
    .where('deal_id', 'in', [...dealIds])
    .execute();
  for (const r of rows) byDeal.get(r.deal_id)?.push(r.product_id);
  return byDeal;
}

/** Replaces the product set of a deal. */
export async function replaceDealProducts(
  db: Kysely<Schema>,
  principal: Principal,
  dealId: string,
  productIds: readonly string[],
): Promise<void> {
  await db
    .deleteFrom('deal_products')
    .where('workspace_id', '=', principal.workspaceId)
    .where('deal_id', '=', dealId)
    .execute();
  if (productIds.length === 0) return;
  await db
    .insertInto('deal_products')
    .values(
      productIds.map((productId) => ({
        workspace_id: principal.workspaceId,
        deal_id: dealId,
        product_id: productId,
      })),
    )
    .execute();
}
