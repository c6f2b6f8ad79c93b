/** The deal (a signed order) as the API sees it, and the zod schemas of its inputs. */
import { z } from 'zod';
import type { DealsTable } from '../../db/schema.js';

const money = z.int().min(0);

/** Fields a caller may set on a deal; anything else is rejected. */
export const dealFields = z.strictObject({
  customerId: z.uuid(),
  ownerId: z.uuid().nullable().optional(),
  amountMinor: z.int().positive(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  signedOn: z.iso.date().nullable().optional(),
  expectedFundsOn: z.iso.date().nullable().optional(),
  fundsReceivedMinor: money.optional(),
  notes: z.string().max(10_000).nullable().optional(),
  productIds: z
    .array(z.uuid())
    .max(100)
    .refine((ids) => new Set(ids).size === ids.length, {
      message: 'Name each product only once',
      params: { zh: '每个产品只能选一次' },
    })
    .optional(),
});

const checkFunds = (d: { amountMinor?: number | undefined; fundsReceivedMinor?: number | undefined }) =>
  d.amountMinor === undefined || d.fundsReceivedMinor === undefined || d.fundsReceivedMinor <= d.amountMinor;
const fundsProblem = {
  message: 'The funds received cannot exceed the amount',
  params: { zh: '已回款金额不能超过签单金额' },
  path: ['fundsReceivedMinor'],
};

/** Body of "create a deal". */
export const createDealInput = dealFields.refine(checkFunds, fundsProblem);
export type CreateDealInput = z.infer<typeof createDealInput>;

/**
 * The deal a signed close attempt creates with it (`deal` of "log a close attempt"): the
 * fields of "create a deal" but the customer, which is the attempt's.
 */
export const attemptDealInput = dealFields.omit({ customerId: true }).refine(checkFunds, fundsProblem);
export type AttemptDealInput = z.infer<typeof attemptDealInput>;

/**
 * Body of "update a deal": any subset of the fields plus the version last read;
 * `productIds` replaces the whole set. Funds ≤ amount is checked again against the stored row.
 */
export const updateDealInput = dealFields
  .partial()
  .extend({ version: z.int().min(1) })
  .refine(checkFunds, fundsProblem);
export type UpdateDealInput = z.infer<typeof updateDealInput>;

/** A deal as returned by the API. */
export const dealView = z.object({
  id: z.string(),
  customerId: z.string(),
  ownerId: z.string().nullable(),
  amountMinor: z.int(),
  currency: z.string(),
  signedOn: z.string().nullable(),
  expectedFundsOn: z.string().nullable(),
  fundsReceivedMinor: z.int(),
  notes: z.string().nullable(),
  /** Sorted, so equal sets compare equal. */
  productIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Deal = z.infer<typeof dealView>;

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
