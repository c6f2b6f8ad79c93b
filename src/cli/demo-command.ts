/**
 * `closer demo` (and `closer serve --demo`): creates the demo region in an empty database
 * (SQLite under --data-dir or DATA_DIR, or PostgreSQL with --database-url / DATABASE_URL)
 * and prints its logins.
 */
import type { Command } from 'commander';
import { uuidv7 } from 'uuidv7';
import { describeDatabase } from '../app/database-admin.js';
import { seedDemo } from '../app/demo/seed-demo.js';
import type { Config } from '../config.js';
import { type DatabaseOptions, databaseConfig, databaseOptions, onDatabase } from './database-options.js';
import { type CliIo, defaultLang } from './io.js';

/**
 * Migrates and seeds the demo into `config`'s database and prints the logins. With
 * `onlyIfEmpty`, a database that already has users is left alone (and says so).
 */
export async function writeDemo(
  config: Config,
  io: CliIo,
  options: { onlyIfEmpty?: boolean } = {},
): Promise<void> {
  const zh = defaultLang(io.env) === 'zh';
  await onDatabase(
    config,
    async (db) => {
      if (options.onlyIfEmpty && (await db.selectFrom('users').select('id').limit(1).executeTakeFirst())) {
        io.stdout(
          zh ? '数据库中已有数据，未生成演示数据\n' : 'The database already has data: no demo written\n',
        );
        return;
      }
      const demo = await seedDemo({ db, clock: io.now, newId: uuidv7 });
      const c = demo.counts;
      io.stdout(
        [
          zh
            ? `演示数据已写入 ${describeDatabase(config)}：${c.customers} 个客户，${c.visits} 次拜访，${c.deals} 笔签单，${c.followUps} 个待跟进`
            : `Demo region written to ${describeDatabase(config)}: ${c.customers} customers, ${c.visits} visits, ${c.deals} deals, ${c.followUps} follow-ups`,
          zh ? `登录（密码都是 ${demo.password}）：` : `Logins (password ${demo.password} for all):`,
          ...demo.logins.map((l) => `  ${l.email}  ${l.name}  ${l.role}`),
          '',
        ].join('\n'),
      );
    },
    { migrate: true },
  );
}

/** Adds `closer demo` to `program`. */
export function registerDemoCommand(program: Command, io: CliIo): void {
  databaseOptions(
    program.command('demo').description('Fill an empty database with a demo sales region · 生成演示数据'),
  ).action(async (options: DatabaseOptions) => {
    await writeDemo(databaseConfig(io, options), io);
  });
}
