/**
 * `closer init`: first run from the command line. Brings the database schema up to date,
 * then creates the workspace and its manager (the same use case as POST /api/setup, so it
 * is refused with SETUP.ALREADY_DONE once any user exists).
 */
import type { Command } from 'commander';
import { uuidv7 } from 'uuidv7';
import { initWorkspace } from '../app/auth/init-workspace.js';
import { describeDatabase } from '../app/database-admin.js';
import { AppError } from '../domain/errors.js';
import { type DatabaseOptions, databaseConfig, databaseOptions, onDatabase } from './database-options.js';
import { type CliIo, defaultLang } from './io.js';

interface InitOptions extends DatabaseOptions {
  workspace?: string;
  email?: string;
  name?: string;
  password?: string;
  currency?: string;
  timeZone?: string;
  locale?: string;
  json?: boolean;
}

function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === '') {
    throw new AppError('CLI.BAD_OPTION', { option, reason: 'required', reasonZh: '必须填写' });
  }
  return value;
}

/** Adds `closer init` to `program`. */
export function registerInitCommand(program: Command, io: CliIo): void {
  databaseOptions(
    program
      .command('init')
      .description('First run: create the database, the workspace and its manager · 初始化')
      .option('--workspace <name>', 'name of the workspace (team, region …)')
      .option('--email <email>', "the manager's email (their sign-in)")
      .option('--name <name>', "the manager's name")
      .option('--password <password>', "the manager's password (better: env CLOSER_INIT_PASSWORD)")
      .option('--currency <code>', 'ISO 4217 currency of amounts (default CNY)')
      .option('--time-zone <zone>', 'IANA time zone of business dates (default Asia/Shanghai)')
      .option('--locale <locale>', 'zh-CN or en (default zh-CN)'),
  )
    .option('--json', 'print JSON')
    .action(async (options: InitOptions) => {
      const zh = defaultLang(io.env) === 'zh';
      const workspace = required(options.workspace, '--workspace');
      const email = required(options.email, '--email');
      const name = required(options.name, '--name');
      const password = required(options.password ?? io.env?.CLOSER_INIT_PASSWORD, '--password');
      const config = databaseConfig(io, options);

      const result = await onDatabase(
        config,
        (db) =>
          initWorkspace(
            { db, clock: io.now, newId: uuidv7 },
            {
              workspace: {
                name: workspace,
                ...(options.currency !== undefined ? { currency: options.currency } : {}),
                ...(options.timeZone !== undefined ? { timeZone: options.timeZone } : {}),
                ...(options.locale !== undefined ? { locale: options.locale } : {}),
              },
              manager: { email, name, password },
            },
          ),
        { migrate: true },
      );

      const login = email.trim().toLowerCase();
      if (options.json) {
        io.stdout(`${JSON.stringify({ database: describeDatabase(config), ...result, email: login })}\n`);
        return;
      }
      io.stdout(
        zh
          ? `已创建工作区“${workspace.trim()}”（${describeDatabase(config)}）。\n请用 ${login} 和设置的密码登录：closer serve\n`
          : `Created the workspace "${workspace.trim()}" (${describeDatabase(config)}).\nSign in as ${login} with the password you set: closer serve\n`,
      );
    });
}
