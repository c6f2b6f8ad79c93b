/** Who may write seminars, and finding a seminar or an invitation the caller may see. */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Principal } from '../context.js';
import { visibleCustomerIds } from '../customers/visible-customer.js';
import type { InvitationRow, SeminarRow } from './seminar-schema.js';

/** Seminars are organised by managers and leads; assistants only invite. AUTH.FORBIDDEN otherwise. */
export function requireOrganiser(principal: Principal): void {
  if (principal.role !== 'manager' && principal.role !== 'lead') throw new AppError('AUTH.FORBIDDEN', {});
}

/** The seminar of the caller's workspace (seminars are workspace-wide), or NOT_FOUND. */
export async function findSeminar(db: Kysely<Schema>, principal: Principal, id: string): Promise<SeminarRow> {
  const row = await db
    .selectFrom('seminars')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'seminar', id });
  return row;
}

/** An invitation is visible exactly when its customer is; NOT_FOUND otherwise. */
export async function findVisibleInvitation(
  db: Kysely<Schema>,
  principal: Principal,
  id: string,
): Promise<InvitationRow> {
  const row = await db
    .selectFrom('seminar_invitations')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('id', '=', id)
    .where('customer_id', 'in', visibleCustomerIds(db, principal))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'seminar-invitation', id });
  return row;
}
