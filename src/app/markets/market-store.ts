/** Who may write markets, finding one, and turning a duplicate name into a field error. */
import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/errors.js';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';

import type { Principal } from '../context.js';
import { fieldError } from '../validation.js';
import type { MarketRow } from './market-schema.js';

/** The market of the caller's workspace, or NOT_FOUND. */
export async function findMarket(db: Kysely<Schema>, principal: Principal, id: string): Promise<MarketRow> {
  const row = await db
    .selectFrom('markets')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'market', id });
  return row;
}

/**
 * Runs a write; a violation of the unique (workspace, name) constraint becomes
 * VALIDATION.FAILED on `name`. Detected by the constraint, not by a prior read, so two
 * concurrent writers cannot both win.
 */
export async function uniqueName<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isUniqueViolation(error))
      throw fieldError('name', 'a market with this name exists', '已经有同名的市场');
    throw error;
  }
}
