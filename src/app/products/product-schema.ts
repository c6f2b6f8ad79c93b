/** The product (what the workspace sells, with the pains each feature answers) as the API sees it, and its input schemas. */
import { z } from 'zod';
import type { ProductsTable } from '../../db/schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);

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
export const updateProductInput = productFields.partial().extend({ version: z.int().min(1) });
export type UpdateProductInput = z.infer<typeof updateProductInput>;

/** A product as returned by the API. */
export const productView = z.object({
  id: z.string(),
  name: z.string(),
  priceMinor: z.int(),
  currency: z.string(),
  features: z.array(z.object({ name: z.string(), pains: z.array(z.string()) })),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type Product = z.infer<typeof productView>;

/** A products row as Kysely returns it. */
export type ProductRow = Omit<ProductsTable, 'features' | 'version'> & { features: string; version: number };

/** Row → API shape. */
export function toProduct(row: ProductRow): Product {
  return {
    id: row.id,
    name: row.name,
    priceMinor: Number(row.price_minor),
    currency: row.currency,
    features: JSON.parse(row.features) as ProductFeature[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}
