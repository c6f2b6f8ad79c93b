/** Use case: create a market (managers only), with its audit entry. */

import { createMarketInput, type Market } from '../../contract/markets.js';
import { requireManager } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { toBasisPoints, toMarket } from './market-schema.js';
import { uniqueName } from './market-store.js';

/** Creates a market; AUTH.FORBIDDEN for non-managers, VALIDATION.FAILED on `name` for a duplicate. */
export async function createMarket(deps: Deps, principal: Principal, input: unknown): Promise<Market> {
  requireManager(principal);
  const body = parseInput(createMarketInput, input);
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const row = await uniqueName(
      trx
        .insertInto('markets')
        .values({
          id: deps.newId(),
          workspace_id: principal.workspaceId,
          name: body.name,
          cities: JSON.stringify(body.cities ?? []),
          share_bp: toBasisPoints(body.sharePercent),
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    const market = toMarket(row);
    await recordAudit(trx, deps, principal, {
      entity: 'market',
      entityId: market.id,
      action: 'create',
      after: market,
    });
    return market;
  });
}
