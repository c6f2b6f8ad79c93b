/** A deal row as read from the database and its mapping to the API view (the view and the inputs: src/contract/deals.ts). */
import type { Deal } from '../../contract/deals.js';
import type { DealsTable } from '../../db/schema.js';

/** A deals row as Kysely returns it. */
export type DealRow = Omit<DealsTable, 'funds_received_minor' | 'version'> & {
  funds_received_minor: number;
  version: number;
};

/** Row and its product ids → API shape. */
export function toDeal(row: DealRow, productIds: readonly string[]): Deal {
  return {
    id: row.id,
    customerId: row.customer_id,
    ownerId: row.owner_id,
    amountMinor: Number(row.amount_minor),
    currency: row.currency,
    signedOn: row.signed_on,
    expectedFundsOn: row.expected_funds_on,
    fundsReceivedMinor: Number(row.funds_received_minor),
    notes: row.notes,
    productIds: [...productIds].sort(),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
