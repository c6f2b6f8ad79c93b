/** Use case: add a product to the workspace's catalogue (managers only), with its audit entry. */

import { createProductInput, type Product } from '../../contract/products.js';
import { requireManager } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { toProduct } from './product-schema.js';

/** Creates a product; AUTH.FORBIDDEN for anyone but a manager. */
export async function createProduct(deps: Deps, principal: Principal, input: unknown): Promise<Product> {
  requireManager(principal);
  const body = parseInput(createProductInput, input);
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const workspace = await trx
      .selectFrom('workspaces')
      .select('currency')
      .where('id', '=', principal.workspaceId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('products')
      .values({
        id: deps.newId(),
        workspace_id: principal.workspaceId,
        name: body.name,
        price_minor: body.priceMinor,
        currency: body.currency ?? workspace.currency,
        features: JSON.stringify(body.features ?? []),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const product = toProduct(row);
    await recordAudit(trx, deps, principal, {
      entity: 'product',
      entityId: product.id,
      action: 'create',
      after: product,
    });
    return product;
  });
}
