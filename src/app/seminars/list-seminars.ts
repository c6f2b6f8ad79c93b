/** Use case: list the workspace's seminars by date, with keyset pagination. */
import { listSeminarsQuery, type Seminar } from '../../contract/seminars.js';
import type { Deps, Principal } from '../context.js';
import { decodeCursor, type Page, toPage } from '../pagination.js';
import { parseInput } from '../validation.js';
import { seminars } from './seminar-store.js';

/** Lists seminars of the caller's workspace ordered by date held then id (newest first by default). */
export async function listSeminars(deps: Deps, principal: Principal, query: unknown): Promise<Page<Seminar>> {
  const p = parseInput(listSeminarsQuery, query);
  let q = deps.db.selectFrom('seminars').selectAll().where('workspace_id', '=', principal.workspaceId);
  if (p.from) q = q.where('held_on', '>=', p.from);
  if (p.to) q = q.where('held_on', '<=', p.to);
  if (p.status) q = q.where('status', '=', p.status);
  if (p.cursor) {
    const cursor = decodeCursor(p.cursor);
    const op = p.order === 'asc' ? '>' : '<';
    q = q.where(({ eb, or, and }) =>
      or([eb('held_on', op, cursor.v), and([eb('held_on', '=', cursor.v), eb('id', op, cursor.id)])]),
    );
  }
  const rows = await q
    .orderBy('held_on', p.order)
    .orderBy('id', p.order)
    .limit(p.limit + 1)
    .execute();
  return toPage(rows, p.limit, (r) => r.held_on, seminars.toView);
}
