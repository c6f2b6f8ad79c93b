/**
 * Checks that the market, owner and assistant a caller names are in the caller's
 * workspace and within their rights. A foreign or unknown id is a field error, so ids of
 * other workspaces cannot be attached (and their existence is not revealed).
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { assignableMemberships } from '../access.js';
import type { Principal } from '../context.js';
import { fieldError } from '../validation.js';

/** Throws VALIDATION.FAILED for a reference the caller may not use. */
export async function checkCustomerReferences(
  db: Kysely<Schema>,
  principal: Principal,
  refs: { marketId?: string | null; ownerId?: string | null; assistantId?: string | null },
): Promise<void> {
  if (refs.marketId) {
    const market = await db
      .selectFrom('markets')
      .select('id')
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', refs.marketId)
      .executeTakeFirst();
    if (!market) throw fieldError('marketId', 'unknown market', '没有这个市场');
  }
  if (refs.ownerId || refs.assistantId) {
    const allowed = await assignableMemberships(db, principal);
    if (refs.ownerId && !allowed.has(refs.ownerId))
      throw fieldError('ownerId', 'not a member you can assign', '不是你可以指派的成员');
    if (refs.assistantId && !allowed.has(refs.assistantId)) {
      throw fieldError('assistantId', 'not a member you can assign', '不是你可以指派的成员');
    }
  }
}
