/**
 * The backup file: gzip of UTF-8 JSON lines.
 *
 * 1. header  `{"format":"closer-backup","formatVersion":1,"schema":[migrations],"createdAt",
 *            "workspaces":[{id,name}],"tables":[{name,columns}]}`
 * 2. rows    `{"t":"customers","r":{…}}`, table by table in {@link BACKUP_TABLES} order,
 *            each row's keys sorted and values canonical (see {@link canonicalRow})
 * 3. trailer `{"trailer":{"tables":{name:{rows,checksum}},"sha256"}}`: row counts, per-table
 *            checksums and the SHA-256 of every byte before the trailer line.
 *
 * A table's checksum is the sum (mod 2²⁵⁶) of the SHA-256 of its rows' canonical JSON:
 * independent of row order, so SQLite and PostgreSQL (whose text collations order ids
 * differently) give the same value for the same rows.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { MIGRATIONS } from '../../db/migrations/index.js';
import { AppError } from '../../domain/errors.js';
import { BACKUP_TABLES } from './backup-tables.js';

/** The value of `format` in the header. */
export const BACKUP_FORMAT = 'closer-backup';
/** The version of the file layout this build writes and reads. */
export const BACKUP_FORMAT_VERSION = 1;

/** A column value as a backup stores it. */
export type CanonicalValue = string | number | null;
/** One row: keys sorted, values canonical. */
export type CanonicalRow = Record<string, CanonicalValue>;

/** The first line of a backup. */
export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  /** Migrations applied to the database the backup was taken from. */
  readonly schema: readonly string[];
  readonly createdAt: string;
  readonly workspaces: readonly { readonly id: string; readonly name: string }[];
  /** Tables in the file, in order, with the columns their rows carry. */
  readonly tables: readonly { readonly name: string; readonly columns: readonly string[] }[];
}

/** Row count and checksum of one table. */
export interface TableSummary {
  readonly rows: number;
  readonly checksum: string;
}

/** The last line of a backup. */
export interface BackupTrailer {
  readonly tables: Readonly<Record<string, TableSummary>>;
  readonly sha256: string;
}

/**
 * A column value as SQLite and PostgreSQL both give it: integers as JS numbers (pg's int8
 * arrives as a number, see db/client.ts; a bigint beyond 2⁵³ would become its decimal
 * text), booleans as 0/1, text as text.
 */
export function canonicalValue(value: unknown): CanonicalValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  throw new AppError('INTERNAL', { reason: `backup: a column value of type ${typeof value}` });
}

/** The row restricted to `columns`, keys sorted, values canonical. */
export function canonicalRow(
  row: Readonly<Record<string, unknown>>,
  columns: readonly string[],
): CanonicalRow {
  const result: CanonicalRow = {};
  for (const column of [...columns].sort()) result[column] = canonicalValue(row[column]);
  return result;
}

const MASK = (1n << 256n) - 1n;

/** Running row count and order-independent checksum of a table. */
export class TableChecksum {
  #rows = 0;
  #sum = 0n;

  /** Adds one row, given as its canonical JSON text. */
  add(canonicalJson: string): void {
    this.#rows += 1;
    const digest = createHash('sha256').update(canonicalJson, 'utf8').digest('hex');
    this.#sum = (this.#sum + BigInt(`0x${digest}`)) & MASK;
  }

  /** Rows and checksum so far. */
  summary(): TableSummary {
    return { rows: this.#rows, checksum: this.#sum.toString(16).padStart(64, '0') };
  }
}

/** What reading a backup found; `rows` is called for every row, in file order. */
export interface ReadBackup {
  readonly header: BackupHeader;
  readonly trailer: BackupTrailer;
}

function damaged(path: string, reason: string): AppError {
  return new AppError('BACKUP.DAMAGED', { path, reason });
}

function wrongFormat(path: string, reason: string): AppError {
  return new AppError('BACKUP.WRONG_FORMAT', { path, reason });
}

/** The uncompressed lines of `path` (without their `\n`); gzip and file errors become AppErrors. */
async function* lines(path: string): AsyncGenerator<string> {
  const gunzip = createGunzip();
  const source = createReadStream(path);
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      rest += decoder.write(chunk as Buffer);
      let at = rest.indexOf('\n');
      while (at >= 0) {
        yield rest.slice(0, at);
        rest = rest.slice(at + 1);
        at = rest.indexOf('\n');
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new AppError('FILE.NOT_FOUND', { path });
    if (code === 'EACCES' || code === 'EISDIR') {
      throw new AppError('FILE.UNREADABLE', { path, reason: (error as Error).message });
    }
    throw damaged(path, (error as Error).message);
  } finally {
    source.destroy();
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}

async function isGzip(path: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const magic = Buffer.alloc(2);
    const { bytesRead } = await handle.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') throw new AppError('FILE.NOT_FOUND', { path });
    throw new AppError('FILE.UNREADABLE', { path, reason: (error as Error).message });
  } finally {
    await handle?.close();
  }
}

function parseJson(path: string, line: string, what: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw damaged(path, `${what} is not valid JSON`);
  }
}

function checkHeader(path: string, value: unknown): BackupHeader {
  const header = value as Partial<BackupHeader> | null;
  if (typeof header !== 'object' || header === null || header.format !== BACKUP_FORMAT) {
    throw wrongFormat(path, 'no closer-backup header');
  }
  if (typeof header.formatVersion !== 'number' || header.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new AppError('BACKUP.NEWER_SCHEMA', { migrations: [`formatVersion ${header.formatVersion}`] });
  }
  if (!Array.isArray(header.schema) || !Array.isArray(header.tables) || !Array.isArray(header.workspaces)) {
    throw damaged(path, 'incomplete header');
  }
  const unknown = header.schema.filter((name) => typeof name !== 'string' || !(name in MIGRATIONS));
  if (unknown.length > 0) throw new AppError('BACKUP.NEWER_SCHEMA', { migrations: unknown });
  const known = new Set(BACKUP_TABLES.map((t) => t.name as string));
  for (const table of header.tables) {
    if (!known.has(table.name)) throw damaged(path, `unknown table ${table.name}`);
  }
  return header as BackupHeader;
}

/**
 * Reads `path` from end to end, checking everything a restore relies on: gzip integrity,
 * the header (format, version, known migrations), that rows come table by table in the
 * header's order with the header's columns, the row counts and checksums of every table
 * and the SHA-256 of the whole content against the trailer. `onRow` sees each row (with
 * its table) as it is read; nothing is trusted until the returned promise resolves.
 */
export async function readBackup(
  path: string,
  onRow?: (table: string, row: CanonicalRow) => Promise<void> | void,
): Promise<ReadBackup> {
  if (!(await isGzip(path))) throw wrongFormat(path, 'not a gzip file');
  const hash = createHash('sha256');
  let header: BackupHeader | undefined;
  let trailer: BackupTrailer | undefined;
  const sums = new Map<string, TableChecksum>();
  let tableIndex = -1;
  let columns: readonly string[] = [];
  for await (const line of lines(path)) {
    if (trailer) throw damaged(path, 'data after the trailer');
    if (!header) {
      header = checkHeader(path, parseJson(path, line, 'the header'));
      for (const table of header.tables) sums.set(table.name, new TableChecksum());
      hash.update(`${line}\n`, 'utf8');
      continue;
    }
    const value = parseJson(path, line, 'a line') as {
      t?: unknown;
      r?: unknown;
      trailer?: BackupTrailer;
    };
    if (value.trailer) {
      trailer = value.trailer;
      continue;
    }
    hash.update(`${line}\n`, 'utf8');
    if (typeof value.t !== 'string' || typeof value.r !== 'object' || value.r === null) {
      throw damaged(path, 'a line is neither a row nor the trailer');
    }
    const current = header.tables[tableIndex];
    if (current?.name !== value.t) {
      const next = header.tables.findIndex((t, i) => i > tableIndex && t.name === value.t);
      if (next < 0) throw damaged(path, `rows of ${value.t} out of order`);
      tableIndex = next;
      columns = header.tables[next]?.columns ?? [];
    }
    const raw = value.r as Record<string, unknown>;
    if (Object.keys(raw).length !== columns.length || columns.some((c) => !(c in raw))) {
      throw damaged(path, `a row of ${value.t} has other columns than the header says`);
    }
    const row = canonicalRow(raw, columns);
    sums.get(value.t)?.add(JSON.stringify(row));
    if (onRow) await onRow(value.t, row);
  }
  if (!header) throw wrongFormat(path, 'empty file');
  if (!trailer || typeof trailer.sha256 !== 'string' || typeof trailer.tables !== 'object') {
    throw damaged(path, 'the file ends before its trailer (truncated)');
  }
  if (hash.digest('hex') !== trailer.sha256) throw damaged(path, 'SHA-256 does not match');
  for (const [name, sum] of sums) {
    const expected = trailer.tables[name];
    const actual = sum.summary();
    if (expected?.rows !== actual.rows || expected.checksum !== actual.checksum) {
      throw damaged(path, `rows or checksum of ${name} do not match`);
    }
  }
  return { header, trailer };
}
