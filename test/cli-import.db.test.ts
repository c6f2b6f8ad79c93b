/** `closer import` and `closer export` in-process on both databases. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { main } from '../src/cli/main.js';
import { databaseArgs, engines } from './harness/databases.js';
import { withWorkspace } from './harness/workspace.js';
import { gbk } from './import/fixtures.js';

describe.each(engines)('closer import / export on $name', (engine) => {
  const ws = withWorkspace(engine);
  let dir: string;
  let leadEmail: string;

  beforeEach(async () => {
    leadEmail = (
      await ws.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', ws.team.lead.userId)
        .executeTakeFirstOrThrow()
    ).email;
    dir = mkdtempSync(join(tmpdir(), 'closer-cli-import-'));
  });

  async function run(argv: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await main([...argv, ...databaseArgs(ws.database.target)], {
      stdout: (t) => {
        stdout += t;
      },
      stderr: (t) => {
        stderr += t;
      },
      now: () => new Date('2026-03-02T02:00:00Z'),
      cwd: dir,
      env: {},
      stderrIsTTY: true,
    });
    return { code, stdout, stderr };
  }

  const names = () => ws.db.selectFrom('customers').select(['name', 'owner_id']).orderBy('name').execute();

  it('dry-runs row by row, imports with an error file, and a re-import creates nothing', async () => {
    writeFileSync(join(dir, '客户.csv'), gbk('客户名称,客户级别\r\n杭州织造,A\r\n富阳纸业,Z\r\n'));
    const dry = await run([
      'import',
      '客户.csv',
      '--type',
      'customers',
      '--dry-run',
      '--user',
      leadEmail,
      '--lang',
      'zh',
    ]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(
      [
        '第2 行  新建  杭州织造',
        '第3 行  拒绝  富阳纸业  无法识别客户级别“Z”（可用：A 类、B 类、C 类、新客户）',
        '读取 2 行：新建 1，更新 0，跳过 0，拒绝 1（试运行，未写入）',
        '',
      ].join('\n'),
    );
    expect(dry.stderr).toContain('[##############################] 100%  2 行\n');
    expect(await names()).toEqual([]);

    const real = await run([
      'import',
      '客户.csv',
      '--type',
      'customers',
      '--errors',
      'errors.csv',
      '--user',
      leadEmail,
    ]);
    expect(real.code).toBe(0);
    expect(real.stdout).toContain('2 rows read: 1 created, 0 updated, 0 skipped, 1 rejected');
    expect(await names()).toEqual([{ name: '杭州织造', owner_id: ws.team.lead.membershipId }]);
    const errors = parseCsv(readFileSync(join(dir, 'errors.csv')), { bom: true }) as string[][];
    expect(errors).toEqual([
      ['客户名称', '客户级别', 'Error'],
      ['富阳纸业', 'Z', 'Unknown class "Z" (use: A, B, C, New)'],
    ]);

    const again = await run(['import', '客户.csv', '--type', 'customers', '--json', '--user', leadEmail]);
    expect(JSON.parse(again.stdout).counts).toEqual({
      rowsRead: 2,
      created: 0,
      updated: 0,
      skipped: 1,
      rejected: 1,
    });
  });

  it('acts as the only manager without --user, and exports what it imported', async () => {
    writeFileSync(join(dir, 'c.csv'), 'Account Name,Billing City\n=cmd|calc,Hangzhou\nFuyang Paper,Fuyang\n');
    expect((await run(['import', 'c.csv', '--type', 'customers'])).code).toBe(0);
    expect(await names()).toEqual([
      { name: '=cmd|calc', owner_id: ws.team.manager.membershipId },
      { name: 'Fuyang Paper', owner_id: ws.team.manager.membershipId },
    ]);
    const exported = await run([
      'export',
      'customers',
      '--format',
      'xlsx',
      '--out',
      'out.xlsx',
      '--lang',
      'en',
    ]);
    expect(exported).toMatchObject({ code: 0, stdout: 'Written: out.xlsx\n' });
    const book = XLSX.read(readFileSync(join(dir, 'out.xlsx')));
    const rows = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet, {
      header: 1,
    }) as string[][];
    expect(rows.map((r) => [r[0], r[3]])).toEqual([
      ['Customer', 'City'],
      ["'=cmd|calc", 'Hangzhou'],
      ['Fuyang Paper', 'Fuyang'],
    ]);
    // The neutralised export imports back to the same customers.
    const back = await run(['import', 'out.xlsx', '--type', 'customers', '--json']);
    expect(JSON.parse(back.stdout).counts).toMatchObject({ created: 0, skipped: 2 });
  });

  it('exits 2 with the reason for a file without the required columns, or an unknown member', async () => {
    writeFileSync(join(dir, 'd.csv'), '金额\n100\n');
    const missing = await run(['import', 'd.csv', '--type', 'deals', '--user', leadEmail]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('[IMPORT.MISSING_COLUMNS]');
    const nobody = await run(['import', 'd.csv', '--type', 'deals', '--user', 'nobody@example.test']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('[CLI.BAD_OPTION]');
    const file = await run(['import', 'nope.csv', '--type', 'deals', '--user', leadEmail]);
    expect(file.code).toBe(3);
  });
});
