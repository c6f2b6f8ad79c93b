/** Who may write products, and finding one in the caller's workspace. */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';

import type { Principal } from '../context.js';
import type { ProductRow } from './product-schema.js';

/** The product of the caller's workspace, or NOT_FOUND. */
export async function findProduct(db: Kysely<Schema>, principal: Principal, id: string): Promise<ProductRow> {
  const row = await db
    .selectFrom('products')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'product', id });
  return row;
}
