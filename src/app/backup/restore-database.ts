/**
 * Use case: restore a backup file into a database — SQLite or PostgreSQL, whichever wrote
 * it. The file is read twice: once to check it whole (gzip, header, schema, every row,
 * counts, checksums, SHA-256) before the target is touched, and once inside a single
 * transaction that inserts the rows, re-checks the file as it goes, and finally compares
 * the target's row counts and checksums with the file's. Any failure rolls everything
 * back: a restore is all or nothing.
 */
import type { Kysely, Transaction } from 'kysely';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Deps } from '../context.js';
import { type BackupSummary, tableSummaries } from './backup-database.js';
import { type CanonicalRow, readBackup } from './backup-format.js';
import { BACKUP_TABLES, NOT_BACKED_UP } from './backup-tables.js';

/** What a restore did. */
export interface RestoreSummary extends BackupSummary {
  /** True when existing data was replaced (`--replace`). */
  readonly replaced: boolean;
}

/** Input of restoreDatabase. */
export interface RestoreInput {
  readonly file: string;
  /** Delete everything in the target first; without it a non-empty target is refused. */
  readonly replace?: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: table and column names come from the backup's header
type AnyTrx = Transaction<any>;

/** Parameters per INSERT stay well below SQLite's 32,766 and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 20_000;

/** Restores `input.file` into `deps.db` (migrated to this build's schema first). */
export async function restoreDatabase(deps: Pick<Deps, 'db'>, input: RestoreInput): Promise<RestoreSummary> {
  // Pass 1: the whole file must be sound before anything is written.
  const { header, trailer } = await readBackup(input.file);
  await migrateToLatest(deps.db as Kysely<unknown>);
  const byName = new Map(BACKUP_TABLES.map((t) => [t.name as string, t]));

  await deps.db.transaction().execute(async (trx) => {
    const any = trx as unknown as AnyTrx;
    const users = await countRows(trx, 'users');
    const workspaces = await countRows(trx, 'workspaces');
    if ((users > 0 || workspaces > 0) && !input.replace) {
      throw new AppError('BACKUP.TARGET_NOT_EMPTY', { users, workspaces });
    }
    if (input.replace) {
      for (const name of [...NOT_BACKED_UP, ...BACKUP_TABLES.map((t) => t.name).reverse()]) {
        await any.deleteFrom(name).execute();
      }
    }

    // Pass 2: insert while reading; readBackup throws (and the transaction rolls back)
    // if the file turns out different from what pass 1 checked.
    let batchTable = '';
    let batch: CanonicalRow[] = [];
    let batchLimit = 1;
    const later: { table: string; key: string; id: unknown; column: string; value: unknown }[] = [];
    const flush = async () => {
      if (batch.length > 0) await any.insertInto(batchTable).values(batch).execute();
      batch = [];
    };
    await readBackup(input.file, async (table, row) => {
      if (table !== batchTable) {
        await flush();
        batchTable = table;
        batchLimit = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, Object.keys(row).length)));
      }
      const deferred = byName.get(table)?.deferred ?? [];
      let values = row;
      for (const column of deferred) {
        if (row[column] === null || row[column] === undefined) continue;
        later.push({ table, key: 'id', id: row.id, column, value: row[column] });
        values = { ...values, [column]: null };
      }
      batch.push(values);
      if (batch.length >= batchLimit) await flush();
    });
    await flush();
    for (const update of later) {
      await any
        .updateTable(update.table)
        .set({ [update.column]: update.value })
        .where(update.key, '=', update.id)
        .execute();
    }

    // The target must now hold exactly the rows of the file.
    const columnsOf = new Map(header.tables.map((t) => [t.name, t.columns]));
    const actual = await tableSummaries(trx, columnsOf);
    for (const [name, expected] of Object.entries(trailer.tables)) {
      const got = actual[name];
      if (got?.rows !== expected.rows || got.checksum !== expected.checksum) {
        throw new AppError('INTERNAL', { reason: `restored ${name} differs from the backup` });
      }
    }
  });
  return {
    file: input.file,
    schema: header.schema,
    createdAt: header.createdAt,
    workspaces: header.workspaces,
    tables: trailer.tables,
    replaced: input.replace === true,
  };
}

async function countRows(trx: Transaction<Schema>, table: 'users' | 'workspaces'): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
