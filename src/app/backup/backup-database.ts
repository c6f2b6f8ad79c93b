/**
 * Use case: write the whole database (every workspace with its users and memberships) to
 * one portable backup file (see backup-format.ts). The rows are read inside one
 * transaction — a consistent snapshot (REPEATABLE READ on PostgreSQL; on SQLite the
 * immediate transaction holds writers back for the few seconds it takes) — and streamed
 * to a temporary file that is renamed into place at the end, so a failed backup never
 * leaves a half-written file under the requested name.
 */

import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createGzip } from 'node:zlib';
import { type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import { schemaStatus } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import type { Deps } from '../context.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type CanonicalRow,
  canonicalRow,
  TableChecksum,
  type TableSummary,
} from './backup-format.js';
import { BACKUP_TABLES, type BackupTable, tableColumns } from './backup-tables.js';

/** What a backup holds. */
export interface BackupSummary {
  readonly file: string;
  readonly schema: readonly string[];
  readonly createdAt: string;
  readonly workspaces: readonly { readonly id: string; readonly name: string }[];
  readonly tables: Readonly<Record<string, TableSummary>>;
}

/** A Kysely over tables named at run time (the backup walks the table list). */
// biome-ignore lint/suspicious/noExplicitAny: table and column names come from BACKUP_TABLES at run time
type AnyDb = Kysely<any> | Transaction<any>;

const PAGE = 500;

/**
 * Reads the rows of `table` page by page in primary-key order (keyset pagination, so
 * memory stays flat however large the table) and hands each row to `onRow`.
 */
export async function eachRow(
  db: AnyDb,
  table: BackupTable,
  columns: readonly string[],
  onRow: (row: CanonicalRow) => Promise<void> | void,
): Promise<void> {
  let last: CanonicalRow | undefined;
  for (;;) {
    let query = db.selectFrom(table.name).select([...columns]);
    const after = last;
    if (after) {
      const [k1, k2] = table.key as [string, string?];
      query = query.where((eb) =>
        k2 === undefined
          ? eb(k1, '>', after[k1])
          : eb.or([eb(k1, '>', after[k1]), eb.and([eb(k1, '=', after[k1]), eb(k2, '>', after[k2])])]),
      );
    }
    for (const key of table.key) query = query.orderBy(key);
    const rows = (await query.limit(PAGE).execute()) as Record<string, unknown>[];
    for (const raw of rows) {
      last = canonicalRow(raw, columns);
      await onRow(last);
    }
    if (rows.length < PAGE) return;
  }
}

/**
 * Row counts and checksums of every backed-up table as the database holds them now,
 * restricted to `columnsOf` (what a backup file carries). A restore compares them with
 * the file's trailer; tests compare two databases with them.
 */
export async function tableSummaries(
  db: AnyDb,
  columnsOf: ReadonlyMap<string, readonly string[]>,
): Promise<Record<string, TableSummary>> {
  const result: Record<string, TableSummary> = {};
  for (const table of BACKUP_TABLES) {
    const columns = columnsOf.get(table.name);
    if (!columns) continue;
    const sum = new TableChecksum();
    await eachRow(db, table, columns, (row) => sum.add(JSON.stringify(row)));
    result[table.name] = sum.summary();
  }
  return result;
}

/** Writes a backup of the whole database to `file` (replacing an existing file). */
export async function backupDatabase(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { readonly file: string },
): Promise<BackupSummary> {
  const status = await schemaStatus(deps.db as Kysely<unknown>);
  if (status.unknown.length > 0) throw new AppError('DB.NEWER_SCHEMA', { migrations: status.unknown });
  const schema = status.migrations.filter((m) => m.executedAt !== null).map((m) => m.name);
  const existing = await tableColumns(deps.db);
  const tables = BACKUP_TABLES.filter((t) => existing.has(t.name)).map((t) => ({
    table: t,
    columns: [...(existing.get(t.name) ?? [])].sort(),
  }));
  const createdAt = deps.clock().toISOString();

  const temporary = `${input.file}.${process.pid}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(temporary);
  gzip.pipe(out);
  const failure = new Promise<never>((_, reject) => {
    out.on('error', reject);
    gzip.on('error', reject);
  });
  failure.catch(() => {});
  const hash = createHash('sha256');
  const write = async (line: string, hashed = true): Promise<void> => {
    if (hashed) hash.update(line, 'utf8');
    if (!gzip.write(line)) await Promise.race([once(gzip, 'drain'), failure]);
  };

  try {
    const summaries: Record<string, TableSummary> = {};
    let workspaces: BackupHeader['workspaces'] = [];
    const postgres = deps.db.getExecutor().adapter instanceof PostgresAdapter;
    const transaction = postgres
      ? deps.db.transaction().setIsolationLevel('repeatable read')
      : deps.db.transaction();
    await transaction.execute(async (trx) => {
      workspaces = await trx.selectFrom('workspaces').select(['id', 'name']).orderBy('id').execute();
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        schema,
        createdAt,
        workspaces,
        tables: tables.map((t) => ({ name: t.table.name, columns: t.columns })),
      };
      await write(`${JSON.stringify(header)}\n`);
      for (const { table, columns } of tables) {
        const sum = new TableChecksum();
        const prefix = `{"t":${JSON.stringify(table.name)},"r":`;
        await eachRow(trx as Transaction<Schema>, table, columns, async (row) => {
          const json = JSON.stringify(row);
          sum.add(json);
          await write(`${prefix}${json}}\n`);
        });
        summaries[table.name] = sum.summary();
      }
    });
    await write(`${JSON.stringify({ trailer: { tables: summaries, sha256: hash.digest('hex') } })}\n`, false);
    gzip.end();
    await Promise.race([once(out, 'close'), failure]);
    await rename(temporary, input.file);
    return { file: input.file, schema, createdAt, workspaces, tables: summaries };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    await rm(temporary, { force: true });
    if (error instanceof AppError) throw error;
    const code = (error as { code?: string }).code;
    if (code && /^E[A-Z]+$/.test(code) && 'path' in (error as object)) {
      throw new AppError('FILE.UNWRITABLE', { path: input.file, reason: (error as Error).message });
    }
    throw error;
  }
}
