/** Use case: update a market (managers only) under optimistic concurrency, with its audit entry. */

import { type Market, updateMarketInput } from '../../contract/markets.js';
import { requireManager } from '../access.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { markets, uniqueName } from './market-store.js';

/** Applies the given fields if `version` is current, else CONFLICT.STALE; a duplicate name is VALIDATION.FAILED on `name`. */
export async function updateMarket(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<Market> {
  const { version, ...fields } = parseInput(updateMarketInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await markets.find(trx, principal, id);
    requireManager(principal);
    return uniqueName(
      markets.updateAudited(trx, deps, principal, before, version, markets.columnsOf(fields)),
    );
  });
}
