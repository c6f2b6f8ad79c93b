/** The close attempt (asking for the signature) as the API sees it, and the zod schema of its input. */
import type { Kysely, Selectable } from 'kysely';
import type { CloseAttempt } from '../../contract/close-attempts.js';
import type { CloseAttemptsTable, Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Principal } from '../context.js';
import { visibleCustomerIds } from '../customers/visible-customer.js';

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
