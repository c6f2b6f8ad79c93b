import { describe, expect, it } from 'vitest';
import {
  cellText,
  customerKey,
  parseAmountCell,
  parseClass,
  parseDateCell,
  parseList,
  parseStatus,
} from './values.js';

describe('parseDateCell', () => {
  it.each([
    ['2026-03-01', '2026-03-01'],
    ['2026/3/1', '2026-03-01'],
    ['2026.3.1', '2026-03-01'],
    ['2026年3月1日', '2026-03-01'],
    ['２０２６年３月１日', '2026-03-01'],
    ['2026年3月1日 上午10:00', '2026-03-01'],
    ['2026-03-01T10:00:00Z', '2026-03-01'],
    ['2026/3/1 10:30', '2026-03-01'],
    ['20260301', '2026-03-01'],
    ['3/1/2026', '2026-03-01'],
    ['13/3/2026', '2026-03-13'],
    ['46082', '2026-03-01'],
    [46082, '2026-03-01'],
    [46082.75, '2026-03-01'],
    [new Date(Date.UTC(2026, 2, 1)), '2026-03-01'],
    ['', null],
    [null, null],
  ])('%s → %s', (cell, expected) => {
    expect(parseDateCell(cell)).toEqual({ ok: true, value: expected });
  });

  it.each(['2026/2/30', '2026-13-01', 'next week', '1200', 12, '3/1/26'])(
    'rejects %s with a reason in both languages',
    (cell) => {
      const result = parseDateCell(cell);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.reason.zh).toMatch(/日期/);
        expect(result.reason.en).toMatch(/date/);
      }
    },
  );
});

describe('parseAmountCell', () => {
  it.each([
    ['¥1,200.00', 120_000],
    ['12万', 12_000_000],
    ['￥１，２００', 120_000],
    ['1.5M', 150_000_000],
    [1200, 120_000],
    [1200.1, 120_010],
    [0.1 + 0.2, 30],
    ['', null],
    [null, null],
  ])('%s → %s fen', (cell, expected) => {
    expect(parseAmountCell(cell)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['abc', 'Cannot read'],
    ['-5', 'negative'],
    ['1.234', 'two decimals'],
    [1.234, 'two decimals'],
  ])('rejects %s (%s)', (cell, words) => {
    const result = parseAmountCell(cell);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.en).toContain(words);
  });
});

describe('enumerations and keys', () => {
  it('reads classes and statuses in Chinese, English and CRM stage names', () => {
    expect(['A类', 'b', '新客户', 'New'].map((c) => parseClass(c))).toEqual([
      { ok: true, value: 'A' },
      { ok: true, value: 'B' },
      { ok: true, value: 'new' },
      { ok: true, value: 'new' },
    ]);
    expect(['成交', 'Closed Won', '丢单', '线索', 'Negotiation/Review'].map((s) => parseStatus(s))).toEqual([
      { ok: true, value: 'won' },
      { ok: true, value: 'won' },
      { ok: true, value: 'lost' },
      { ok: true, value: 'lead' },
      { ok: true, value: 'proposal' },
    ]);
    expect(parseClass('D').ok).toBe(false);
  });

  it('normalises names so full-width, case and spacing do not make a new customer', () => {
    expect(customerKey(' Hangzhou  Weaving ', null)).toBe(customerKey('ＨＡＮＧＺＨＯＵ WEAVING', ''));
    expect(customerKey('杭州织造', '杭州织造有限公司')).not.toBe(customerKey('杭州织造', null));
  });

  it('splits lists and trims cells', () => {
    expect(parseList('陈总、刘工, 王总；')).toEqual(['陈总', '刘工', '王总']);
    expect(cellText('\ufeff  杭州\u3000')).toBe('杭州');
    expect(cellText('杭州\u0000织造\u0000')).toBe('杭州织造');
  });
});
