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
    const changes = markets.columnsOf(fields);
    const row = await uniqueName(markets.updateVersioned(trx, deps, principal, id, version, changes, before));
    const after = markets.toView(row);
    await markets.audit(trx, deps, principal, 'update', id, { before: markets.toView(before), after });
    return after;
  });
}
