/** Use case: update a market (managers only) under optimistic concurrency, with its audit entry. */

import { updateMarketInput } from '../../contract/markets.js';
import { requireManager } from '../access.js';
import { defineUpdate } from '../record-update.js';
import { markets, uniqueName } from './market-store.js';

/** Applies the given fields if `version` is current, else CONFLICT.STALE; a duplicate name is VALIDATION.FAILED on `name`. */
export const updateMarket = defineUpdate(markets, updateMarketInput, (update) => {
  requireManager(update.principal);
  return uniqueName(update.save());
});
