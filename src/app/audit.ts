/**
 * The append-only audit log: who changed what, when, with the record before and after.
 * Written inside the same transaction as the change, so a change and its audit entry
 * exist together or not at all.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditLogTable, Schema } from '../db/schema.js';
import type { Deps, Principal } from './context.js';

/** Appends one audit entry. */
export async function recordAudit(
  trx: Transaction<Schema> | Kysely<Schema>,
  deps: Pick<Deps, 'clock' | 'newId'>,
  principal: Principal,
  entry: {
    entity: string;
    entityId: string;
    action: AuditLogTable['action'];
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      id: deps.newId(),
      workspace_id: principal.workspaceId,
      actor_id: principal.userId,
      entity: entry.entity,
      entity_id: entry.entityId,
      action: entry.action,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      at: deps.clock().toISOString(),
    })
    .execute();
}
