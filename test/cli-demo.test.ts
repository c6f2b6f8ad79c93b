/** `closer demo` and the `--demo` start: the demo region is written once, into an empty database. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDemo } from '../src/cli/demo-command.js';
import { main } from '../src/cli/main.js';
import { parseConfig } from '../src/config.js';

const ROOT = resolve(import.meta.dirname, '..');

function capture() {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      stdout: (t: string) => {
        stdout += t;
      },
      stderr: (t: string) => {
        stderr += t;
      },
      now: () => new Date('2026-11-27T02:00:00Z'),
      cwd: ROOT,
      env: {},
    },
    out: () => stdout,
    err: () => stderr,
  };
}

describe('closer demo', () => {
  it('writes the demo region and prints the logins; a second run is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'closer-demo-'));
    const first = capture();
    expect(await main(['demo', '--data-dir', dir], first.io)).toBe(0);
    expect(first.out()).toContain('300 customers');
    expect(first.out()).toContain('manager@demo.closer');
    expect(first.out()).toContain('closer-demo-2026');

    const second = capture();
    expect(await main(['demo', '--data-dir', dir], second.io)).toBe(2);
    expect(second.err()).toContain('SETUP.ALREADY_DONE');
  });

  it('leaves a database with data alone when starting with --demo', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'closer-demo-'));
    const config = parseConfig({ DATA_DIR: dir }, ROOT);
    const first = capture();
    await writeDemo(config, first.io, { onlyIfEmpty: true });
    expect(first.out()).toContain('300 customers');
    const again = capture();
    await writeDemo(config, again.io, { onlyIfEmpty: true });
    expect(again.out()).toContain('already has data');
  });
});
