/** Import jobs and exports over HTTP on both databases; files checked with independent parsers. */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { createContact } from '../src/app/contacts/create-contact.js';
import { createCustomer } from '../src/app/customers/create-customer.js';
import { createDeal } from '../src/app/deals/create-deal.js';
import { createFollowUp } from '../src/app/follow-ups/create-follow-up.js';
import { savePlan } from '../src/app/plans/save-plan.js';
import { createVisit } from '../src/app/visits/create-visit.js';
import { buildApp } from '../src/server/app.js';
import { withApi } from './harness/api.js';
import { engines } from './harness/databases.js';
import { withWorkspace } from './harness/workspace.js';
import { gbk, xlsxOf } from './import/fixtures.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe.each(engines)('import and export API on $name', (engine) => {
  const ws = withWorkspace(engine);
  const api = withApi(ws, ['lead', 'otherLead', 'manager']);

  /** Polls the job until it has finished (done or failed), and returns it. */
  async function finished(id: string, headers = api.as.lead) {
    const read = async () => (await api.app.inject({ url: `/api/imports/${id}`, headers })).json();
    let job = await read();
    await expect
      .poll(async () => {
        job = await read();
        return job.status;
      })
      .toMatch(/^(done|failed)$/);
    return job;
  }

  const post = (url: string, payload: Buffer, contentType = 'text/csv', headers = api.as.lead) =>
    api.app.inject({ method: 'POST', url, headers: { ...headers, 'content-type': contentType }, payload });

  it('dry-runs, then imports a GBK CSV; the error file comes back as CSV with the reasons', async () => {
    const csv = gbk(
      '客户名称,客户级别,城市\r\n杭州织造,A,杭州\r\n富阳纸业,Z,富阳\r\n,B,\r\n杭州织造,A,杭州\r\n',
    );
    const dry = await post('/api/imports?type=customers&dryRun=true&lang=zh', csv);
    expect(dry.statusCode).toBe(202);
    expect(dry.json()).toMatchObject({ type: 'customers', format: 'csv', dryRun: true, status: 'queued' });
    const dryJob = await finished(dry.json().id);
    expect(dryJob).toMatchObject({
      status: 'done',
      counts: { rowsRead: 4, created: 1, updated: 0, skipped: 1, rejected: 2 },
    });
    expect(dryJob.report.rows.map((r: { line: number; action: string }) => [r.line, r.action])).toEqual([
      [2, 'create'],
      [3, 'reject'],
      [4, 'reject'],
      [5, 'skip'],
    ]);
    expect(await ws.db.selectFrom('customers').select('id').execute()).toEqual([]);

    const real = await post('/api/imports?type=customers&filename=%E5%AE%A2%E6%88%B7.csv&lang=zh', csv);
    const job = await finished(real.json().id);
    expect(job.counts).toEqual({ rowsRead: 4, created: 1, updated: 0, skipped: 1, rejected: 2 });
    expect(job.fileName).toBe('客户.csv');
    const names = await ws.db.selectFrom('customers').select('name').execute();
    expect(names).toEqual([{ name: '杭州织造' }]);

    const errors = await api.app.inject({ url: `/api/imports/${job.id}/errors`, headers: api.as.lead });
    expect(errors.statusCode).toBe(200);
    expect(errors.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(errors.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(errors.rawPayload, { bom: true }) as string[][];
    expect(rows.slice(0, 2)).toEqual([
      ['客户名称', '客户级别', '城市', '错误'],
      ['富阳纸业', 'Z', '富阳', '无法识别客户级别“Z”（可用：A 类、B 类、C 类、新客户）'],
    ]);
    expect(rows[2]?.slice(0, 3)).toEqual(['', 'B', '']);
    expect(rows[2]?.[3]).toBe('请填写客户名称');
    expect(rows).toHaveLength(3);
  });

  it('imports an xlsx body and returns the error file as xlsx; another member cannot see the job', async () => {
    const bytes = xlsxOf([
      ['Company', 'Tier', 'City'],
      ['Hangzhou Weaving', 'A', 'Hangzhou'],
      ['Fuyang Paper', 'Q', 'Fuyang'],
    ]);
    const res = await post('/api/imports?type=customers&lang=en', bytes, XLSX_TYPE);
    expect(res.statusCode).toBe(202);
    expect(res.json().format).toBe('xlsx');
    const job = await finished(res.json().id);
    expect(job.counts).toMatchObject({ created: 1, rejected: 1 });
    expect(job.report.mapping).toEqual([
      { header: 'Company', field: 'name' },
      { header: 'Tier', field: 'class' },
      { header: 'City', field: 'city' },
    ]);
    const errors = await api.app.inject({ url: `/api/imports/${job.id}/errors`, headers: api.as.lead });
    expect(errors.headers['content-type']).toBe(XLSX_TYPE);
    const book = XLSX.read(errors.rawPayload, { type: 'buffer' });
    const sheet = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
    expect(XLSX.utils.sheet_to_json(sheet, { header: 1 })).toEqual([
      ['Company', 'Tier', 'City', 'Error'],
      ['Fuyang Paper', 'Q', 'Fuyang', 'Unknown class "Q" (use: A, B, C, New)'],
    ]);

    for (const headers of [api.as.otherLead, api.as.manager]) {
      const other = await api.app.inject({ url: `/api/imports/${job.id}`, headers });
      expect({ status: other.statusCode, code: other.json().error.code }).toEqual({
        status: 404,
        code: 'NOT_FOUND',
      });
    }
    expect((await api.app.inject({ url: `/api/imports/${job.id}` })).statusCode).toBe(401);
  });

  it('records a file without the required columns as a failed job with the reason', async () => {
    const res = await post('/api/imports?type=deals&lang=en', Buffer.from('甲,乙\n1,2\n'));
    const job = await finished(res.json().id);
    expect(job.status).toBe('failed');
    expect(job.failure).toMatchObject({
      code: 'IMPORT.MISSING_COLUMNS',
      details: { missing: ['customer', 'amount'], headers: ['甲', '乙'] },
    });
    const errors = await api.app.inject({ url: `/api/imports/${job.id}/errors`, headers: api.as.lead });
    expect(errors.statusCode).toBe(404);
  });

  it("logs an import job's internal failure in the server's log; the job shows only its reference", async () => {
    const lines: string[] = [];
    const logged = await buildApp({
      ...ws.deps,
      dialect: ws.open.dialect,
      logger: { level: 'error', stream: { write: (line: string) => void lines.push(line) } },
    });
    try {
      await sql`drop table import_keys`.execute(ws.db);
      const res = await logged.inject({
        method: 'POST',
        url: '/api/imports?type=customers&lang=en',
        headers: { ...api.as.lead, 'content-type': 'text/csv' },
        payload: Buffer.from('客户名称\n杭州织造\n'),
      });
      const url = `/api/imports/${res.json().id}`;
      await expect
        .poll(async () => (await logged.inject({ url, headers: api.as.lead })).json().status)
        .toBe('failed');
      const job = (await logged.inject({ url, headers: api.as.lead })).json();
      expect(job.failure.code).toBe('INTERNAL');
      expect(JSON.stringify(job)).not.toMatch(/import_keys/);
      const entry = lines.map((l) => JSON.parse(l)).find((e) => e.msg === 'import job failed');
      expect(job.failure.details).toEqual({ reason: `ref ${entry?.reference}` });
      expect(entry).toMatchObject({ jobId: job.id, err: { message: expect.stringMatching(/import_keys/) } });
      expect(entry.err.stack).toBeTruthy();
    } finally {
      await logged.close();
    }
  });

  it('refuses a bad type and an unknown mapping field', async () => {
    const bad = await post('/api/imports?type=products', Buffer.from('a\n'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION.FAILED');
    const mapping = await post('/api/imports?type=customers&mapping=a%3Dnope', Buffer.from('a\nx\n'));
    const job = await finished(mapping.json().id);
    expect(job.failure.code).toBe('VALIDATION.FAILED');
    const notXlsx = await post(
      '/api/imports?type=customers&format=xlsx',
      Buffer.from('客户名称\n杭州织造\n'),
    );
    expect((await finished(notXlsx.json().id)).failure.code).toBe('IMPORT.UNSUPPORTED_FILE');
  });

  it('refuses a file over 50 MB with 413 REQUEST.TOO_LARGE naming the import limit, and starts no job', async () => {
    const big = Buffer.alloc(51 * 1024 * 1024, 'a');
    const answer = await post('/api/imports?type=customers', big);
    expect(answer.statusCode).toBe(413);
    expect(answer.json().error).toMatchObject({ code: 'REQUEST.TOO_LARGE', details: { limitMb: 50 } });
    expect(await ws.db.selectFrom('import_jobs').select('id').execute()).toEqual([]);
  });

  it('exports contacts, visits and follow-ups with customer and member names', async () => {
    const customer = await createCustomer(ws.deps, ws.team.lead, { name: '杭州织造' });
    await createContact(ws.deps, ws.team.lead, {
      customerId: customer.id,
      name: '陈总',
      phone: '13800000000',
      role: 'key_person',
    });
    await createVisit(ws.deps, ws.team.lead, {
      customerId: customer.id,
      visitOn: '2026-03-03',
      attendees: ['陈总', '刘工'],
    });
    await createFollowUp(ws.deps, ws.team.lead, {
      customerId: customer.id,
      dueOn: '2026-03-10',
      kind: 'visit',
    });
    const read = async (url: string) =>
      parseCsv((await api.app.inject({ url, headers: api.as.lead })).rawPayload, { bom: true }) as string[][];
    expect(await read('/api/exports/contacts.csv?lang=zh')).toEqual([
      ['客户名称', '联系人', '职位', '电话', '邮箱', '角色'],
      ['杭州织造', '陈总', '', '13800000000', '', '关键人'],
    ]);
    expect(await read('/api/exports/visits.csv?lang=en&from=2026-03-01')).toEqual([
      ['Customer', 'Visit date', 'Owner', 'Attendees', 'Purpose', 'Outcome', 'Next step', 'Notes'],
      ['杭州织造', '2026-03-03', '王磊', '陈总、刘工', '', '', '', ''],
    ]);
    expect(await read('/api/exports/follow-ups.csv?lang=zh')).toEqual([
      ['客户名称', '到期日', '类型', '负责人', '已完成', '备注'],
      ['杭州织造', '2026-03-10', '拜访', '王磊', '否', ''],
    ]);
    expect(
      (await api.app.inject({ url: '/api/exports/visits.csv?from=nope', headers: api.as.lead })).statusCode,
    ).toBe(400);
  });

  it('exports customers as CSV and xlsx with formula cells neutralised, readable by csv-parse, SheetJS and exceljs', async () => {
    await createCustomer(ws.deps, ws.team.lead, {
      name: '=HYPERLINK("http://x","点我")',
      city: '杭州',
      class: 'A',
    });
    await createCustomer(ws.deps, ws.team.lead, {
      name: '+86 海宁',
      notes: '  @所有人',
      tags: ['-5', '重点'],
    });
    await createCustomer(ws.deps, ws.team.otherLead, { name: '别人的客户' });

    const csv = await api.app.inject({ url: '/api/exports/customers.csv?lang=zh', headers: api.as.lead });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toContain('customers.csv');
    const rows = parseCsv(csv.rawPayload, { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      '客户名称',
      '公司全称',
      '市场',
      '城市',
      '客户级别',
      '客户状态',
      '负责人',
      '来源',
      '标签',
      '备注',
      '创建时间',
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[3], r[4], r[6], r[8], r[9]])).toEqual([
      ['\'=HYPERLINK("http://x","点我")', '杭州', 'A 类', '王磊', '', ''],
      ["'+86 海宁", '', '新客户', '王磊', "'-5, 重点", "'  @所有人"],
    ]);

    const xlsx = await api.app.inject({
      url: '/api/exports/customers.xlsx?lang=en&class=A',
      headers: api.as.lead,
    });
    expect(xlsx.headers['content-type']).toBe(XLSX_TYPE);
    const book = XLSX.read(xlsx.rawPayload, { type: 'buffer' });
    const data = XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet, {
      header: 1,
    }) as string[][];
    expect(data.map((r) => r[0])).toEqual(['Customer', '\'=HYPERLINK("http://x","点我")']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]?.getCell('A2');
    expect(cell?.value).toBe('\'=HYPERLINK("http://x","点我")');
    expect(cell?.formula).toBeUndefined();
  });

  it('exports customers with the words the app shows and local time, and imports them back unchanged', async () => {
    // The test clock says 2026-03-02T02:00Z: 10:00 in the workspace's Asia/Shanghai, 21:00 the day before in New York.
    await createCustomer(ws.deps, ws.team.lead, { name: '杭州织造', class: 'B', status: 'won' });
    await createCustomer(ws.deps, ws.team.lead, { name: '富阳纸业', status: 'contacted' });
    const sheet = async (lang: string) => {
      const res = await api.app.inject({
        url: `/api/exports/customers.xlsx?lang=${lang}`,
        headers: api.as.lead,
      });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      workbook.worksheets[0]?.eachRow((row) => {
        rows.push((row.values as unknown[]).slice(1));
      });
      return { rows, payload: res.rawPayload };
    };
    const zh = await sheet('zh');
    expect(zh.rows.map((r) => [r[0], r[4], r[5], r[10]])).toEqual([
      ['客户名称', '客户级别', '客户状态', '创建时间'],
      ['杭州织造', 'B 类', '成交', '2026-03-02 10:00'],
      ['富阳纸业', '新客户', '已接触', '2026-03-02 10:00'],
    ]);
    expect((await sheet('en')).rows.slice(1).map((r) => [r[4], r[5]])).toEqual([
      ['B', 'Won'],
      ['New', 'Contacted'],
    ]);
    await ws.db.updateTable('workspaces').set({ time_zone: 'America/New_York' }).execute();
    expect((await sheet('zh')).rows[1]?.[10]).toBe('2026-03-01 21:00');

    // Edited and imported back: the words are read as the codes they stand for.
    const res = await post('/api/imports?type=customers', zh.payload, XLSX_TYPE);
    const job = await finished(res.json().id);
    expect(job.counts).toMatchObject({ rowsRead: 2, rejected: 0 });
    const stored = await ws.db
      .selectFrom('customers')
      .select(['name', 'class', 'status'])
      .orderBy('name')
      .execute();
    expect(stored).toEqual([
      { name: '富阳纸业', class: 'new', status: 'contacted' },
      { name: '杭州织造', class: 'B', status: 'won' },
    ]);
  });

  it('exports deals with amounts as numbers (xlsx) and yuan (csv), and the export imports back without duplicates', async () => {
    const customer = await createCustomer(ws.deps, ws.team.lead, { name: '杭州织造' });
    await createDeal(ws.deps, ws.team.lead, {
      customerId: customer.id,
      amountMinor: 120_000,
      signedOn: '2026-03-01',
    });
    await createDeal(ws.deps, ws.team.lead, {
      customerId: customer.id,
      amountMinor: 12_000_000_01,
      signedOn: '2026-03-02',
    });

    const xlsx = await api.app.inject({ url: '/api/exports/deals.xlsx?lang=zh', headers: api.as.lead });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect([sheet?.getCell('B2').value, sheet?.getCell('B3').value]).toEqual([1200, 12_000_000.01]);
    expect(sheet?.getCell('B2').numFmt).toBe('#,##0.00');

    const csv = await api.app.inject({ url: '/api/exports/deals.csv?lang=en', headers: api.as.lead });
    const rows = parseCsv(csv.rawPayload, { bom: true }) as string[][];
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['Customer', 'Amount', 'Currency', 'Signed on'],
      ['杭州织造', '1200.00', 'CNY', '2026-03-01'],
      ['杭州织造', '12000000.01', 'CNY', '2026-03-02'],
    ]);

    for (const [payload, type] of [
      [csv.rawPayload, 'text/csv'],
      [xlsx.rawPayload, XLSX_TYPE],
    ] as const) {
      const res = await post('/api/imports?type=deals', payload, type);
      const job = await finished(res.json().id);
      expect(job.counts).toEqual({ rowsRead: 2, created: 0, updated: 0, skipped: 2, rejected: 0 });
    }
  });

  it('exports the plan as xlsx and csv, and answers 404 for a year without a plan', async () => {
    await savePlan(ws.deps, ws.team.manager, { target: '588万', year: 2026 });
    const xlsx = await api.app.inject({
      url: '/api/exports/plan.xlsx?year=2026&lang=en',
      headers: api.as.lead,
    });
    expect(xlsx.statusCode).toBe(200);
    const book = XLSX.read(xlsx.rawPayload, { type: 'buffer' });
    expect(book.SheetNames).toContain('Months');
    const csv = await api.app.inject({
      url: '/api/exports/plan.csv?year=2026&lang=zh',
      headers: api.as.lead,
    });
    const rows = parseCsv(csv.rawPayload, { bom: true, relax_column_count: true }) as string[][];
    expect(rows.some((r) => r[0] === '月度')).toBe(true);
    const missing = await api.app.inject({ url: '/api/exports/plan.csv?year=2027', headers: api.as.lead });
    expect(missing.statusCode).toBe(404);
  });
});
