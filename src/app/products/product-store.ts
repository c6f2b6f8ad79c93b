/**
 * Products as stored: row ↔ view (the view and the inputs: src/contract/products.ts) and
 * input → columns with a new product's defaults. Products are workspace-wide; only
 * managers write them (the use cases check).
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { CreateProductInput, Product, ProductFeature, productFields } from '../../contract/products.js';
import type { Schema } from '../../db/schema.js';
import type { Principal } from '../context.js';
import { defineRecordStore, type RecordRow, type RecordValues, recordStamps } from '../record-store.js';
import { workspaceCurrency } from '../workspace/workspace-store.js';

/** A products row as Kysely returns it. */
export type ProductRow = RecordRow<'products'>;

/** Products: workspace-wide records; features are stored as JSON text. */
export const products = defineRecordStore<'products', Product, z.infer<typeof productFields>>({
  table: 'products',
  entity: 'product',
  scope: 'workspace',
  toView: (row) => ({
    id: row.id,
    name: row.name,
    priceMinor: Number(row.price_minor),
    currency: row.currency,
    features: JSON.parse(row.features) as ProductFeature[],
    ...recordStamps(row),
  }),
  columns: {
    name: 'name',
    priceMinor: 'price_minor',
    currency: 'currency',
    features: { column: 'features', write: (features: ProductFeature[]) => JSON.stringify(features) },
  },
});

/**
 * The columns of a new product: the input's, priced in the workspace's currency when it
 * names none, with no features when it lists none.
 */
export async function newProductValues(
  db: Kysely<Schema>,
  principal: Principal,
  input: CreateProductInput,
): Promise<RecordValues<'products'>> {
  const currency = input.currency ?? (await workspaceCurrency(db, principal));
  return {
    ...products.columnsOf({ ...input, features: input.features ?? [] }),
    // Spelled out as well: the create input always carries them, columnsOf cannot say so.
    name: input.name,
    price_minor: input.priceMinor,
    currency,
  };
}
