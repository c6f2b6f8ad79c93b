/** The hand-off record as the API sees it, and the body of "hand off a customer". */
import type { Selectable } from 'kysely';
import type { Handoff } from '../../contract/team.js';
import type { HandoffsTable } from '../../db/schema.js';

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
