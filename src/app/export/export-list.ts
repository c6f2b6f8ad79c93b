/**
 * Use case: export a list — customers, contacts, deals, visits, follow-ups or the plan — as
 * CSV or xlsx, with the list's own filters and the caller's rights (it pages through the
 * same list use cases the API uses). Headers are those the import understands, so an
 * export can be edited and imported back.
 */

import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { EXPORT_FILTERS, EXPORT_LISTS, type ExportList } from '../../contract/imports.js';
import { localDateTime } from '../../domain/dates.js';
import type { Lang } from '../../domain/errors.js';
import { exactYuan } from '../../domain/format-amount.js';
import { labelOf } from '../../domain/labels.js';
import { visibleCustomers } from '../access.js';
import { listContacts } from '../contacts/list-contacts.js';
import type { Deps, Principal } from '../context.js';
import { listCustomerRecords } from '../customers/list-customers.js';
import { listDeals } from '../deals/list-deals.js';
import { listFollowUps } from '../follow-ups/list-follow-ups.js';
import type { Page } from '../pagination.js';
import { writePlanXlsx } from '../plans/export-plan.js';
import { getPlan } from '../plans/get-plan.js';
import { planTables } from '../plans/plan-tables.js';
import { parseInput } from '../validation.js';
import { listVisits } from '../visits/list-visits.js';
import { type ExportFormat, type TableCell, type TableColumn, writeTable } from './write-table.js';

/** Input of an export: the list, the format, the language and the list's own filters. */
export const exportListInput = z.strictObject({
  list: z.enum(EXPORT_LISTS),
  format: z.enum(['csv', 'xlsx']),
  lang: z.enum(['zh', 'en']).default('zh'),
  /** The list's filters (as its list endpoint takes them); limit and cursor are ignored. */
  filters: z.record(z.string(), z.unknown()).default({}),
});
export type ExportListInput = z.input<typeof exportListInput>;

const H = {
  customer: { zh: '客户名称', en: 'Customer' },
  company: { zh: '公司全称', en: 'Legal name' },
  market: { zh: '市场', en: 'Market' },
  city: { zh: '城市', en: 'City' },
  class: { zh: '客户级别', en: 'Class' },
  status: { zh: '客户状态', en: 'Status' },
  owner: { zh: '负责人', en: 'Owner' },
  source: { zh: '来源', en: 'Source' },
  tags: { zh: '标签', en: 'Tags' },
  notes: { zh: '备注', en: 'Notes' },
  createdAt: { zh: '创建时间', en: 'Created at' },
  contact: { zh: '联系人', en: 'Contact' },
  title: { zh: '职位', en: 'Title' },
  phone: { zh: '电话', en: 'Phone' },
  email: { zh: '邮箱', en: 'Email' },
  role: { zh: '角色', en: 'Role' },
  amount: { zh: '金额', en: 'Amount' },
  currency: { zh: '币种', en: 'Currency' },
  signedOn: { zh: '签单日期', en: 'Signed on' },
  expectedFundsOn: { zh: '预计回款日期', en: 'Expected funds on' },
  fundsReceived: { zh: '已回款', en: 'Funds received' },
  visitOn: { zh: '拜访日期', en: 'Visit date' },
  attendees: { zh: '参会人', en: 'Attendees' },
  purpose: { zh: '拜访目的', en: 'Purpose' },
  outcome: { zh: '拜访结果', en: 'Outcome' },
  nextStep: { zh: '下一步', en: 'Next step' },
  dueOn: { zh: '到期日', en: 'Due on' },
  kind: { zh: '类型', en: 'Kind' },
  done: { zh: '已完成', en: 'Done' },
} as const;

type ColumnSpec = readonly [keyof typeof H, TableColumn['type']];

const COLUMNS: Record<Exclude<ExportList, 'plan'>, readonly ColumnSpec[]> = {
  customers: [
    ['customer', 'text'],
    ['company', 'text'],
    ['market', 'text'],
    ['city', 'text'],
    ['class', 'text'],
    ['status', 'text'],
    ['owner', 'text'],
    ['source', 'text'],
    ['tags', 'text'],
    ['notes', 'text'],
    ['createdAt', 'text'],
  ],
  contacts: [
    ['customer', 'text'],
    ['contact', 'text'],
    ['title', 'text'],
    ['phone', 'text'],
    ['email', 'text'],
    ['role', 'text'],
  ],
  deals: [
    ['customer', 'text'],
    ['amount', 'amount'],
    ['currency', 'text'],
    ['signedOn', 'text'],
    ['expectedFundsOn', 'text'],
    ['fundsReceived', 'amount'],
    ['owner', 'text'],
    ['notes', 'text'],
  ],
  visits: [
    ['customer', 'text'],
    ['visitOn', 'text'],
    ['owner', 'text'],
    ['attendees', 'text'],
    ['purpose', 'text'],
    ['outcome', 'text'],
    ['nextStep', 'text'],
    ['notes', 'text'],
  ],
  'follow-ups': [
    ['customer', 'text'],
    ['dueOn', 'text'],
    ['kind', 'text'],
    ['owner', 'text'],
    ['done', 'text'],
    ['notes', 'text'],
  ],
};

const SHEET = {
  customers: { zh: '客户', en: 'Customers' },
  contacts: { zh: '联系人', en: 'Contacts' },
  deals: { zh: '签单', en: 'Deals' },
  visits: { zh: '拜访', en: 'Visits' },
  'follow-ups': { zh: '待跟进', en: 'Follow-ups' },
  plan: { zh: '计划', en: 'Plan' },
} as const;

/** Pages through a list use case until its last page. */
async function* pages<T>(
  list: (deps: Deps, principal: Principal, query: unknown) => Promise<Page<T>>,
  deps: Deps,
  principal: Principal,
  filters: Record<string, unknown>,
): AsyncGenerator<T[]> {
  const { limit: _limit, cursor: _cursor, ...rest } = filters;
  let cursor: string | null = null;
  do {
    const page: Page<T> = await list(deps, principal, { ...rest, limit: 200, ...(cursor ? { cursor } : {}) });
    yield page.items;
    cursor = page.nextCursor;
  } while (cursor);
}

/** Names of the workspace's members and markets, and of the customers named on a page. */
async function names(deps: Deps, principal: Principal) {
  const members = new Map(
    (
      await deps.db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['memberships.id', 'users.name'])
        .where('memberships.workspace_id', '=', principal.workspaceId)
        .execute()
    ).map((m) => [m.id, m.name]),
  );
  const markets = new Map(
    (
      await deps.db
        .selectFrom('markets')
        .select(['id', 'name'])
        .where('workspace_id', '=', principal.workspaceId)
        .execute()
    ).map((m) => [m.id, m.name]),
  );
  const customers = async (ids: readonly string[]) =>
    new Map(
      ids.length === 0
        ? []
        : (
            await visibleCustomers(deps.db, principal)
              .select(['customers.id', 'customers.name'])
              .where('customers.id', 'in', [...new Set(ids)])
              .execute()
          ).map((c) => [c.id, c.name]),
    );
  return { members, markets, customers };
}

/** The rows of a record list, page by page. */
async function* listRows(
  deps: Deps,
  principal: Principal,
  list: Exclude<ExportList, 'plan'>,
  filters: Record<string, unknown>,
  lang: Lang,
): AsyncGenerator<TableCell[]> {
  const n = await names(deps, principal);
  const member = (id: string | null) => (id ? (n.members.get(id) ?? null) : null);
  /** The rows of a customer's records (contacts, deals …): each record's customer, then `cells` of it. */
  async function* ofCustomers<T extends { readonly customerId: string }>(
    pageList: AsyncIterable<readonly T[]>,
    cells: (item: T) => TableCell[],
  ): AsyncGenerator<TableCell[]> {
    for await (const items of pageList) {
      const customers = await n.customers(items.map((i) => i.customerId));
      for (const item of items) yield [customers.get(item.customerId) ?? null, ...cells(item)];
    }
  }
  // Codes become the words the web app shows; instants the workspace's wall clock.
  const { time_zone: timeZone } = await deps.db
    .selectFrom('workspaces')
    .select('time_zone')
    .where('id', '=', principal.workspaceId)
    .executeTakeFirstOrThrow();
  if (list === 'customers') {
    for await (const items of pages(listCustomerRecords, deps, principal, filters)) {
      for (const c of items) {
        yield [
          c.name,
          c.company,
          c.marketId ? (n.markets.get(c.marketId) ?? null) : null,
          c.city,
          labelOf('customerClass', c.class, lang),
          labelOf('customerStatus', c.status, lang),
          member(c.ownerId),
          c.source,
          c.tags.join(', '),
          c.notes,
          localDateTime(c.createdAt, timeZone),
        ];
      }
    }
    return;
  }
  if (list === 'contacts') {
    yield* ofCustomers(pages(listContacts, deps, principal, filters), (c) => [
      c.name,
      c.title,
      c.phone,
      c.email,
      c.role ? labelOf('contactRole', c.role, lang) : null,
    ]);
    return;
  }
  if (list === 'deals') {
    yield* ofCustomers(pages(listDeals, deps, principal, filters), (d) => [
      d.amountMinor,
      d.currency,
      d.signedOn,
      d.expectedFundsOn,
      d.fundsReceivedMinor,
      member(d.ownerId),
      d.notes,
    ]);
    return;
  }
  if (list === 'visits') {
    yield* ofCustomers(pages(listVisits, deps, principal, filters), (v) => [
      v.visitOn,
      member(v.ownerId),
      v.attendees.join('、'),
      v.purpose,
      v.outcome,
      v.nextStep,
      v.notes,
    ]);
    return;
  }
  const yes = lang === 'zh' ? '是' : 'yes';
  const no = lang === 'zh' ? '否' : 'no';
  yield* ofCustomers(pages(listFollowUps, deps, principal, filters), (f) => [
    f.dueOn,
    labelOf('followUpKind', f.kind, lang),
    member(f.assigneeId),
    f.done ? yes : no,
    f.notes,
  ]);
}

/**
 * Checks an export before any byte is sent (bad filters, a plan that does not exist), so a
 * streamed answer cannot fail half-way for a reason the caller could have been told.
 */
export async function checkExport(deps: Deps, principal: Principal, input: unknown): Promise<void> {
  const p = parseInput(exportListInput, input);
  parseInput(EXPORT_FILTERS[p.list], p.filters);
  if (p.list === 'plan') await getPlan(deps, principal, p.filters);
}

/**
 * Writes the export to `out` (and ends it).
 *
 * @throws AppError VALIDATION.FAILED for a bad list, format or filter; NOT_FOUND when the
 *   plan asked for does not exist.
 */
export async function exportList(
  deps: Deps,
  principal: Principal,
  input: unknown,
  out: Writable,
): Promise<void> {
  const p = parseInput(exportListInput, input);
  if (p.list === 'plan') {
    const plan = await getPlan(deps, principal, p.filters);
    if (p.format === 'xlsx') {
      // writePlanXlsx writes complete files only (temp + rename); stream that file out.
      const dir = await mkdtemp(join(tmpdir(), 'closer-export-'));
      try {
        const file = join(dir, 'plan.xlsx');
        await writePlanXlsx(plan.result, p.lang, file);
        await pipeline(createReadStream(file), out);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
      return;
    }
    // One CSV: the plan's tables one below the other, each under its title, a blank row between.
    const tables = planTables(plan.result, p.lang);
    const width = Math.max(...tables.map((t) => t.columns.length));
    const columns: TableColumn[] = Array.from({ length: width }, (_, i) => ({
      header: i === 0 ? (tables[0]?.title ?? '') : '',
      type: 'text',
    }));
    const rows: TableCell[][] = [];
    tables.forEach((table, t) => {
      if (t > 0) rows.push([], [table.title]);
      rows.push(table.columns.map((c) => c.header));
      for (const row of table.rows) {
        rows.push(
          row.map((cell, i) => {
            if (cell === null || typeof cell === 'string') return cell;
            const type = table.columns[i]?.type;
            if (type === 'amount') return exactYuan(cell);
            if (type === 'percent') return `${Math.round(cell * 10_000) / 100}%`;
            return String(cell);
          }),
        );
      }
    });
    await writeTable(out, 'csv', SHEET.plan[p.lang], columns, rows);
    return;
  }
  const columns = COLUMNS[p.list].map(([key, type]) => ({ header: H[key][p.lang], type }));
  await writeTable(
    out,
    p.format as ExportFormat,
    SHEET[p.list][p.lang],
    columns,
    listRows(deps, principal, p.list, p.filters, p.lang),
  );
}
