import { describe, expect, it } from 'vitest';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { chunks, gbk, utf8Bom, xlsxOf } from '../../../test/import/fixtures.js';
import { createCustomer } from '../customers/create-customer.js';
import { type ImportOptions, importRecords } from './import-records.js';

describe.each(engines)('importRecords on $name', (engine) => {
  const ws = withWorkspace(engine);

  const run = (bytes: Uint8Array, options: ImportOptions, principal = ws.team.lead) =>
    importRecords(ws.deps, principal, chunks(bytes), options);
  const customers = () =>
    ws.db
      .selectFrom('customers')
      .select(['name', 'company', 'city', 'class', 'status', 'owner_id', 'market_id', 'notes'])
      .where('workspace_id', '=', ws.team.workspaceId)
      .orderBy('name')
      .execute();

  it('imports a GBK CSV with Chinese headers, blank and duplicate rows; a re-import creates nothing', async () => {
    const text = [
      '客户名称,城市,客户级别,市场,备注',
      '杭州织造,杭州,A类,杭州主城+萧山,老客户',
      ',,,,',
      '富阳纸业,富阳,B,,',
      '杭州织造,杭州,A类,杭州主城+萧山,老客户',
      '',
    ].join('\r\n');
    const first = await run(gbk(text), { type: 'customers', format: 'csv' });
    expect(first.counts).toEqual({ rowsRead: 3, created: 2, updated: 0, skipped: 1, rejected: 0 });
    expect(first.rows.map((r) => [r.line, r.action, r.label, r.reason?.en])).toEqual([
      [2, 'create', '杭州织造', undefined],
      [4, 'create', '富阳纸业', undefined],
      [5, 'skip', '杭州织造', 'Duplicate of row 2'],
    ]);
    expect(await customers()).toEqual([
      {
        name: '富阳纸业',
        company: null,
        city: '富阳',
        class: 'B',
        status: 'lead',
        owner_id: ws.team.lead.membershipId,
        market_id: null,
        notes: null,
      },
      {
        name: '杭州织造',
        company: null,
        city: '杭州',
        class: 'A',
        status: 'lead',
        owner_id: ws.team.lead.membershipId,
        market_id: ws.team.marketId,
        notes: '老客户',
      },
    ]);
    const again = await run(gbk(text), { type: 'customers', format: 'csv' });
    expect(again.counts).toEqual({ rowsRead: 3, created: 0, updated: 0, skipped: 3, rejected: 0 });
    expect(await customers()).toHaveLength(2);
    const audits = await ws.db.selectFrom('audit_log').select(['entity', 'action']).execute();
    expect(audits).toEqual([
      { entity: 'customer', action: 'create' },
      { entity: 'customer', action: 'create' },
    ]);
  });

  it('updates a customer a re-import says something new about, and finds one typed in by hand', async () => {
    await createCustomer(ws.deps, ws.team.lead, { name: '萧山纺织', city: '萧山' });
    const report = await run(utf8Bom('Company,City,Status,Tier\n萧山纺织,杭州,Closed Won,A\n'), {
      type: 'customers',
      format: 'csv',
    });
    expect(report.counts).toMatchObject({ created: 0, updated: 1 });
    expect(await customers()).toMatchObject([{ name: '萧山纺织', city: '杭州', status: 'won', class: 'A' }]);
    const row = await ws.db.selectFrom('customers').select('version').executeTakeFirstOrThrow();
    expect(row.version).toBe(2);
  });

  it('dry run reports row by row and writes nothing; bad rows come back with reasons', async () => {
    const text = [
      '客户名称,负责人,客户级别,市场',
      '杭州织造,王磊,A,',
      ',王磊,A,',
      '富阳纸业,不存在的人,B,',
      '临安竹业,,Z,',
      '桐庐茶业,,C,海外',
      '宁波港务,赵强,C,',
    ].join('\n');
    const report = await run(Buffer.from(text), { type: 'customers', format: 'csv', dryRun: true });
    expect(report.rows.map((r) => [r.line, r.action, r.reason?.en ?? null])).toEqual([
      [2, 'create', null],
      [3, 'reject', "Enter the customer's name"],
      [4, 'reject', 'No member "不存在的人" in this workspace'],
      [5, 'reject', 'Unknown class "Z" (use: A, B, C, New)'],
      [6, 'reject', 'No market "海外" in this workspace'],
      [7, 'reject', '"赵强" is not a member you can assign'],
    ]);
    expect(report.rows[1]?.reason?.zh).toBe('请填写客户名称');
    expect(report.rows[2]?.reason?.zh).toBe('没有成员“不存在的人”');
    expect(report.rejected.headers).toEqual(['客户名称', '负责人', '客户级别', '市场']);
    expect(report.rejected.rows.map((r) => r.cells)).toEqual([
      ['', '王磊', 'A', ''],
      ['富阳纸业', '不存在的人', 'B', ''],
      ['临安竹业', '', 'Z', ''],
      ['桐庐茶业', '', 'C', '海外'],
      ['宁波港务', '赵强', 'C', ''],
    ]);
    expect(await customers()).toEqual([]);
  });

  it('reads an xlsx with a merged title row, a header merged over two rows, dates and amounts', async () => {
    await createCustomer(ws.deps, ws.team.lead, { name: '杭州织造' });
    await createCustomer(ws.deps, ws.team.lead, { name: '富阳纸业' });
    const rows = [
      ['2026 年签单明细'],
      ['客户名称', '合同信息', null, null],
      [null, '金额（元）', '签单日期', '备注'],
      ['杭州织造', '¥1,200.00', 46082, '序列号日期'],
      ['富阳纸业', '12万', '2026/3/1', null],
      [null, null, null, null],
      ['杭州织造', 3000, '2026年3月5日', '中文日期'],
      ['富阳纸业', 5000, new Date(Date.UTC(2026, 2, 9)), '日期单元格'],
      ['杭州织造', 'abc', '2026-03-01', null],
    ];
    const bytes = xlsxOf(rows, ['A1:D1', 'A2:A3', 'B2:D2'], ['C8']);
    const report = await run(bytes, { type: 'deals', format: 'xlsx' });
    expect(report.headerLine).toBe(3);
    expect(report.mapping).toEqual([
      { header: '客户名称', field: 'customer' },
      { header: '金额（元）', field: 'amount' },
      { header: '签单日期', field: 'signedOn' },
      { header: '备注', field: 'notes' },
    ]);
    expect(report.counts).toEqual({ rowsRead: 5, created: 4, updated: 0, skipped: 0, rejected: 1 });
    expect(report.rows[4]).toMatchObject({ line: 9, action: 'reject' });
    const deals = await ws.db
      .selectFrom('deals')
      .innerJoin('customers', 'customers.id', 'deals.customer_id')
      .select(['customers.name', 'deals.amount_minor', 'deals.signed_on', 'deals.notes', 'deals.owner_id'])
      .orderBy('deals.signed_on')
      .orderBy('deals.amount_minor')
      .execute();
    expect(deals.map((d) => ({ ...d, amount_minor: Number(d.amount_minor) }))).toEqual([
      {
        name: '杭州织造',
        amount_minor: 120_000,
        signed_on: '2026-03-01',
        notes: '序列号日期',
        owner_id: ws.team.lead.membershipId,
      },
      {
        name: '富阳纸业',
        amount_minor: 12_000_000,
        signed_on: '2026-03-01',
        notes: null,
        owner_id: ws.team.lead.membershipId,
      },
      {
        name: '杭州织造',
        amount_minor: 300_000,
        signed_on: '2026-03-05',
        notes: '中文日期',
        owner_id: ws.team.lead.membershipId,
      },
      {
        name: '富阳纸业',
        amount_minor: 500_000,
        signed_on: '2026-03-09',
        notes: '日期单元格',
        owner_id: ws.team.lead.membershipId,
      },
    ]);
    const again = await run(bytes, { type: 'deals', format: 'xlsx' });
    expect(again.counts).toMatchObject({ created: 0, skipped: 4, rejected: 1 });
  });

  it('imports contacts (HubSpot first/last name) and visits of visible customers only', async () => {
    await createCustomer(ws.deps, ws.team.lead, { name: '杭州织造' });
    await createCustomer(ws.deps, ws.team.otherLead, { name: '宁波港务' });
    const contacts = await run(
      Buffer.from(
        'First Name,Last Name,Company Name,Phone Number,Job Title\n总,陈,杭州织造,138 0000 0000,董事长\nA,B,宁波港务,1,x\n',
      ),
      { type: 'contacts', format: 'csv' },
    );
    expect(contacts.rows.map((r) => [r.action, r.reason?.en ?? null])).toEqual([
      ['create', null],
      ['reject', 'No customer "宁波港务" that you can see: import the customers first'],
    ]);
    const contact = await ws.db
      .selectFrom('contacts')
      .select(['name', 'phone', 'title'])
      .executeTakeFirstOrThrow();
    expect(contact).toEqual({ name: '陈 总', phone: '138 0000 0000', title: '董事长' });

    const visits = await run(
      Buffer.from('客户,拜访日期,拜访目的,参会人\n杭州织造,2026/3/3,第一次见面,陈总、刘工\n'),
      {
        type: 'visits',
        format: 'csv',
      },
    );
    expect(visits.counts.created).toBe(1);
    const visit = await ws.db
      .selectFrom('visits')
      .select(['visit_on', 'attendees', 'owner_id'])
      .executeTakeFirstOrThrow();
    expect(visit).toEqual({
      visit_on: '2026-03-03',
      attendees: '["陈总","刘工"]',
      owner_id: ws.team.lead.membershipId,
    });

    // The method's bookkeeping: meeting numbers in date order, and the customer's first stage.
    await run(Buffer.from('客户,拜访日期\n杭州织造,2026/3/10\n杭州织造,2026/2/20\n'), {
      type: 'visits',
      format: 'csv',
    });
    const numbers = await ws.db
      .selectFrom('visits')
      .select(['visit_on', 'meeting_number'])
      .orderBy('visit_on')
      .execute();
    expect(numbers).toEqual([
      { visit_on: '2026-02-20', meeting_number: 1 },
      { visit_on: '2026-03-03', meeting_number: 2 },
      { visit_on: '2026-03-10', meeting_number: 3 },
    ]);
    // Every imported customer starts its stage history once.
    const stages = await ws.db
      .selectFrom('customer_stage_changes')
      .select(['customer_id', 'from_status', 'to_status'])
      .execute();
    const imported = await ws.db.selectFrom('customers').select('id').execute();
    expect(stages.map((s) => s.customer_id).sort()).toEqual(imported.map((c) => c.id).sort());
    expect(stages.every((s) => s.from_status === null && s.to_status === 'lead')).toBe(true);
  });

  it('takes an explicit mapping, and refuses a file without the required columns', async () => {
    const bytes = Buffer.from('甲,乙\n杭州织造,杭州\n');
    await expectAppError(run(bytes, { type: 'customers', format: 'csv' }), 'IMPORT.MISSING_COLUMNS');
    const report = await run(bytes, { type: 'customers', format: 'csv', mapping: '甲=name,乙=city' });
    expect(report.counts.created).toBe(1);
    expect(await customers()).toMatchObject([{ name: '杭州织造', city: '杭州' }]);
    await expectAppError(
      run(bytes, { type: 'customers', format: 'csv', mapping: '甲=nope' }),
      'VALIDATION.FAILED',
    );
  });

  it('rejects an imported customer of another team instead of duplicating it; an assistant’s rows land with their lead', async () => {
    await run(Buffer.from('客户名称\n舟山渔业\n'), { type: 'customers', format: 'csv' }, ws.team.otherLead);
    const report = await run(
      Buffer.from('客户名称,城市\n舟山渔业,舟山\n临安竹业,临安\n'),
      { type: 'customers', format: 'csv' },
      ws.team.assistant,
    );
    expect(report.rows.map((r) => [r.action, r.reason?.en ?? null])).toEqual([
      ['reject', 'A customer of this name exists but is not one of yours'],
      ['create', null],
    ]);
    const all = await ws.db
      .selectFrom('customers')
      .select(['name', 'owner_id', 'assistant_id'])
      .orderBy('name')
      .execute();
    expect(all).toEqual([
      { name: '临安竹业', owner_id: ws.team.lead.membershipId, assistant_id: ws.team.assistant.membershipId },
      { name: '舟山渔业', owner_id: ws.team.otherLead.membershipId, assistant_id: null },
    ]);
  });

  it('updates contacts, deals and visits a re-import says something new about, each with its audit entry', async () => {
    const customer = await createCustomer(ws.deps, ws.team.lead, { name: '杭州织造', status: 'contacted' });
    const files = {
      contacts: ['客户,姓名,电话,职位', '杭州织造,陈总,138,董事长'],
      deals: ['客户,金额,签单日期,备注', '杭州织造,1000,2026-03-01,'],
      visits: ['客户,拜访日期,拜访目的', '杭州织造,2026-03-03,'],
    } as const;
    const changed = {
      contacts: ['客户,姓名,电话,职位', '杭州织造,陈总,138,总经理'],
      deals: ['客户,金额,签单日期,备注', '杭州织造,1000,2026-03-01,首付已到'],
      visits: ['客户,拜访日期,拜访目的', '杭州织造,2026-03-03,签约'],
    } as const;
    for (const type of ['contacts', 'deals', 'visits'] as const) {
      const created = await run(Buffer.from(files[type].join('\n')), { type, format: 'csv' });
      expect(created.counts).toMatchObject({ created: 1, updated: 0 });
      const updated = await run(Buffer.from(changed[type].join('\n')), { type, format: 'csv' });
      expect(updated.counts).toMatchObject({ created: 0, updated: 1 });
      expect(updated.rows[0]?.id).toBe(created.rows[0]?.id);
      const again = await run(Buffer.from(changed[type].join('\n')), { type, format: 'csv' });
      expect(again.counts).toMatchObject({ skipped: 1, updated: 0 });
      const id = String(created.rows[0]?.id);
      const audit = await ws.audit(id);
      expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
      const [create, update] = audit.map((a) => ({
        before: a.before === null ? null : JSON.parse(a.before),
        after: JSON.parse(String(a.after)),
      }));
      expect(create?.after).toMatchObject({ id, customerId: customer.id, version: 1 });
      expect(update?.before).toMatchObject({ id, version: 1 });
      expect(update?.after).toMatchObject({ id, version: 2 });
    }
    expect(await ws.db.selectFrom('contacts').select('title').execute()).toEqual([{ title: '总经理' }]);
    expect(await ws.db.selectFrom('deals').select('notes').execute()).toEqual([{ notes: '首付已到' }]);
    expect(await ws.db.selectFrom('visits').select(['purpose', 'meeting_number']).execute()).toEqual([
      { purpose: '签约', meeting_number: 1 },
    ]);
  });

  it('keeps the stage history of a customer whose status a re-import changes', async () => {
    const customer = await createCustomer(ws.deps, ws.team.lead, { name: '萧山纺织' });
    const report = await run(Buffer.from('客户名称,状态\n萧山纺织,赢单\n新客户,\n'), {
      type: 'customers',
      format: 'csv',
    });
    expect(report.counts).toMatchObject({ created: 1, updated: 1 });
    const stages = await ws.db
      .selectFrom('customer_stage_changes')
      .select(['customer_id', 'from_status', 'to_status'])
      .where('customer_id', '=', customer.id)
      .orderBy('id')
      .execute();
    expect(stages.map((s) => [s.from_status, s.to_status])).toEqual([
      [null, 'lead'],
      ['lead', 'won'],
    ]);
    const keys = await ws.db.selectFrom('import_keys').select(['entity', 'record_id']).execute();
    expect(keys).toEqual([{ entity: 'customer', record_id: report.rows[1]?.id }]);
  });

  it('commits batch by batch and reports progress', async () => {
    const lines = ['客户名称'];
    for (let i = 1; i <= 25; i += 1) lines.push(`客户${i}`);
    const progress: number[] = [];
    const report = await importRecords(
      ws.deps,
      ws.team.manager,
      chunks(Buffer.from(lines.join('\n'))),
      { type: 'customers', format: 'csv', batchSize: 10 },
      { onProgress: (c) => void progress.push(c.rowsRead) },
    );
    expect(progress).toEqual([10, 20, 25]);
    expect(report.counts.created).toBe(25);
    expect(await customers()).toHaveLength(25);
  });

  it('starts the stage history of every customer of a batch larger than one insert', async () => {
    // 450 rows in one batch: the stage changes are written in several statements (INSERT_CHUNK).
    const lines = ['客户名称'];
    for (let i = 1; i <= 450; i += 1) lines.push(`批量客户${i}`);
    await importRecords(ws.deps, ws.team.manager, chunks(Buffer.from(lines.join('\n'))), {
      type: 'customers',
      format: 'csv',
      batchSize: 1000,
    });
    const stages = await ws.db
      .selectFrom('customer_stage_changes')
      .select(['customer_id', 'to_status'])
      .execute();
    expect(stages).toHaveLength(450);
    expect(new Set(stages.map((s) => s.customer_id)).size).toBe(450);
    expect(stages.every((s) => s.to_status === 'lead')).toBe(true);
  });
});
