/** Use case: list the workspace's markets by name, with keyset pagination. */
import { listMarketsQuery, type Market } from '../../contract/markets.js';
import type { Deps, Principal } from '../context.js';
import { decodeCursor, type Page, toPage } from '../pagination.js';
import { parseInput } from '../validation.js';
import { toMarket } from './market-schema.js';

/** Lists the markets of the caller's workspace, ordered by name then id. */
export async function listMarkets(deps: Deps, principal: Principal, query: unknown): Promise<Page<Market>> {
  const p = parseInput(listMarketsQuery, query);
  let q = deps.db.selectFrom('markets').selectAll().where('workspace_id', '=', principal.workspaceId);
  if (p.cursor) {
    const cursor = decodeCursor(p.cursor);
    q = q.where(({ eb, or, and }) =>
      or([eb('name', '>', cursor.v), and([eb('name', '=', cursor.v), eb('id', '>', cursor.id)])]),
    );
  }
  const rows = await q
    .orderBy('name', 'asc')
    .orderBy('id', 'asc')
    .limit(p.limit + 1)
    .execute();
  return toPage(rows, p.limit, (r) => r.name, toMarket);
}
