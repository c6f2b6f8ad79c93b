/**
 * README's CLI examples are the CLI's real output. Each example is a fenced block right
 * after a marker line
 *
 *     <!-- output: closer plan examples/plan-2026.yaml --date 2026-03-03 --lang zh -->
 *
 * and this test runs the command in-process (the workspace commands against a demo region
 * seeded on a fixed clock, 27 November 2026, a Friday, with ids from a counter: the forecast
 * draws each opportunity's chances from a stream keyed by its id, so a demo with random ids
 * forecasts a little differently) and compares. `UPDATE_README=1 npx
 * vitest run test/readme-output.test.ts` rewrites the blocks instead, so regenerating the
 * README is one command and a stale one fails the suite.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../src/app/database-admin.js';
import { seedDemo } from '../src/app/demo/seed-demo.js';
import { parseConfig } from '../src/config.js';
import { openDatabase } from '../src/db/client.js';
import type { Schema } from '../src/db/schema.js';
import { ROOT, runCli } from './harness/cli.js';

const README = join(ROOT, 'README.md');
/** 10:00 in Shanghai on Friday 27 November 2026: a working day late in the demo's year. */
const NOW = '2026-11-27T02:00:00Z';
/** Commands that read the workspace database (run against the demo). */
const WORKSPACE_COMMANDS = new Set(['today', 'progress', 'forecast']);
const MARKER = /^<!-- output: closer (.+) -->\n```\n([\s\S]*?)```$/gm;

async function run(args: string[]): Promise<string> {
  const { code, stdout: out, stderr: err } = await runCli(args, { now: NOW });
  if (code !== 0) throw new Error(`closer ${args.join(' ')} exited ${code}: ${err}`);
  // Trailing spaces of table cells are not part of what a reader sees.
  return `${out.replace(/[ \t]+$/gm, '').trimEnd()}\n`;
}

describe('README command-line output', () => {
  let demo: string;
  const readme = readFileSync(README, 'utf8');
  const examples = [...readme.matchAll(MARKER)].map((m) => ({ command: m[1] ?? '', shown: m[2] ?? '' }));

  beforeAll(async () => {
    demo = mkdtempSync(join(tmpdir(), 'closer-readme-'));
    const config = parseConfig({ DATA_DIR: demo }, demo);
    await migrateDatabase(config);
    const database = openDatabase<Schema>(config.database);
    let counter = 0;
    // UUIDv7-shaped and increasing, as the app's ids are: sorting by id keeps creation order.
    const newId = () => `01900000-0000-7000-8000-${(++counter).toString(16).padStart(12, '0')}`;
    try {
      await seedDemo({ db: database.db, clock: () => new Date(NOW), newId });
    } finally {
      await database.close();
    }
  }, 120_000);
  afterAll(() => rmSync(demo, { recursive: true, force: true }));

  /** The output of one README command line. */
  function output(command: string): Promise<string> {
    const args = command.split(' ').filter(Boolean);
    return run(WORKSPACE_COMMANDS.has(args[0] ?? '') ? [...args, '--data-dir', demo] : args);
  }

  it('shows examples in both languages', () => {
    const langs = examples.map((e) => / --lang (zh|en)\b/.exec(e.command)?.[1]);
    expect(langs).toContain('zh');
    expect(langs).toContain('en');
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it('shows what each command prints today', async () => {
    let updated = readme;
    for (const { command, shown } of examples) {
      const actual = await output(command);
      if (process.env.UPDATE_README) {
        updated = updated.replace(
          `<!-- output: closer ${command} -->\n\`\`\`\n${shown}\`\`\``,
          `<!-- output: closer ${command} -->\n\`\`\`\n${actual}\`\`\``,
        );
      } else {
        expect(shown, `README's output of "closer ${command}" (UPDATE_README=1 rewrites it)`).toBe(actual);
      }
    }
    if (process.env.UPDATE_README && updated !== readme) writeFileSync(README, updated);
  }, 120_000);
});
