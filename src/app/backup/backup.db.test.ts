/**
 * Backup and restore on real databases: the table list covers the schema, the demo
 * workspace survives SQLite → PostgreSQL → SQLite with identical row counts and checksums,
 * and damaged, truncated, foreign, newer or inconsistent files are refused with nothing
 * written.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testClock, testDeps } from '../../../test/factories.js';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { databaseArgs, engines, type TestDatabase } from '../../../test/harness/databases.js';
import { main } from '../../cli/main.js';
import type { Database } from '../../db/client.js';
import { migrateToLatest } from '../../db/migrate.js';
import type { Schema } from '../../db/schema.js';
import type { ErrorCode } from '../../domain/errors.js';
import { seedDemo } from '../demo/seed-demo.js';
import { type BackupSummary, backupDatabase, tableSummaries } from './backup-database.js';
import { type CanonicalRow, canonicalRow, TableChecksum } from './backup-format.js';
import { BACKUP_TABLES, NOT_BACKED_UP, tableColumns } from './backup-tables.js';
import { restoreDatabase } from './restore-database.js';

const dir = mkdtempSync(join(tmpdir(), 'closer-backup-'));
const clock = testClock('2026-11-27T02:00:00.000Z');

interface Lines {
  header: Record<string, unknown> & { schema: string[]; tables: { name: string; columns: string[] }[] };
  rows: { t: string; r: CanonicalRow }[];
}

function readLines(file: string): Lines {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
  return {
    header: JSON.parse(lines[0] ?? '{}'),
    rows: lines.slice(1, -1).map((l) => JSON.parse(l)),
  };
}

/** Writes a consistent backup file (fresh checksums and SHA-256) from edited lines. */
function writeLines(file: string, { header, rows }: Lines): void {
  const sums = new Map(header.tables.map((t) => [t.name, new TableChecksum()]));
  const body = [JSON.stringify(header)];
  for (const row of rows) {
    const columns = header.tables.find((t) => t.name === row.t)?.columns ?? [];
    sums.get(row.t)?.add(JSON.stringify(canonicalRow(row.r, columns)));
    body.push(JSON.stringify({ t: row.t, r: row.r }));
  }
  const text = body.map((l) => `${l}\n`).join('');
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const tables = Object.fromEntries([...sums].map(([name, sum]) => [name, sum.summary()]));
  writeFileSync(file, gzipSync(`${text}${JSON.stringify({ trailer: { tables, sha256 } })}\n`));
}

const countsOf = (summary: Pick<BackupSummary, 'tables'>) =>
  Object.fromEntries(Object.entries(summary.tables).map(([name, t]) => [name, t.rows]));

describe.each(engines)('backup on $name', (engine) => {
  const opened: { database: TestDatabase; open: Database<Schema> }[] = [];
  const fresh = async (migrate = true): Promise<{ target: TestDatabase; db: Kysely<Schema> }> => {
    const database = await engine.create();
    const open = database.open() as Database<Schema>;
    opened.push({ database, open });
    if (migrate) await migrateToLatest(open.db as Kysely<unknown>);
    return { target: database, db: open.db };
  };
  let source: Kysely<Schema>;
  let sourceFile: string;
  let first: BackupSummary;

  beforeAll(async () => {
    source = (await fresh()).db;
    const deps = testDeps(source, clock);
    const demo = await seedDemo(deps);
    // Make the rows a backup must handle with care: a customer whose key person is one of
    // its contacts (a foreign-key cycle), text with newlines, quotes, emoji and
    // backslashes, a session (not backed up) and a calendar feed.
    const customer = await source
      .selectFrom('customers')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const contact = await source
      .insertInto('contacts')
      .values({
        id: deps.newId(),
        workspace_id: demo.workspaceId,
        customer_id: customer.id,
        name: '陈总 "老陈" 🎉',
        kp_confirmed: 1,
        created_at: '2026-11-01T00:00:00.000Z',
        updated_at: '2026-11-01T00:00:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await source
      .updateTable('customers')
      .set({ kp_contact_id: contact.id, notes: '第一行\n第二行, C:\\报价\\2026; 100%' })
      .where('id', '=', customer.id)
      .execute();
    const manager = await source
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'manager@demo.closer')
      .executeTakeFirstOrThrow();
    await source
      .insertInto('sessions')
      .values({
        id: 'a'.repeat(64),
        user_id: manager.id,
        workspace_id: demo.workspaceId,
        csrf_token: 'x',
        created_at: '2026-11-27T00:00:00.000Z',
        expires_at: '2026-12-27T00:00:00.000Z',
      })
      .execute();
    await source
      .insertInto('calendar_feeds')
      .values({
        id: deps.newId(),
        workspace_id: demo.workspaceId,
        user_id: manager.id,
        token_hash: 'b'.repeat(64),
        created_at: '2026-11-27T00:00:00.000Z',
        revoked_at: null,
      })
      .execute();
    sourceFile = join(dir, `${engine.name}-source.backup`);
    first = await backupDatabase({ db: source, clock: clock.now }, { file: sourceFile });
  }, 120_000);
  afterAll(async () => {
    for (const { open, database } of opened) {
      await open.close();
      await database.dispose();
    }
  });

  it('lists every table of the schema exactly once, as backed up or left out', async () => {
    const real = [...(await tableColumns(source)).keys()].sort();
    const listed = [...BACKUP_TABLES.map((t) => t.name as string), ...NOT_BACKED_UP].sort();
    expect(listed).toEqual(real);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('writes a header, one line per row and a trailer with counts matching the database', async () => {
    const { header, rows } = readLines(sourceFile);
    expect(header).toMatchObject({
      format: 'closer-backup',
      formatVersion: 1,
      createdAt: '2026-11-27T02:00:00.000Z',
    });
    expect(header.schema).toContain('0004_calendar_feeds');
    expect(first.workspaces).toEqual([{ id: expect.any(String), name: '杭州区域（演示）' }]);
    expect(first.tables.customers?.rows).toBe(300);
    expect(first.tables.sessions).toBeUndefined();
    expect(rows.length).toBe(Object.values(first.tables).reduce((n, t) => n + t.rows, 0));
    for (const table of BACKUP_TABLES) {
      const n = await source
        .selectFrom(table.name)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .executeTakeFirst();
      expect({ table: table.name, rows: first.tables[table.name]?.rows }).toEqual({
        table: table.name,
        rows: Number(n?.n),
      });
    }
  });

  it.each(engines.map((e) => e.name))(
    'restores into %s with identical row counts and checksums, and back again',
    async (targetEngine) => {
      const other = engines.find((e) => e.name === targetEngine);
      if (!other) throw new Error('no engine');
      const database = await other.create();
      const open = database.open() as Database<Schema>;
      opened.push({ database, open });
      const restored = await restoreDatabase({ db: open.db }, { file: sourceFile });
      expect(restored.tables).toEqual(first.tables);
      const second = await backupDatabase(
        { db: open.db, clock: clock.now },
        { file: join(dir, `${engine.name}-to-${targetEngine}.backup`) },
      );
      expect(countsOf(second)).toEqual(countsOf(first));
      expect(second.tables).toEqual(first.tables);
      // And back into a fresh database of the source's engine.
      const back = await fresh(false);
      await restoreDatabase({ db: back.db }, { file: join(dir, `${engine.name}-to-${targetEngine}.backup`) });
      const columns = await tableColumns(back.db);
      expect(await tableSummaries(back.db, columns)).toEqual(await tableSummaries(source, columns));
      expect(await open.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
      const customer = await open.db
        .selectFrom('customers')
        .select(['kp_contact_id', 'notes'])
        .where('kp_contact_id', 'is not', null)
        .where('notes', 'is not', null)
        .execute();
      expect(customer).toEqual([
        { kp_contact_id: expect.any(String), notes: '第一行\n第二行, C:\\报价\\2026; 100%' },
      ]);
      const assistants = await back.db
        .selectFrom('memberships')
        .select('works_for')
        .where('role', '=', 'assistant')
        .execute();
      expect(assistants.length).toBeGreaterThan(0);
      for (const a of assistants) expect(a.works_for).not.toBeNull();
    },
    120_000,
  );

  const refusedWithNothingWritten = async (file: string, code: ErrorCode) => {
    const target = await fresh(false);
    await expectAppError(restoreDatabase({ db: target.db }, { file }), code);
    // Not even migrated: the file is checked before the target is touched.
    expect([...(await tableColumns(target.db)).keys()]).toEqual([]);
  };

  it('refuses a file with a flipped byte, and a truncated file, writing nothing', async () => {
    const bytes = readFileSync(sourceFile);
    const flipped = Buffer.from(bytes);
    const at = Math.floor(bytes.length / 2);
    flipped[at] = (flipped[at] ?? 0) ^ 0x01;
    writeFileSync(join(dir, `${engine.name}-flipped.backup`), flipped);
    await refusedWithNothingWritten(join(dir, `${engine.name}-flipped.backup`), 'BACKUP.DAMAGED');
    writeFileSync(
      join(dir, `${engine.name}-truncated.backup`),
      bytes.subarray(0, Math.floor(bytes.length * 0.7)),
    );
    await refusedWithNothingWritten(join(dir, `${engine.name}-truncated.backup`), 'BACKUP.DAMAGED');
  });

  it('refuses an edited row under an intact gzip (SHA-256 and checksum), a foreign file and a newer schema', async () => {
    const text = gunzipSync(readFileSync(sourceFile)).toString('utf8');
    const edited = text.replace('"amount_minor":', '"amount_minor":1');
    expect(edited).not.toBe(text);
    writeFileSync(join(dir, `${engine.name}-edited.backup`), gzipSync(edited));
    await refusedWithNothingWritten(join(dir, `${engine.name}-edited.backup`), 'BACKUP.DAMAGED');

    writeFileSync(join(dir, `${engine.name}-notes.txt`), 'customers,visits\n');
    await refusedWithNothingWritten(join(dir, `${engine.name}-notes.txt`), 'BACKUP.WRONG_FORMAT');
    writeFileSync(join(dir, `${engine.name}-other.gz`), gzipSync('{"hello":"world"}\n'));
    await refusedWithNothingWritten(join(dir, `${engine.name}-other.gz`), 'BACKUP.WRONG_FORMAT');

    const lines = readLines(sourceFile);
    lines.header.schema = [...lines.header.schema, '0099_from_the_future'];
    writeLines(join(dir, `${engine.name}-newer.backup`), lines);
    await refusedWithNothingWritten(join(dir, `${engine.name}-newer.backup`), 'BACKUP.NEWER_SCHEMA');
  });

  it('never half-restores: a consistent file whose rows break a foreign key leaves the target empty', async () => {
    const lines = readLines(sourceFile);
    // Contacts without their customers: the checksums are right, the inserts fail late.
    lines.rows = lines.rows.filter((r) => r.t !== 'customers' || r.r.kp_contact_id !== null);
    const file = join(dir, `${engine.name}-orphans.backup`);
    writeLines(file, lines);
    const target = await fresh();
    // The engine's own foreign-key error, not an AppError: SQLite's name or PostgreSQL's code.
    await expect(restoreDatabase({ db: target.db }, { file })).rejects.toMatchObject({
      code: expect.stringMatching(/FOREIGNKEY|23503/),
    });
    const columns = await tableColumns(target.db);
    const summaries = await tableSummaries(target.db, columns);
    expect(Object.values(summaries).every((t) => t.rows === 0)).toBe(true);
  });

  it('refuses a database that has data unless --replace, which replaces all of it', async () => {
    const target = await fresh();
    await seedDemo(testDeps(target.db, testClock('2026-05-01T02:00:00.000Z')), { seed: 7 });
    await expectAppError(restoreDatabase({ db: target.db }, { file: sourceFile }), 'BACKUP.TARGET_NOT_EMPTY');
    await restoreDatabase({ db: target.db }, { file: sourceFile, replace: true });
    const columns = await tableColumns(target.db);
    expect(await tableSummaries(target.db, columns)).toEqual(await tableSummaries(source, columns));
  }, 120_000);

  it('runs as `closer backup` and `closer restore` with JSON output and catalog exit codes', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = {
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => err.push(t),
      now: clock.now,
      cwd: dir,
      env: {},
    };
    const target = await fresh(false);
    const file = join(dir, `${engine.name}-cli.backup`);
    expect(await main(['restore', sourceFile, ...databaseArgs(target.target.target), '--json'], io)).toBe(0);
    const restored = JSON.parse(out.join(''));
    expect(restored.tables).toEqual(first.tables);
    out.length = 0;
    expect(await main(['backup', file, ...databaseArgs(target.target.target)], io)).toBe(0);
    expect(out.join('')).toMatch(/Backed up .* 1 workspace\(s\) \(杭州区域（演示）\), \d+ tables, \d+ rows/);
    expect(await main(['restore', file, ...databaseArgs(target.target.target)], io)).toBe(4);
    expect(err.join('')).toContain('BACKUP.TARGET_NOT_EMPTY');
    expect(
      await main(
        ['restore', join(dir, `${engine.name}-notes.txt`), ...databaseArgs(target.target.target)],
        io,
      ),
    ).toBe(3);
    expect(
      await main(['restore', join(dir, 'missing.backup'), ...databaseArgs(target.target.target)], io),
    ).toBe(3);
    expect(err.join('')).toContain('FILE.NOT_FOUND');
  });
});
