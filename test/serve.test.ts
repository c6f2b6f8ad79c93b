/**
 * `closer serve` as a real process (the built binary): starts on a fresh SQLite data dir,
 * answers /api/health, stops gracefully on SIGTERM with exit code 0, and starts again on
 * the same data.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin/closer.js');
const exec = promisify(execFile);

/** A port that was free a moment ago (listen on 0, read it, close). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

interface Served {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  exited: Promise<number | null>;
}

/** Starts `closer serve` and resolves once it says where it serves. */
async function serve(dataDir: string): Promise<Served> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const url = await new Promise<string>((done, fail) => {
    const timer = setInterval(() => {
      const match = /Closer is serving on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearInterval(timer);
        done(match[1]);
      }
    }, 25);
    void exited.then((code) => {
      clearInterval(timer);
      fail(new Error(`closer serve exited with ${code} before serving:\n${output}`));
    });
  });
  return { child, url, output: () => output, exited };
}

describe('closer serve', () => {
  const dirs: string[] = [];
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('serves on the given port, stops on SIGTERM with exit code 0, and restarts on the same data', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'closer-serve-'));
    dirs.push(dataDir);

    const first = await serve(dataDir);
    children.push(first.child);
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${first.url}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await health.json()).toEqual({ status: 'ok', database: 'sqlite' });

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('SIGTERM');
    expect(existsSync(join(dataDir, 'closer.sqlite'))).toBe(true);
    const status = await exec(process.execPath, [BIN, 'db', 'status', '--data-dir', dataDir, '--json'], {
      cwd: ROOT,
    });
    const parsed = JSON.parse(status.stdout) as { pending: string[]; migrations: unknown[] };
    expect(parsed.pending).toEqual([]);
    expect(parsed.migrations.length).toBeGreaterThan(0);

    const second = await serve(dataDir);
    children.push(second.child);
    const again = await fetch(`${second.url}/api/health`);
    expect(await again.json()).toEqual({ status: 'ok', database: 'sqlite' });
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('refuses a port in use with CONFIG.INVALID instead of a stack trace', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'closer-serve-'));
    dirs.push(dataDir);
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    const port = (blocker.address() as { port: number }).port;
    try {
      const result = await exec(
        process.execPath,
        [BIN, 'serve', '--port', String(port), '--data-dir', dataDir],
        {
          cwd: ROOT,
          env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent' },
        },
      ).then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('CONFIG.INVALID');
      expect(result.stderr).toContain('EADDRINUSE');
      expect(result.stderr).not.toMatch(/\n\s+at /);
    } finally {
      await new Promise<void>((done) => blocker.close(() => done()));
    }
  });

  it('says the database cannot be reached, with exit code 4', async () => {
    const result = await exec(
      process.execPath,
      [BIN, 'serve', '--port', '0', '--database-url', 'postgres://root@127.0.0.1:1/none'],
      { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'silent' } },
    ).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(4);
    expect(result.stderr).toContain('DB.UNAVAILABLE');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
