/** Use case: delete a market (managers only), with its audit entry; its customers keep no market (set null). */
import { requireManager } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { markets } from './market-store.js';

/** Deletes a market of the caller's workspace; NOT_FOUND otherwise, AUTH.FORBIDDEN for non-managers. */
export async function deleteMarket(deps: Deps, principal: Principal, id: string): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const row = await markets.find(trx, principal, id);
    requireManager(principal);
    await markets.removeAudited(trx, deps, principal, row);
  });
}
