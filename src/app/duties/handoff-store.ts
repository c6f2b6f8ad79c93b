/**
 * The hand-off as stored: row → view, and the insert of one with its audit entry. Hand-offs
 * are history (never edited, so no version): not a record store, but `handoffs` gives
 * `listOfCustomer` the table and its view.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Handoff } from '../../contract/team.js';
import type { HandoffsTable, Schema } from '../../db/schema.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';

/** Row → API shape. */
export function toHandoff(row: Selectable<HandoffsTable>): Handoff {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    fromId: row.from_id,
    toId: row.to_id,
    note: row.note,
    actorId: row.actor_id,
    at: row.at,
  };
}

/** The hand-offs table and its view, for reading a customer's hand-offs. */
export const handoffs = { table: 'handoffs', toView: toHandoff } as const;

/** Writes the hand-off of a customer by the caller, now, with its audit entry. */
export async function insertHandoff(
  db: Kysely<Schema>,
  deps: Pick<Deps, 'clock' | 'newId'>,
  principal: Principal,
  handoff: Pick<Handoff, 'customerId' | 'kind' | 'fromId' | 'toId' | 'note'>,
): Promise<Handoff> {
  const row = await db
    .insertInto('handoffs')
    .values({
      id: deps.newId(),
      workspace_id: principal.workspaceId,
      customer_id: handoff.customerId,
      kind: handoff.kind,
      from_id: handoff.fromId,
      to_id: handoff.toId,
      note: handoff.note,
      actor_id: principal.userId,
      at: deps.clock().toISOString(),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const view = toHandoff(row);
  await recordAudit(db, deps, principal, {
    entity: 'handoff',
    entityId: view.id,
    action: 'create',
    after: view,
  });
  return view;
}
