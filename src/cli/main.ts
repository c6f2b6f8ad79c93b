/**
 * The `closer` command line. `main` parses argv, runs one command and returns the exit
 * code; it never calls process.exit, so tests run it in-process with captured output.
 */
import { Command, CommanderError } from 'commander';
import { AppError } from '../domain/errors.js';
import { registerBackupCommands } from './backup-command.js';
import { registerDbCommand } from './db-command.js';
import { registerDemoCommand } from './demo-command.js';
import { registerImportCommand } from './import-command.js';
import { registerInitCommand } from './init-command.js';
import { type CliIo, defaultLang } from './io.js';
import { registerPlanCommand } from './plan-command.js';
import { registerProgressCommands } from './progress-command.js';
import { registerServeCommand } from './serve-command.js';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const program = new Command();
  let lang = defaultLang(io.env);
  // The language of an error must be known before commander has parsed anything.
  for (const [i, arg] of argv.entries()) {
    const value = arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined;
    if (value === 'zh' || value === 'en') lang = value;
  }
  program
    .name('closer')
    .description(
      lang === 'zh'
        ? 'Closer：把年度销售目标分解到今天的数字。'
        : "Closer: from an annual sales target to today's number.",
    )
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError(false)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerPlanCommand(program, io);
  registerDbCommand(program, io);
  registerDemoCommand(program, io);
  registerInitCommand(program, io);
  registerServeCommand(program, io);
  registerProgressCommands(program, io);
  registerImportCommand(program, io);
  registerBackupCommands(program, io);
  try {
    if (argv.length === 0) {
      io.stdout(program.helpInformation());
      return 0;
    }
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are "errors" to commander; everything else is a usage error.
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      return 2;
    }
    if (error instanceof AppError) {
      io.stderr(`${lang === 'zh' ? '错误' : 'Error'} [${error.code}]: ${error.messageIn(lang)}\n`);
      return error.exitCode;
    }
    // A bug, not a user mistake: a short message; the stack only when asked for.
    const internal = new AppError('INTERNAL', { reason: (error as Error).message ?? String(error) });
    io.stderr(`${lang === 'zh' ? '错误' : 'Error'} [INTERNAL]: ${internal.messageIn(lang)}\n`);
    if (io.env?.CLOSER_DEBUG) io.stderr(`${(error as Error).stack ?? ''}\n`);
    return internal.exitCode;
  }
}
