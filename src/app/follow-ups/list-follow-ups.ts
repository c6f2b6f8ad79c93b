/**
 * Use case: list the follow-ups the caller may see with keyset pagination — overdue first
 * everywhere: the open overdue ones (oldest due first), then the other open ones by due
 * date, then the done ones. Ordering open rows by due date is what puts the overdue first,
 * so the keyset (done, due_on, id) is one stable composite key that does not depend on
 * "today": a cursor stays valid across midnight and across rows added between pages.
 */
import { type FollowUp, listFollowUpsQuery } from '../../contract/follow-ups.js';
import type { Deps, Principal } from '../context.js';
import { decodeCursor, type Page, toPage } from '../pagination.js';
import { visibleRows } from '../record-store.js';
import { fieldError, parseInput } from '../validation.js';
import { workspaceToday } from '../workspace/workspace-today.js';
import { followUps } from './follow-up-store.js';

/** The cursor's sort value: done flag and due date, e.g. "0|2026-03-01". */
function sortValue(row: { done: number; due_on: string }): string {
  return `${row.done}|${row.due_on}`;
}

/** Lists follow-ups of the customers visible to the caller: not done first, due date ascending, then id. */
export async function listFollowUps(
  deps: Deps,
  principal: Principal,
  query: unknown,
): Promise<Page<FollowUp>> {
  const p = parseInput(listFollowUpsQuery, query);
  let q = visibleRows(deps.db, principal, 'follow_ups', p.customerId);
  if (p.assigneeId) q = q.where('assignee_id', '=', p.assigneeId);
  if (p.done !== undefined) q = q.where('done', '=', p.done ? 1 : 0);
  if (p.overdue !== undefined) {
    const { today } = await workspaceToday(deps.db, deps, principal.workspaceId);
    q = p.overdue
      ? q.where('done', '=', 0).where('due_on', '<', today)
      : q.where(({ eb, or }) => or([eb('done', '=', 1), eb('due_on', '>=', today)]));
  }
  if (p.cursor) {
    const cursor = decodeCursor(p.cursor);
    const [doneText, dueOn] = cursor.v.split('|');
    if ((doneText !== '0' && doneText !== '1') || dueOn === undefined) {
      throw fieldError('cursor', 'not a cursor from a previous page', '不是上一页给出的游标');
    }
    const done = Number(doneText);
    q = q.where(({ eb, or, and }) =>
      or([
        eb('done', '>', done),
        and([eb('done', '=', done), eb('due_on', '>', dueOn)]),
        and([eb('done', '=', done), eb('due_on', '=', dueOn), eb('id', '>', cursor.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('done', 'asc')
    .orderBy('due_on', 'asc')
    .orderBy('id', 'asc')
    .limit(p.limit + 1)
    .execute();
  return toPage(rows, p.limit, sortValue, followUps.toView);
}
