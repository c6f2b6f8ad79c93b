/**
 * The deal as stored: row ↔ view, input → columns (with the create defaults the use case
 * and the import share), what a deal may refer to (its customer, owner, products) and its
 * product set, which lives beside the row in deal_products. A deal is visible exactly when
 * its customer is.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreateDealInput, Deal, dealFields } from '../../contract/deals.js';
import type { Schema } from '../../db/schema.js';
import { assignableMemberships } from '../access.js';
import type { Principal } from '../context.js';
import { checkVisibleCustomer } from '../customers/visible-customer.js';
import { defineRecordStore, plainView, type RecordRow, type RecordValues } from '../record-store.js';
import { fieldError } from '../validation.js';

/** A deals row as Kysely returns it. */
export type DealRow = RecordRow<'deals'>;

/** The fields of a deal that are columns of its row (the product set is stored apart). */
type DealColumnFields = Omit<z.infer<typeof dealFields>, 'productIds'>;

/** How a deal's fields are stored (amounts in fen, as bigints). */
const dealColumns = {
  customerId: 'customer_id',
  ownerId: 'owner_id',
  amountMinor: 'amount_minor',
  currency: 'currency',
  signedOn: 'signed_on',
  expectedFundsOn: 'expected_funds_on',
  fundsReceivedMinor: 'funds_received_minor',
  notes: 'notes',
} as const;

/**
 * Deals: a customer's signed orders. The view's `productIds` is empty here: the set is read
 * apart (`productIdsOf`) and put in by `toDeal`.
 */
export const deals = defineRecordStore<'deals', Deal, DealColumnFields>({
  table: 'deals',
  entity: 'deal',
  scope: 'customer-child',
  toView: (row) => ({
    ...plainView(row, dealColumns),
    // PostgreSQL returns bigints as text.
    amountMinor: Number(row.amount_minor),
    fundsReceivedMinor: Number(row.funds_received_minor),
    productIds: [],
  }),
  columns: dealColumns,
});

/** Row and its product ids → API shape (the ids sorted, so equal sets compare equal). */
export function toDeal(row: DealRow, productIds: readonly string[]): Deal {
  return { ...deals.toView(row), productIds: [...productIds].sort() };
}

/** The columns a new deal is stored with. */
export type NewDealValues = RecordValues<'deals'> & {
  owner_id: string | null;
  currency: string;
  signed_on: string | null;
  expected_funds_on: string | null;
  funds_received_minor: number;
  notes: string | null;
};

/**
 * The columns of a new deal, defaults included — the one mapping "create a deal", a signed
 * close attempt and the import share: the owner is the caller unless named (null stays
 * null), the currency the workspace's (`currency`), no funds received yet.
 */
export function newDealValues(
  principal: Principal,
  input: Omit<CreateDealInput, 'productIds'>,
  currency: string,
): NewDealValues {
  return {
    customer_id: input.customerId,
    owner_id: input.ownerId !== undefined ? input.ownerId : principal.membershipId,
    amount_minor: input.amountMinor,
    currency: input.currency ?? currency,
    signed_on: input.signedOn ?? null,
    expected_funds_on: input.expectedFundsOn ?? null,
    funds_received_minor: input.fundsReceivedMinor ?? 0,
    notes: input.notes ?? null,
  };
}

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

/** The deal the caller may see (NOT_FOUND otherwise) with its row and product ids. */
export async function findDeal(
  db: Kysely<Schema>,
  principal: Principal,
  id: string,
): Promise<{ row: DealRow; productIds: string[] }> {
  const row = await deals.find(db, principal, id);
  return { row, productIds: (await productIdsOf(db, principal, [id])).get(id) ?? [] };
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
