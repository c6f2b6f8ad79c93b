/** The hand-off record as the API sees it, and the body of "hand off a customer". */
import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { HandoffsTable } from '../../db/schema.js';

/** Body of "hand off a customer". */
export const handoffInput = z.strictObject({
  kind: z.enum(['to_lead', 'to_after_sales']),
  note: z.string().trim().min(1).max(2000).nullable().optional(),
});

/** A hand-off as returned by the API. */
export const handoffView = z.object({
  id: z.string(),
  customerId: z.string(),
  kind: z.enum(['to_lead', 'to_after_sales']),
  fromId: z.string().nullable(),
  toId: z.string().nullable(),
  note: z.string().nullable(),
  actorId: z.string().nullable(),
  at: z.string(),
});
export type Handoff = z.infer<typeof handoffView>;

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
