/**
 * `closer db migrate` and `closer db status`: the schema of the configured database
 * (DATABASE_URL for PostgreSQL, otherwise the SQLite file under DATA_DIR).
 */
import type { Command } from 'commander';
import { databaseStatus, describeDatabase, migrateDatabase } from '../app/database-admin.js';
import { type DatabaseOptions, databaseConfig, databaseOptions } from './database-options.js';
import { type CliIo, defaultLang } from './io.js';

interface DbOptions extends DatabaseOptions {
  json?: boolean;
}

/** Adds the `db` command group to `program`. */
export function registerDbCommand(program: Command, io: CliIo): void {
  const db = program.command('db').description('Database schema: migrate and status · 数据库');
  const common = (command: Command) => databaseOptions(command).option('--json', 'print JSON');

  common(db.command('migrate').description('apply pending migrations')).action(async (options: DbOptions) => {
    const zh = defaultLang(io.env) === 'zh';
    const config = databaseConfig(io, options);
    const applied = await migrateDatabase(config);
    if (options.json) {
      io.stdout(`${JSON.stringify({ database: describeDatabase(config), applied })}\n`);
      return;
    }
    const where = describeDatabase(config);
    if (applied.length === 0) io.stdout(zh ? `${where}：已是最新\n` : `${where}: up to date\n`);
    else io.stdout(`${where}: ${zh ? '已执行' : 'applied'} ${applied.join(', ')}\n`);
  });

  common(db.command('status').description('show applied and pending migrations')).action(
    async (options: DbOptions) => {
      const zh = defaultLang(io.env) === 'zh';
      const config = databaseConfig(io, options);
      const status = await databaseStatus(config);
      if (options.json) {
        io.stdout(`${JSON.stringify({ database: describeDatabase(config), ...status })}\n`);
        return;
      }
      const lines = [describeDatabase(config)];
      for (const m of status.migrations) {
        lines.push(
          `  ${m.executedAt ? '✓' : '…'} ${m.name}${m.executedAt ? `  ${m.executedAt}` : zh ? '  待执行' : '  pending'}`,
        );
      }
      for (const name of status.unknown)
        lines.push(`  ? ${name}  ${zh ? '未知（来自更新版本）' : 'unknown (from a newer version)'}`);
      io.stdout(`${lines.join('\n')}\n`);
    },
  );
}
