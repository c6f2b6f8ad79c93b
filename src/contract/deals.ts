/** Deals in the API: the record, its inputs (and a signed close attempt's deal), the list query. */
import { z } from 'zod';
import { page, recordStamps, updateInputOf } from './common.js';
import { recordRoutes } from './http.js';

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

/**
 * Body of "update a deal": any subset of the fields plus the version last read;
 * `productIds` replaces the whole set. Funds ≤ amount is checked again against the stored row.
 */
export const updateDealInput = updateInputOf(dealFields).refine(checkFunds, fundsProblem);

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
  ...recordStamps,
});

export type Deal = z.infer<typeof dealView>;

/** Query of "list deals": `signedFrom` and `signedTo` are inclusive. */
export const listDealsQuery = z.strictObject({
  customerId: z.uuid().optional(),
  signedFrom: z.iso.date().optional(),
  signedTo: z.iso.date().optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...page,
});

/** The deal routes. */
export const dealRoutes = recordRoutes('deals', 'deal', {
  view: dealView,
  createInput: createDealInput,
  updateInput: updateDealInput,
  listQuery: listDealsQuery,
});
