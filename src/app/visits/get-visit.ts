/** Use case: read one visit the caller may see. */
import type { Kysely } from 'kysely';
import type { Visit } from '../../contract/visits.js';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Deps, Principal } from '../context.js';
import { visibleCustomerIds } from '../customers/visible-customer.js';
import { toVisit, type VisitRow } from './visit-schema.js';

/** The row of a visit whose customer the caller may see, or NOT_FOUND. */
export async function findVisibleVisit(
  db: Kysely<Schema>,
  principal: Principal,
  id: string,
): Promise<VisitRow> {
  const row = await db
    .selectFrom('visits')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('id', '=', id)
    .where('customer_id', 'in', visibleCustomerIds(db, principal))
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'visit', id });
  return row;
}

/** The visit, or NOT_FOUND when its customer is not visible to the caller. */
export async function getVisit(deps: Deps, principal: Principal, id: string): Promise<Visit> {
  return toVisit(await findVisibleVisit(deps.db, principal, id));
}
