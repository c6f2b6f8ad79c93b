/** Use case: create a market (managers only), with its audit entry. */

import { createMarketInput, type Market } from '../../contract/markets.js';
import { requireManager } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { markets, newMarketValues, uniqueName } from './market-store.js';

/** Creates a market; AUTH.FORBIDDEN for non-managers, VALIDATION.FAILED on `name` for a duplicate. */
export async function createMarket(deps: Deps, principal: Principal, input: unknown): Promise<Market> {
  requireManager(principal);
  const body = parseInput(createMarketInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const row = await uniqueName(markets.insert(trx, deps, principal, newMarketValues(body)));
    const market = markets.toView(row);
    await markets.audit(trx, deps, principal, 'create', market.id, { after: market });
    return market;
  });
}
