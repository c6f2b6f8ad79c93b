/**
 * `closer backup FILE` and `closer restore FILE [--replace]`: the whole database in one
 * portable file that restores into SQLite or PostgreSQL (see src/app/backup/).
 */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { backupDatabase } from '../app/backup/backup-database.js';
import type { TableSummary } from '../app/backup/backup-format.js';
import { restoreDatabase } from '../app/backup/restore-database.js';
import { describeDatabase, withDatabase } from '../app/database-admin.js';
import type { Config } from '../config.js';
import type { Schema } from '../db/schema.js';
import { type DatabaseOptions, databaseConfig, databaseOptions } from './database-options.js';
import { type CliIo, defaultLang } from './io.js';

interface BackupOptions extends DatabaseOptions {
  json?: boolean;
  replace?: boolean;
}

function withDb<T>(config: Config, work: (db: Kysely<Schema>) => Promise<T>): Promise<T> {
  return withDatabase(config, (db) => work(db as Kysely<Schema>));
}

function totals(tables: Readonly<Record<string, TableSummary>>): { tables: number; rows: number } {
  const list = Object.values(tables);
  return { tables: list.length, rows: list.reduce((n, t) => n + t.rows, 0) };
}

/** Adds `closer backup` and `closer restore` to `program`. */
export function registerBackupCommands(program: Command, io: CliIo): void {
  const common = (command: Command) => databaseOptions(command).option('--json', 'print JSON');

  common(
    program
      .command('backup')
      .description('Write the whole database to one portable backup file · 备份')
      .argument('<file>', 'backup file to write (gzip of JSON lines, e.g. closer-2026-11-29.backup)'),
  ).action(async (file: string, options: BackupOptions) => {
    const zh = defaultLang(io.env) === 'zh';
    const config = databaseConfig(io, options);
    const path = resolve(io.cwd, file);
    const summary = await withDb(config, (db) => backupDatabase({ db, clock: io.now }, { file: path }));
    if (options.json) {
      io.stdout(`${JSON.stringify({ database: describeDatabase(config), ...summary })}\n`);
      return;
    }
    const t = totals(summary.tables);
    const names = summary.workspaces.map((w) => w.name).join(zh ? '、' : ', ');
    io.stdout(
      zh
        ? `已备份 ${describeDatabase(config)} → ${path}：${summary.workspaces.length} 个工作区（${names}），${t.tables} 张表，${t.rows} 行\n`
        : `Backed up ${describeDatabase(config)} → ${path}: ${summary.workspaces.length} workspace(s) (${names}), ${t.tables} tables, ${t.rows} rows\n`,
    );
  });

  common(
    program
      .command('restore')
      .description('Restore a backup file into an empty database (SQLite or PostgreSQL) · 恢复')
      .argument('<file>', 'backup file written by `closer backup`')
      .option('--replace', 'delete all data of the target database first'),
  ).action(async (file: string, options: BackupOptions) => {
    const zh = defaultLang(io.env) === 'zh';
    const config = databaseConfig(io, options);
    const path = resolve(io.cwd, file);
    const summary = await withDb(config, (db) =>
      restoreDatabase({ db }, { file: path, replace: options.replace === true }),
    );
    if (options.json) {
      io.stdout(`${JSON.stringify({ database: describeDatabase(config), ...summary })}\n`);
      return;
    }
    const t = totals(summary.tables);
    io.stdout(
      zh
        ? `已恢复 ${path} → ${describeDatabase(config)}：${summary.workspaces.length} 个工作区，${t.tables} 张表，${t.rows} 行（备份时间 ${summary.createdAt}）；行数与校验和一致。所有人需要重新登录。\n`
        : `Restored ${path} → ${describeDatabase(config)}: ${summary.workspaces.length} workspace(s), ${t.tables} tables, ${t.rows} rows (backup of ${summary.createdAt}); row counts and checksums match. Everyone signs in again.\n`,
    );
  });
}
