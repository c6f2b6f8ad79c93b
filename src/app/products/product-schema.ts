/** A product row as read from the database and its mapping to the API view (the view and the inputs: src/contract/products.ts). */
import type { Product, ProductFeature } from '../../contract/products.js';
import type { ProductsTable } from '../../db/schema.js';

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
