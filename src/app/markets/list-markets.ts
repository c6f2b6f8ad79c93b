/** Use case: list the workspace's markets by name, with keyset pagination. */
import { listMarketsQuery, type Market } from '../../contract/markets.js';
import type { Deps, Principal } from '../context.js';
import { keysetPage, type Page } from '../pagination.js';
import { parseInput } from '../validation.js';
import { markets } from './market-store.js';

/** Lists the markets of the caller's workspace, ordered by name then id. */
export async function listMarkets(deps: Deps, principal: Principal, query: unknown): Promise<Page<Market>> {
  const p = parseInput(listMarketsQuery, query);
  const rows = deps.db.selectFrom('markets').selectAll().where('workspace_id', '=', principal.workspaceId);
  return keysetPage(rows, 'name', p, markets.toView);
}
