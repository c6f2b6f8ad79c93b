/**
 * The append-only audit log: who changed what, when, with the record before and after.
 * Written inside the same transaction as the change, so a change and its audit entry
 * exist together or not at all.
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditLogTable, Schema } from '../db/schema.js';
import type { Deps, Principal } from './context.js';

/** One audit entry: what changed, and the record before and after (as the API shows it). */
export interface AuditEntry {
  readonly entity: string;
  readonly entityId: string;
  readonly action: AuditLogTable['action'];
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Audit rows per INSERT statement: well below SQLite's and PostgreSQL's bound-parameter limits. */
const AUDIT_CHUNK = 200;

/** Appends one audit entry. */
export async function recordAudit(
  trx: Transaction<Schema> | Kysely<Schema>,
  deps: Pick<Deps, 'clock' | 'newId'>,
  principal: Principal,
  entry: AuditEntry,
): Promise<void> {
  await recordAudits(trx, deps, principal, [entry]);
}

/**
 * Appends many audit entries (one import batch, a bulk invitation) in one INSERT per
 * 200 entries, all stamped with the same instant.
 */
export async function recordAudits(
  trx: Transaction<Schema> | Kysely<Schema>,
  deps: Pick<Deps, 'clock' | 'newId'>,
  principal: Principal,
  entries: readonly AuditEntry[],
): Promise<void> {
  const at = deps.clock().toISOString();
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK) {
    await trx
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + AUDIT_CHUNK).map((entry) => ({
          id: deps.newId(),
          workspace_id: principal.workspaceId,
          actor_id: principal.userId,
          entity: entry.entity,
          entity_id: entry.entityId,
          action: entry.action,
          before: entry.before === undefined ? null : JSON.stringify(entry.before),
          after: entry.after === undefined ? null : JSON.stringify(entry.after),
          at,
        })),
      )
      .execute();
  }
}
