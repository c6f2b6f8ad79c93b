/**
 * The `closer` command run in-process, as the CLI tests need it: a fixed or moving clock,
 * the repository as the working directory, an empty environment unless one is given, and
 * what it printed captured.
 */
import { resolve } from 'node:path';
import { main } from '../../src/cli/main.js';

/** The repository root (relative paths in commands resolve against it). */
export const ROOT = resolve(import.meta.dirname, '../..');

/** What one command run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Options of {@link runCli}. */
export interface RunCliOptions {
  /** The instant the command sees as now: fixed (ISO text or a Date) or a clock. Default 2026-03-02 10:00 in Shanghai. */
  readonly now?: string | Date | (() => Date);
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Runs `closer <argv…>` in-process and returns its exit code and output. */
export async function runCli(argv: readonly string[], options: RunCliOptions = {}): Promise<CliRun> {
  const { now = '2026-03-02T02:00:00Z', cwd = ROOT, env = {} } = options;
  const clock = typeof now === 'function' ? now : () => new Date(now);
  let stdout = '';
  let stderr = '';
  const code = await main([...argv], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    now: clock,
    cwd,
    env,
  });
  return { code, stdout, stderr };
}
