/**
 * Who may see which customers. Managers see every customer of their workspace; a lead sees
 * the customers they own and those of the assistants who work for them; an assistant sees
 * the customers assigned to them (as assistant or owner). Every customer query starts
 * from {@link visibleCustomers}, so a record outside the caller's rights is simply not
 * found — the API answers 404, never 403, and reveals nothing.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Schema } from '../db/schema.js';
import { AppError } from '../domain/errors.js';
import type { Principal } from './context.js';

/** Customers of the caller's workspace that the caller may see. */
export function visibleCustomers(
  db: Kysely<Schema>,
  principal: Principal,
): SelectQueryBuilder<Schema, 'customers', object> {
  const scoped = db.selectFrom('customers').where('customers.workspace_id', '=', principal.workspaceId);
  if (principal.role === 'manager') return scoped;
  if (principal.role === 'assistant') {
    return scoped.where((eb) =>
      eb.or([
        eb('customers.assistant_id', '=', principal.membershipId),
        eb('customers.owner_id', '=', principal.membershipId),
      ]),
    );
  }
  const myAssistants = db
    .selectFrom('memberships')
    .select('memberships.id')
    .where('memberships.workspace_id', '=', principal.workspaceId)
    .where('memberships.works_for', '=', principal.membershipId);
  return scoped.where((eb) =>
    eb.or([
      eb('customers.owner_id', '=', principal.membershipId),
      eb('customers.owner_id', 'in', myAssistants),
      eb('customers.assistant_id', 'in', myAssistants),
    ]),
  );
}

/**
 * Memberships the caller may name as a customer's owner or assistant: anyone in the
 * workspace for a manager; the lead and their own assistants for a lead; an assistant's
 * own lead and themself for an assistant.
 */
export async function assignableMemberships(db: Kysely<Schema>, principal: Principal): Promise<Set<string>> {
  let query = db.selectFrom('memberships').select('id').where('workspace_id', '=', principal.workspaceId);
  if (principal.role === 'lead') {
    query = query.where((eb) =>
      eb.or([eb('id', '=', principal.membershipId), eb('works_for', '=', principal.membershipId)]),
    );
  } else if (principal.role === 'assistant') {
    const ids = [principal.membershipId, ...(principal.worksFor ? [principal.worksFor] : [])];
    query = query.where('id', 'in', ids);
  }
  return new Set((await query.execute()).map((r) => r.id));
}

/** Throws AUTH.FORBIDDEN unless the caller is a manager (workspace-wide settings and plans). */
export function requireManager(principal: Principal): void {
  if (principal.role !== 'manager') throw new AppError('AUTH.FORBIDDEN', {});
}
