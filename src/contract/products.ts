/** Products in the API: the record with its features (the pains they answer), its inputs, the list query. */
import { z } from 'zod';
import { page, recordStamps, text, updateInputOf } from './common.js';
import { recordRoutes } from './http.js';

/** One feature of a product and the customer pains it answers. */
export const productFeature = z.strictObject({
  name: text(200),
  pains: z.array(text(500)).max(50),
});

export type ProductFeature = z.infer<typeof productFeature>;

/** Fields a manager may set on a product; anything else is rejected. */
export const productFields = z.strictObject({
  name: text(200),
  priceMinor: z.int().min(0),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  features: z.array(productFeature).max(100).optional(),
});

/** Body of "create a product"; the currency defaults to the workspace's. */
export const createProductInput = productFields;

export type CreateProductInput = z.infer<typeof createProductInput>;

/** Body of "update a product": any subset of the fields plus the version last read. */
export const updateProductInput = updateInputOf(productFields);

/** A product as returned by the API. */
export const productView = z.object({
  id: z.string(),
  name: z.string(),
  priceMinor: z.int(),
  currency: z.string(),
  features: z.array(z.object({ name: z.string(), pains: z.array(z.string()) })),
  ...recordStamps,
});

export type Product = z.infer<typeof productView>;

/** Query of "list products". */
export const listProductsQuery = z.strictObject(page);

/** The product routes. */
export const productRoutes = recordRoutes('products', 'product', {
  view: productView,
  createInput: createProductInput,
  updateInput: updateProductInput,
  listQuery: listProductsQuery,
});
