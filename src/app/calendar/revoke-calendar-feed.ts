/**
 * Use case: revoke one of the caller's calendar feeds; its URLs answer 404 from then on.
 * Another person's feed, or another workspace's, is NOT_FOUND like an unknown id.
 */
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { findOwnFeed } from './calendar-feed-store.js';

/** Revokes feed `id` (revoking a revoked feed changes nothing). */
export async function revokeCalendarFeed(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await findOwnFeed(trx, principal, id);
    if (row.revoked_at !== null) return;
    const revokedAt = deps.clock().toISOString();
    await trx.updateTable('calendar_feeds').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
    await recordAudit(trx, deps, principal, {
      entity: 'calendar_feed',
      entityId: id,
      action: 'update',
      before: { revokedAt: null },
      after: { revokedAt },
    });
  });
}
