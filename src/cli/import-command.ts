/**
 * `closer import FILE --type customers|contacts|deals|visits` and `closer export LIST`:
 * the same use cases as the API, on the configured database, acting as `--user`.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Command, Option } from 'commander';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { exportList } from '../app/export/export-list.js';
import { cliPrincipal } from '../app/import/cli-principal.js';
import { type ImportReport, importRecords, type RowOutcome } from '../app/import/import-records.js';
import { formatOfFileName } from '../app/import/read-table.js';
import { writeErrorFile } from '../app/import/write-error-file.js';
import { EXPORT_LISTS } from '../contract/imports.js';
import type { Schema } from '../db/schema.js';
import { AppError, type Lang } from '../domain/errors.js';
import { IMPORT_TYPES } from '../domain/import/fields.js';
import { type DatabaseOptions, databaseConfig, databaseOptions, onDatabase } from './database-options.js';
import { type CliIo, defaultLang } from './io.js';

interface MemberOptions extends DatabaseOptions {
  user?: string;
  lang?: Lang;
}

interface ImportCommandOptions extends MemberOptions {
  type: (typeof IMPORT_TYPES)[number];
  dryRun?: boolean;
  mapping?: string;
  errors?: string;
  format?: 'csv' | 'xlsx';
  json?: boolean;
}

interface ExportCommandOptions extends MemberOptions {
  format: 'csv' | 'xlsx';
  out: string;
  filter?: string[];
}

/** Opens the configured database, runs `work` as the chosen member, closes it again. */
async function withPrincipal<T>(
  io: CliIo,
  options: MemberOptions,
  work: (
    deps: { db: Kysely<Schema>; clock: () => Date; newId: () => string },
    principal: Awaited<ReturnType<typeof cliPrincipal>>,
  ) => Promise<T>,
): Promise<T> {
  return onDatabase(databaseConfig(io, options), async (db) =>
    work({ db, clock: io.now, newId: uuidv7 }, await cliPrincipal(db, options.user)),
  );
}

const ACTIONS: Record<RowOutcome['action'], Record<Lang, string>> = {
  create: { zh: '新建', en: 'create' },
  update: { zh: '更新', en: 'update' },
  skip: { zh: '跳过', en: 'skip' },
  reject: { zh: '拒绝', en: 'reject' },
};

function summary(report: ImportReport, lang: Lang): string {
  const c = report.counts;
  const dry = report.dryRun ? (lang === 'zh' ? '（试运行，未写入）' : ' (dry run: nothing written)') : '';
  return lang === 'zh'
    ? `读取 ${c.rowsRead} 行：新建 ${c.created}，更新 ${c.updated}，跳过 ${c.skipped}，拒绝 ${c.rejected}${dry}\n`
    : `${c.rowsRead} rows read: ${c.created} created, ${c.updated} updated, ${c.skipped} skipped, ${c.rejected} rejected${dry}\n`;
}

/** Adds `closer import` and `closer export` to `program`. */
export function registerImportCommand(program: Command, io: CliIo): void {
  const database = (command: Command) =>
    databaseOptions(
      command.option('--user <email>', 'act as this member (default: the only manager)'),
    ).addOption(new Option('--lang <lang>', 'language of messages and files').choices(['zh', 'en']));

  database(
    program
      .command('import')
      .description('Import customers, contacts, deals or visits from .xlsx or .csv · 导入')
      .argument('<file>', '.xlsx or .csv (UTF-8 or GBK)')
      .addOption(
        new Option('--type <type>', 'what the file holds').choices([...IMPORT_TYPES]).makeOptionMandatory(),
      )
      .option('--dry-run', 'report row by row what would happen, write nothing')
      .option('--mapping <pairs>', 'explicit columns: 表头=field,…  (fields: see docs)')
      .option('--errors <file>', 'write the rejected rows with their reasons to this file')
      .addOption(
        new Option('--format <format>', 'file format (default: from the extension)').choices(['csv', 'xlsx']),
      )
      .option('--json', 'print the report as JSON'),
  ).action(async (file: string, options: ImportCommandOptions) => {
    const lang = options.lang ?? defaultLang(io.env);
    const path = resolve(io.cwd, file);
    const format = options.format ?? formatOfFileName(path);
    if (!format) {
      throw new AppError('IMPORT.UNSUPPORTED_FILE', { file, reason: 'use --format csv|xlsx' });
    }
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch {
      throw new AppError('FILE.NOT_FOUND', { path: file });
    }
    const report = await withPrincipal(io, options, async (deps, principal) => {
      let lastDrawn = 0;
      let bytesRead = 0;
      // The share of bytes read drives the bar: rows are counted as they come, the total is unknown.
      async function* counted(stream: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
        for await (const chunk of stream) {
          bytesRead += chunk.length;
          yield chunk;
        }
      }
      const progress = (rows: number, done = false) => {
        if (!io.stderrIsTTY || options.json) return;
        const now = Date.now();
        if (!done && now - lastDrawn < 100) return;
        lastDrawn = now;
        const share = done || size === 0 ? 1 : Math.min(1, bytesRead / size);
        const filled = Math.round(share * 30);
        const bar = `[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${String(Math.round(share * 100)).padStart(3)}%`;
        io.stderr(`\r${bar}  ${rows} ${lang === 'zh' ? '行' : 'rows'}${done ? '\n' : ''}`);
      };
      const result = await importRecords(
        deps,
        principal,
        counted(createReadStream(path)),
        {
          type: options.type,
          format,
          dryRun: options.dryRun === true,
          fileName: file,
          ...(options.mapping ? { mapping: options.mapping } : {}),
        },
        {
          onProgress: (c) => progress(c.rowsRead),
          onRow: (o) => {
            // A dry run lists every row; a real run only what did not go in.
            if (options.json || (!options.dryRun && o.action !== 'reject')) return;
            const why = o.reason ? `  ${o.reason[lang]}` : '';
            io.stdout(
              `${lang === 'zh' ? '第' : 'row '}${o.line}${lang === 'zh' ? ' 行' : ''}  ${ACTIONS[o.action][lang]}  ${o.label}${why}\n`,
            );
          },
        },
      );
      progress(result.counts.rowsRead, true);
      return result;
    });
    if (options.errors && report.rejected.rows.length > 0) {
      const target = resolve(io.cwd, options.errors);
      const tmp = `${target}.tmp-${process.pid}`;
      try {
        await writeErrorFile(
          report.rejected,
          formatOfFileName(target) ?? format,
          lang,
          createWriteStream(tmp),
        );
        await rename(tmp, target);
      } catch (error) {
        await rm(tmp, { force: true });
        throw new AppError('FILE.UNWRITABLE', { path: options.errors, reason: (error as Error).message });
      }
    }
    if (options.json) {
      io.stdout(`${JSON.stringify({ ...report, rejected: report.rejected.rows.length, bytes: size })}\n`);
    } else {
      io.stdout(summary(report, lang));
      if (options.errors && report.rejected.rows.length > 0) {
        io.stdout(
          lang === 'zh'
            ? `被拒绝的行已写入：${options.errors}\n`
            : `Rejected rows written to ${options.errors}\n`,
        );
      }
    }
  });

  database(
    program
      .command('export')
      .description('Export a list as .xlsx or .csv · 导出')
      .argument('<list>', EXPORT_LISTS.join(' | '))
      .addOption(
        new Option('--format <format>', 'file format').choices(['csv', 'xlsx']).makeOptionMandatory(),
      )
      .requiredOption('--out <file>', 'where to write')
      .option('--filter <key=value...>', "the list's filters, e.g. class=A status=won year=2026"),
  ).action(async (list: string, options: ExportCommandOptions) => {
    const lang = options.lang ?? defaultLang(io.env);
    if (!(EXPORT_LISTS as readonly string[]).includes(list)) {
      throw new AppError('CLI.BAD_OPTION', {
        option: 'LIST',
        reason: `one of ${EXPORT_LISTS.join(', ')}`,
        reasonZh: `可选：${EXPORT_LISTS.join('、')}`,
      });
    }
    const filters = Object.fromEntries(
      (options.filter ?? []).map((pair) => {
        const at = pair.indexOf('=');
        return at < 0 ? [pair, 'true'] : [pair.slice(0, at), pair.slice(at + 1)];
      }),
    );
    const target = resolve(io.cwd, options.out);
    const tmp = `${target}.tmp-${process.pid}`;
    await withPrincipal(io, options, async (deps, principal) => {
      try {
        await exportList(
          deps,
          principal,
          { list, format: options.format, lang, filters },
          createWriteStream(tmp),
        );
        await rename(tmp, target);
      } catch (error) {
        await rm(tmp, { force: true });
        if (error instanceof AppError) throw error;
        throw new AppError('FILE.UNWRITABLE', { path: options.out, reason: (error as Error).message });
      }
    });
    io.stdout(lang === 'zh' ? `已写入：${options.out}\n` : `Written: ${options.out}\n`);
  });
}
