/**
 * The `closer` command run in-process, as the CLI tests need it: a fixed or moving clock,
 * the repository as the working directory, an empty environment unless one is given, and
 * what it printed captured; the built binary run as a process; and the two data a CLI test
 * file starts from: a fresh test database per test, or a demo data folder made once.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { databaseArgs, type TestDatabase, type TestEngine } from './databases.js';

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

/** A command line's arguments: `line` split at its spaces (for arguments without spaces). */
export function words(line: string): string[] {
  return line.split(' ');
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

/** The built `bin/closer.js`. */
export const BIN = join(ROOT, 'bin/closer.js');

const exec = promisify(execFile);

/**
 * Runs the built binary as a process (`node bin/closer.js <argv…>`); resolves with its
 * output when it exits 0, rejects with the error (exit `code`, `stdout`, `stderr`) otherwise.
 */
export function runBin(argv: readonly string[]): Promise<{ stdout: string; stderr: string }> {
  return exec('node', [BIN, ...argv]);
}

/** One test's database and the `closer` options that point at it. */
export interface CliDatabase {
  readonly database: TestDatabase;
  /** `--data-dir …` or `--database-url …` (databaseArgs). */
  readonly args: string[];
}

/**
 * A fresh, empty (unmigrated) database on `engine` per test, for commands that take one;
 * dropped after the test. Call it at describe level and read it inside the tests.
 */
export function withCliDatabase(engine: TestEngine): CliDatabase {
  let database: TestDatabase | undefined;
  beforeEach(async () => {
    database = await engine.create();
  });
  afterEach(async () => {
    await database?.dispose();
    database = undefined;
  });
  const current = (): TestDatabase => {
    if (!database) throw new Error('withCliDatabase: read inside a test, not at describe level');
    return database;
  };
  return {
    get database() {
      return current();
    },
    get args() {
      return databaseArgs(current().target);
    },
  };
}

/**
 * A data folder with the demo workspace (`closer demo`, run once before the file's tests at
 * `now`, default the runCli default), named `prefix…` under the system's temporary folder.
 * Read `dir` inside the tests.
 */
export function withDemo(prefix: string, now?: string): { readonly dir: string } {
  let dir: string | undefined;
  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), prefix));
    expect((await runCli(['demo', '--data-dir', folder], now === undefined ? {} : { now })).code).toBe(0);
    dir = folder;
  }, 60_000);
  return {
    get dir() {
      if (!dir) throw new Error('withDemo: read inside a test, not at describe level');
      return dir;
    },
  };
}
