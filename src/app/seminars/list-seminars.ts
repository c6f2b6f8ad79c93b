/** Use case: list the workspace's seminars by date, with keyset pagination. */
import { listSeminarsQuery, type Seminar } from '../../contract/seminars.js';
import type { Deps, Principal } from '../context.js';
import { keysetPage, type Page } from '../pagination.js';
import { parseInput } from '../validation.js';
import { seminars } from './seminar-store.js';

/** Lists seminars of the caller's workspace ordered by date held then id (newest first by default). */
export async function listSeminars(deps: Deps, principal: Principal, query: unknown): Promise<Page<Seminar>> {
  const p = parseInput(listSeminarsQuery, query);
  let q = deps.db.selectFrom('seminars').selectAll().where('workspace_id', '=', principal.workspaceId);
  if (p.from) q = q.where('held_on', '>=', p.from);
  if (p.to) q = q.where('held_on', '<=', p.to);
  if (p.status) q = q.where('status', '=', p.status);
  return keysetPage(q, 'held_on', p, seminars.toView);
}
