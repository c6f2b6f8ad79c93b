/** Use case: read one market of the caller's workspace. */

import type { Market } from '../../contract/markets.js';
import type { Deps, Principal } from '../context.js';
import { markets } from './market-store.js';

/** The market, or NOT_FOUND when it is not the caller's workspace's. */
export async function getMarket(deps: Deps, principal: Principal, id: string): Promise<Market> {
  return markets.toView(await markets.find(deps.db, principal, id));
}
