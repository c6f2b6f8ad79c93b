/**
 * What every command that works on the workspace database shares: the `--database-url` and
 * `--data-dir` options, the configuration they give over DATABASE_URL / DATA_DIR, and
 * opening that database for one piece of work and closing it again.
 */
import type { Command } from 'commander';
import type { Kysely } from 'kysely';
import { migrateDatabase } from '../app/database-admin.js';
import { type Config, parseConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import type { Schema } from '../db/schema.js';
import type { CliIo } from './io.js';

/** The database options as commander hands them to an action. */
export interface DatabaseOptions {
  databaseUrl?: string;
  dataDir?: string;
}

/** Adds `--database-url` and `--data-dir` to `command`. */
export function databaseOptions(command: Command): Command {
  return command
    .option('--database-url <url>', 'PostgreSQL URL (default: DATABASE_URL, else the SQLite file)')
    .option('--data-dir <dir>', 'folder of the SQLite file (default: DATA_DIR or ./data)');
}

/**
 * The configuration: the environment, then `env` (other variables a command sets from its
 * options, such as serve's PORT), then the database options over both.
 */
export function databaseConfig(
  io: CliIo,
  options: DatabaseOptions,
  env: Readonly<Record<string, string>> = {},
): Config {
  return parseConfig(
    {
      ...io.env,
      ...env,
      ...(options.databaseUrl !== undefined ? { DATABASE_URL: options.databaseUrl } : {}),
      ...(options.dataDir !== undefined ? { DATA_DIR: options.dataDir } : {}),
    },
    io.cwd,
  );
}

/**
 * Opens `config`'s database (after bringing its schema up to date, with `migrate`), runs
 * `work` on it and closes it, whether `work` succeeds or throws.
 */
export async function onDatabase<T>(
  config: Config,
  work: (db: Kysely<Schema>) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  if (options.migrate) await migrateDatabase(config);
  const database = openDatabase<Schema>(config.database);
  try {
    return await work(database.db as Kysely<Schema>);
  } finally {
    await database.close();
  }
}
