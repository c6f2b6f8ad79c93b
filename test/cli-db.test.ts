/** `closer db migrate` / `closer db status` on both databases, and two processes at once. */
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/migrations/index.js';
import { runBin, runCli, withCliDatabase, words } from './harness/cli.js';
import { engines } from './harness/databases.js';

const run = (argv: string[]) => runCli(argv);

describe.each(engines)('closer db on $name', (engine) => {
  const test = withCliDatabase(engine);

  it('reports pending migrations, applies them, then is up to date', async () => {
    const { args } = test;
    const before = JSON.parse((await run(['db', 'status', ...args, '--json'])).stdout);
    expect(before.pending).toEqual(Object.keys(MIGRATIONS));

    const migrated = await run(['db', 'migrate', ...args]);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toContain('applied 0001_initial');

    const again = await run(['db', 'migrate', ...args]);
    expect(again.stdout).toContain('up to date');
    const after = await run(['db', 'status', ...args]);
    expect(after.stdout).toMatch(/✓ 0001_initial {2}\d{4}-\d{2}-\d{2}T/);
    expect(after.stdout).not.toContain('pending');
  });

  it('migrates once when two processes start together', async () => {
    const { args } = test;
    const results = await Promise.all([
      runBin(['db', 'migrate', ...args, '--json']),
      runBin(['db', 'migrate', ...args, '--json']),
    ]);
    const applied = results.flatMap((r) => JSON.parse(r.stdout).applied);
    expect(applied).toEqual(Object.keys(MIGRATIONS));
    const status = JSON.parse((await run(['db', 'status', ...args, '--json'])).stdout);
    expect(status.pending).toEqual([]);
  });
});

describe('closer db: bad configuration', () => {
  it('says the database cannot be reached, with exit code 4', async () => {
    const { code, stderr } = await run(words('db status --database-url postgres://root@127.0.0.1:1/none'));
    expect(code).toBe(4);
    expect(stderr).toContain('DB.UNAVAILABLE');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects a URL that is not PostgreSQL', async () => {
    const { code, stderr } = await run(['db', 'migrate', '--database-url', 'mysql://x']);
    expect(code).toBe(2);
    expect(stderr).toContain('CONFIG.INVALID');
  });
});
