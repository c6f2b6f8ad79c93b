/**
 * Cell values as spreadsheets hold them → Closer's values: dates (ISO text, Excel serial
 * numbers, 2026/3/1, 2026年3月1日 …), amounts (¥1,200.00, 12万 via parseAmount), the
 * enumerations in Chinese or English, and the normalised natural keys that make a
 * re-import find the record it created. Pure: no clock, no I/O.
 */
import { addDays, type IsoDate, isIsoDate } from '../dates.js';
import { isAppError } from '../errors.js';
import { CONTACT_ROLE_LABELS, CUSTOMER_CLASS_LABELS, CUSTOMER_STATUS_LABELS, type Label } from '../labels.js';
import { parseAmount } from '../money.js';

/** A cell as read from CSV (text) or xlsx (text, number, date). */
export type Cell = string | number | Date | null;

/** A reason in both languages. */
export interface Reason {
  readonly zh: string;
  readonly en: string;
}

/** A parsed value, or why it could not be read. */
export type Parsed<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: Reason };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (zh: string, en: string): Parsed<never> => ({ ok: false, reason: { zh, en } });

/**
 * Text of a cell, trimmed; '' for an empty cell. Dates become ISO dates. NUL characters
 * (U+0000, left by broken exports) are dropped: nobody typed them, and PostgreSQL cannot
 * store them in text.
 */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return cell.replaceAll('\u0000', '').replace(/^[\s\u3000\ufeff]+|[\s\u3000]+$/g, '');
}

/** Day 0 of Excel's 1900 date system is 1899-12-30 (which absorbs Excel's 1900 leap-year bug). */
const EXCEL_EPOCH: IsoDate = '1899-12-30';
/** Serial numbers accepted as dates: 1982-01-01 … 2099-12-31, so a stray amount is not a date. */
const SERIAL_MIN = 29_952;
const SERIAL_MAX = 73_050;

function isoOf(year: number, month: number, day: number): string | null {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

/**
 * Reads a date: a Date (xlsx date cell, taken in UTC as exceljs gives it), an Excel serial
 * number (46082 → 2026-03-01; a time fraction is dropped), `2026-03-01`, `2026/3/1`,
 * `2026.3.1`, `2026年3月1日`, `20260301`, `3/1/2026` (month first, as US CRMs export, unless
 * the first number is above 12) — each optionally followed by a time. Empty → null.
 */
export function parseDateCell(cell: Cell): Parsed<IsoDate | null> {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime())
      ? bad('日期无效', 'invalid date')
      : ok(cell.toISOString().slice(0, 10));
  }
  if (typeof cell === 'number') return serialDate(cell);
  const text = cellText(cell).normalize('NFKC');
  if (text === '') return ok(null);
  if (/^\d{5}(\.\d+)?$/.test(text)) return serialDate(Number(text));
  const unreadable = bad(
    `无法识别日期“${text}”，请写成 2026-03-01、2026/3/1 或 2026年3月1日`,
    `Cannot read the date "${text}": write it like 2026-03-01, 2026/3/1 or 2026年3月1日`,
  );
  // The time part (10:30, T10:30:00Z, 上午10:30) is not part of a business date.
  const datePart = text.replace(/(?:[ T].*)$/u, '').replace(/日.*$/u, '日');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(datePart);
  if (m) return checked(isoOf(Number(m[1]), Number(m[2]), Number(m[3])), unreadable);
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(datePart);
  if (m) return checked(isoOf(Number(m[1]), Number(m[2]), Number(m[3])), unreadable);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(datePart);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const [month, day] = a > 12 ? [b, a] : [a, b];
    return checked(isoOf(Number(m[3]), month, day), unreadable);
  }
  return unreadable;
}

function checked(iso: string | null, unreadable: Parsed<never>): Parsed<IsoDate | null> {
  return iso === null ? unreadable : ok(iso);
}

function serialDate(serial: number): Parsed<IsoDate | null> {
  const day = Math.floor(serial);
  if (!Number.isFinite(serial) || day < SERIAL_MIN || day > SERIAL_MAX) {
    return bad(`无法把 ${serial} 识别为日期`, `Cannot read ${serial} as a date`);
  }
  return ok(addDays(EXCEL_EPOCH, day));
}

/**
 * Reads an amount in yuan into fen with {@link parseAmount} (`¥1,200.00`, `12万`, `1.2M`).
 * A number cell is taken as yuan; binary noise below a fen (1200.1000000001) is dropped,
 * a real third decimal is not. Empty → null.
 */
export function parseAmountCell(cell: Cell): Parsed<number | null> {
  let text: string;
  if (typeof cell === 'number') {
    const fen = cell * 100;
    text = Math.abs(fen - Math.round(fen)) < 1e-6 ? (Math.round(fen) / 100).toFixed(2) : String(cell);
  } else {
    text = cellText(cell instanceof Date ? null : cell);
  }
  if (text === '') return ok(null);
  try {
    return ok(parseAmount(text));
  } catch (error) {
    if (isAppError(error)) {
      return bad(`金额“${text}”：${error.messageIn('zh')}`, `Amount "${text}": ${error.messageIn('en')}`);
    }
    throw error;
  }
}

/**
 * Values of an enumeration as people write them, normalised → the stored value. The
 * product's own labels (what the exports write) are always read back, so an export can be
 * edited and imported again.
 */
function enumReader<T extends string>(
  table: Readonly<Record<T, readonly string[]>>,
  what: Reason,
  labels: Readonly<Record<T, Label>>,
): (cell: Cell) => Parsed<T | null> {
  const lookup = new Map<string, T>();
  for (const [value, words] of Object.entries(table) as [T, readonly string[]][]) {
    lookup.set(normaliseText(value), value);
    for (const word of [...words, labels[value].zh, labels[value].en]) lookup.set(normaliseText(word), value);
  }
  return (cell) => {
    const text = cellText(cell);
    if (text === '') return ok(null);
    const value = lookup.get(normaliseText(text));
    if (value !== undefined) return ok(value);
    // The words a person writes, as the exports and the app show them (the codes are read too).
    const words = Object.values<Label>(labels);
    return bad(
      `无法识别${what.zh}“${text}”（可用：${words.map((w) => w.zh).join('、')}）`,
      `Unknown ${what.en} "${text}" (use: ${words.map((w) => w.en).join(', ')})`,
    );
  };
}

/** Customer class: A, B, C or new. */
export const parseClass = enumReader(
  {
    A: ['a类', 'a级', 'a类客户', '重点客户'],
    B: ['b类', 'b级', 'b类客户'],
    C: ['c类', 'c级', 'c类客户'],
    new: ['新', '新客户', '新客', 'new customer', '潜在客户', 'prospect'],
  },
  { zh: '客户级别', en: 'class' },
  CUSTOMER_CLASS_LABELS,
);

/** Customer status (funnel stage), including the stage names common CRMs export. */
export const parseStatus = enumReader(
  {
    lead: ['线索', '潜在', '新线索', 'subscriber', 'open', 'new'],
    contacted: ['已联系', '初步接触', '接触', 'attempted to contact', 'connected', 'working'],
    qualified: [
      '已确认',
      '合格',
      '有效',
      '已验证',
      'qualified lead',
      'sales qualified lead',
      'sql',
      'opportunity',
    ],
    proposal: [
      '方案',
      '报价',
      '方案报价',
      '谈判',
      'proposal/price quote',
      'negotiation',
      'negotiation/review',
    ],
    won: ['成交', '赢单', '已成交', '签约', 'closed won', 'customer'],
    lost: ['丢单', '输单', '已流失', '流失', 'closed lost', 'unqualified'],
  },
  { zh: '客户状态', en: 'status' },
  CUSTOMER_STATUS_LABELS,
);

/** A contact's role in the buying decision. */
export const parseContactRole = enumReader(
  {
    key_person: ['关键人', '决策人', 'kp', 'decision maker', 'key person'],
    influencer: ['影响者', '影响人', 'influencer'],
    user: ['使用者', '用户', 'user'],
    gatekeeper: ['把关者', '秘书', '前台', 'gatekeeper'],
  },
  { zh: '联系人角色', en: 'role' },
  CONTACT_ROLE_LABELS,
);

/** Names and keys as compared: NFKC, one space between words, lower case. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A list cell (`a, b；c`) → its items. */
export function parseList(cell: Cell): string[] {
  return cellText(cell)
    .split(/[,，;；、|]/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Natural key of a customer: its name and company, normalised. */
export function customerKey(name: string, company: string | null | undefined): string {
  return `${normaliseText(name)}|${normaliseText(company ?? '')}`;
}

/** Natural key of a contact: customer, name and phone digits. */
export function contactKey(customerId: string, name: string, phone: string | null | undefined): string {
  return `${customerId}|${normaliseText(name)}|${(phone ?? '').replace(/\D/g, '')}`;
}

/** Natural key of a deal: customer, signed date and amount. */
export function dealKey(customerId: string, signedOn: string | null, amountMinor: number): string {
  return `${customerId}|${signedOn ?? ''}|${amountMinor}`;
}

/** Natural key of a visit: customer, date and owner. */
export function visitKey(customerId: string, visitOn: string, ownerId: string | null): string {
  return `${customerId}|${visitOn}|${ownerId ?? ''}`;
}
