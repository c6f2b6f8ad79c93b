/** `closer init` on both databases: the workspace and its manager created once, and bad input refused. */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Schema } from '../src/db/schema.js';
import { runCli, withCliDatabase } from './harness/cli.js';
import { databaseArgs, engines } from './harness/databases.js';

const run = (argv: string[], env: Record<string, string> = {}) => runCli(argv, { env });

const INIT = ['init', '--workspace', '华东区', '--email', 'Boss@Example.com', '--name', '王经理'];

describe.each(engines)('closer init on $name', (engine) => {
  const test = withCliDatabase(engine);

  it('migrates, creates the workspace and manager, prints the login; a second init fails with exit 2', async () => {
    const { database, args } = test;
    const first = await run([...INIT, ...args], { CLOSER_INIT_PASSWORD: 'right password 1' });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('Created the workspace "华东区"');
    expect(first.stdout).toContain('Sign in as boss@example.com');
    expect(first.stdout).not.toContain('right password 1');

    const opened = database.open();
    try {
      const db = opened.db as Kysely<Schema>;
      const users = await db.selectFrom('users').select(['email', 'name']).execute();
      expect(users).toEqual([{ email: 'boss@example.com', name: '王经理' }]);
      const memberships = await db.selectFrom('memberships').select('role').execute();
      expect(memberships).toEqual([{ role: 'manager' }]);
      const workspaces = await db
        .selectFrom('workspaces')
        .select(['name', 'currency', 'time_zone'])
        .execute();
      expect(workspaces).toEqual([{ name: '华东区', currency: 'CNY', time_zone: 'Asia/Shanghai' }]);
    } finally {
      await opened.close();
    }

    const second = await run([...INIT, ...args, '--password', 'other password 1']);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('SETUP.ALREADY_DONE');
    expect(second.stdout).toBe('');
  });

  it('prints JSON with --json', async () => {
    const res = await run([...INIT, ...test.args, '--password', 'right password 1', '--json']);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({
      workspaceId: expect.any(String),
      userId: expect.any(String),
      membershipId: expect.any(String),
      email: 'boss@example.com',
    });
  });
});

describe('closer init: bad input', () => {
  it('needs a password (option or CLOSER_INIT_PASSWORD): exit 2 CLI.BAD_OPTION', async () => {
    const res = await run([...INIT, '--data-dir', '/nonexistent/never-created']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('CLI.BAD_OPTION');
    expect(res.stderr).toContain('--password');
  });

  it('refuses a too short password with VALIDATION.FAILED (exit 2)', async () => {
    const [engine] = engines;
    if (!engine) throw new Error('no engine');
    const database = await engine.create();
    try {
      const res = await run([...INIT, ...databaseArgs(database.target), '--password', 'short']);
      expect(res.code).toBe(2);
      expect(res.stderr).toContain('VALIDATION.FAILED');
    } finally {
      await database.dispose();
    }
  });
});
