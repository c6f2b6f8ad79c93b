/** The close attempt (asking for the signature) as the API sees it, and the zod schema of its input. */
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { CloseAttemptsTable, Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Principal } from '../context.js';
import { visibleCustomerIds } from '../customers/visible-customer.js';
import { attemptDealInput } from '../deals/deal-schema.js';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Body of "log a close attempt"; anything else is rejected. */
export const createCloseAttemptInput = z.strictObject({
  customerId: z.uuid(),
  visitId: z.uuid().optional(),
  attemptedOn: z.iso.date(),
  result: z.enum(['signed', 'objection', 'stall']),
  objectionKey: z.string().trim().min(1).max(40).optional(),
  customerWords: text(2000).optional(),
  replyId: z.string().trim().min(1).max(80).optional(),
  replyText: text(2000).optional(),
  response: z.enum(['resolved', 'unresolved']).optional(),
  concern: z.string().trim().max(2000).optional(),
  fundsOn: z.iso.date().optional(),
  nextVisit: z
    .strictObject({
      goal: text(500).optional(),
      meetWhom: z.array(text(200)).max(20).optional(),
      bring: text(1000).optional(),
      plannedOn: z.iso.date().optional(),
    })
    .optional(),
  dealId: z.uuid().optional(),
  /** A signed attempt's deal, created with it in one transaction (instead of `dealId`). */
  deal: attemptDealInput.optional(),
  notes: z.string().max(10_000).optional(),
});
export type CreateCloseAttemptInput = z.infer<typeof createCloseAttemptInput>;

/** A close attempt as returned by the API. */
export const closeAttemptView = z.object({
  id: z.string(),
  customerId: z.string(),
  visitId: z.string().nullable(),
  ownerId: z.string().nullable(),
  attemptedOn: z.string(),
  result: z.enum(['signed', 'objection', 'stall']),
  objectionKey: z.string().nullable(),
  customerWords: z.string().nullable(),
  replyId: z.string().nullable(),
  replyText: z.string().nullable(),
  response: z.enum(['resolved', 'unresolved']).nullable(),
  concern: z.string().nullable(),
  fundsOn: z.string().nullable(),
  dealId: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int(),
});
export type CloseAttempt = z.infer<typeof closeAttemptView>;

/** A close_attempts row as Kysely returns it. */
export type CloseAttemptRow = Selectable<CloseAttemptsTable>;

/** Row → API shape. */
export function toCloseAttempt(row: CloseAttemptRow): CloseAttempt {
  return {
    id: row.id,
    customerId: row.customer_id,
    visitId: row.visit_id,
    ownerId: row.owner_id,
    attemptedOn: row.attempted_on,
    result: row.result,
    objectionKey: row.objection_key,
    customerWords: row.customer_words,
    replyId: row.reply_id,
    replyText: row.reply_text,
    response: row.response,
    concern: row.concern,
    fundsOn: row.funds_on,
    dealId: row.deal_id,
    notes: row.notes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** The row of a close attempt whose customer the caller may see, or NOT_FOUND. */
export async function findVisibleCloseAttempt(
  db: Kysely<Schema>,
  principal: Principal,
  id: string,
): Promise<CloseAttemptRow> {
  const row = await db
    .selectFrom('close_attempts')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('id', '=', id)
    .where('customer_id', 'in', visibleCustomerIds(db, principal))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'close_attempt', id });
  return row;
}
