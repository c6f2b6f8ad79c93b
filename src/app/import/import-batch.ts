/**
 * The import's batch engine, the same for every record type: read a batch's rows into
 * drafts (the kind's), find the stored records with their natural keys (the kind's), decide
 * every row — create, update (the file says something new), skip (nothing new, or a
 * duplicate of an earlier row) or reject — and, unless a dry run, write the batch in one
 * transaction with its audit entries and the kind's bookkeeping.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import type { Reason } from '../../domain/import/values.js';
import { type AuditEntry, recordAudits } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { lockWorkspace } from '../workspace/workspace-store.js';
import {
  type Draft,
  type DraftContext,
  HIDDEN,
  type ImportKind,
  kindWrites,
  type MappedRow,
  reason,
  type StoredRecord,
} from './import-kind.js';

/** What happened (or, in a dry run, would happen) to one row. */
export interface RowOutcome {
  readonly line: number;
  readonly action: 'create' | 'update' | 'skip' | 'reject';
  /** The row's record, as people name it (customer name, contact name …). */
  readonly label: string;
  readonly id?: string;
  readonly reason?: Reason;
}

/** One import run, as every batch of it sees it. */
export interface ImportRun {
  readonly deps: Deps;
  readonly principal: Principal;
  readonly dryRun: boolean;
  readonly context: DraftContext;
  /** Natural keys handled in this run → the line and record id, to catch duplicate rows. */
  readonly seen: Map<string, { line: number; id: string }>;
  /** Takes every row's outcome, in row order. */
  readonly decide: (outcome: RowOutcome, row: MappedRow) => void;
}

/** An audit entry of the batch, by record: an update's record before it (a create has none). */
interface PendingAudit<Stored> {
  readonly id: string;
  readonly before?: Stored;
}

/** Handles one batch of `kind`: decide every row, then (unless a dry run) write in one transaction. */
export async function importBatch<
  Columns extends object,
  Stored extends StoredRecord & Record<keyof Columns, unknown>,
>(kind: ImportKind<Columns, Stored>, run: ImportRun, rows: readonly MappedRow[]): Promise<void> {
  const { deps, principal, dryRun, seen, decide } = run;
  const work = async (db: Kysely<Schema>) => {
    // Two imports of one workspace at once (two tabs, two instances) write batch by batch,
    // one after the other: each batch finds the records the other's batches wrote, so a
    // file imported twice at once still makes every record once.
    if (!dryRun) await lockWorkspace(db, principal.workspaceId);
    const drafts = await kind.draft(db, run.context, rows);
    const existing = await kind.findExisting(
      db,
      principal,
      drafts.flatMap((d) => (d.ok ? [d.value] : [])),
    );
    const writes = kindWrites(kind, deps, principal, deps.clock().toISOString());
    const inserts: (Columns & { id: string })[] = [];
    const keys = new Map<string, string>();
    const updated: { before: Stored; after: Stored }[] = [];
    const audits: PendingAudit<Stored>[] = [];
    for (const [i, row] of rows.entries()) {
      const drafted = drafts[i];
      if (!drafted?.ok) {
        const why = drafted?.reason ?? reason('', '');
        decide({ line: row.line, action: 'reject', label: kind.label(row), reason: why }, row);
        continue;
      }
      const draft: Draft<Columns> = drafted.value;
      const outcome = { line: row.line, label: draft.label };
      const earlier = seen.get(draft.key);
      if (earlier) {
        const duplicate = reason(`与第 ${earlier.line} 行重复`, `Duplicate of row ${earlier.line}`);
        decide({ ...outcome, action: 'skip', id: earlier.id, reason: duplicate }, row);
        continue;
      }
      const match = existing.get(draft.key);
      if (match === HIDDEN) {
        const hidden = reason(
          '已有同名客户，但不在你的客户名单里',
          'A customer of this name exists but is not one of yours',
        );
        decide({ ...outcome, action: 'reject', reason: hidden }, row);
        continue;
      }
      if (match) {
        seen.set(draft.key, { line: row.line, id: match.id });
        const changes = changedColumns(draft.given, match);
        if (Object.keys(changes).length === 0) {
          const same = reason('已存在，没有变化', 'Already there, nothing new');
          decide({ ...outcome, action: 'skip', id: match.id, reason: same }, row);
          continue;
        }
        if (!dryRun) {
          const after = await writes.update(db, match, changes);
          if (!after) {
            const stale = reason(
              '这条记录刚被别人修改，请重新导入',
              'Someone changed this record meanwhile: import again',
            );
            decide({ ...outcome, action: 'reject', reason: stale }, row);
            continue;
          }
          updated.push({ before: match, after });
          audits.push({ id: match.id, before: match });
        }
        decide({ ...outcome, action: 'update', id: match.id }, row);
        continue;
      }
      const id = deps.newId();
      seen.set(draft.key, { line: row.line, id });
      inserts.push({ ...draft.insert, id });
      keys.set(id, draft.key);
      audits.push({ id });
      decide({ ...outcome, action: 'create', id }, row);
    }
    if (dryRun) return;
    const created = await writes.insert(db, inserts);
    await kind.afterWrite?.(db, deps, principal, {
      created: created.map((record) => ({ record, key: keys.get(record.id) ?? '' })),
      updated,
    });
    // Audit entries in row order; a new record's view is the row as stored (with its defaults).
    const after = new Map([
      ...updated.map((u) => [u.after.id, u.after] as const),
      ...created.map((c) => [c.id, c] as const),
    ]);
    await recordAudits(
      db,
      deps,
      principal,
      audits.flatMap(({ id, before }): AuditEntry[] => {
        const record = after.get(id);
        if (!record) return [];
        const entry = { entity: writes.entity, entityId: id, after: writes.view(record) };
        return before
          ? [{ ...entry, action: 'update' as const, before: writes.view(before) }]
          : [{ ...entry, action: 'create' as const }];
      }),
    );
  };
  if (dryRun) await work(deps.db);
  else await deps.db.transaction().execute(work);
}

/** The given columns whose value differs from the stored record's. */
function changedColumns<Columns extends object>(
  given: Partial<Columns>,
  stored: Record<keyof Columns, unknown>,
): Partial<Columns> {
  const changes: Partial<Columns> = {};
  for (const column of Object.keys(given) as (keyof Columns)[]) {
    if (!sameValue(stored[column], given[column])) changes[column] = given[column];
  }
  return changes;
}

/** Stored bigints may come back as text (PostgreSQL): numbers compare as numbers. */
function sameValue(stored: unknown, value: unknown): boolean {
  if (typeof value === 'number') return Number(stored) === value;
  return stored === value;
}
