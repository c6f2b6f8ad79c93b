/**
 * Reading plan input: what parsePlanSettings refuses, with which code, and how it explains
 * it (field paths, both languages), and the loose forms it accepts.
 */
import { describe, expect, it } from 'vitest';
import { parsePlanSettings } from './settings.js';

/** Parses a 588万 plan for 2026 with `input` on top. */
function parse(input: Record<string, unknown>) {
  return parsePlanSettings({ target: '588万', year: 2026, ...input });
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('parsePlanSettings: bad input', () => {
  it.each([
    [
      {
        markets: [
          { name: 'a', share: 50 },
          { name: 'b', share: 40 },
        ],
      },
      'PLAN.SHARES_NOT_100',
    ],
    [{ target: 'lots' }, 'PLAN.INVALID'],
    [{ target: '-5万' }, 'PLAN.INVALID'],
    [{ year: 1999 }, 'PLAN.INVALID'],
    [{ startDate: '2025-12-01' }, 'PLAN.DATE_OUT_OF_YEAR'],
    [{ startDate: '2026-02-30' }, 'PLAN.INVALID'],
    [{ fieldDays: ['someday'] }, 'PLAN.INVALID'],
    [{ seasonality: [1, 2, 3] }, 'PLAN.INVALID'],
    [{ unknownField: 1 }, 'PLAN.INVALID'],
    [{ timeZone: 'Mars/Base' }, 'PLAN.INVALID'],
    [{ funnel: { meetingClose: [60, 20, 10] } }, 'PLAN.SHARES_NOT_100'],
    [
      {
        members: [
          { name: 'a', weight: 0.0000000001 },
          { name: 'b', weight: 0 },
        ],
      },
      'PLAN.INVALID',
    ],
    [{ seasonality: [0.000000000001, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0] }, 'PLAN.INVALID'],
    [{ members: Array.from({ length: 10_001 }, (_, i) => ({ name: `m${i}` })) }, 'PLAN.INVALID'],
    [
      { markets: [{ name: 'a', share: 50 }], actuals: [{ date: '2026-01-05', amount: 1, market: 'b' }] },
      'PLAN.SHARES_NOT_100',
    ],
    [
      { markets: [{ name: 'a', share: 100 }], actuals: [{ date: '2026-01-05', amount: 1, market: 'b' }] },
      'PLAN.INVALID',
    ],
  ])('%j → %s', (input, code) => {
    expect(codeOf(() => parse(input))).toBe(code);
  });

  it('names the sum of shares that do not add to 100', () => {
    try {
      parse({
        markets: [
          { name: 'a', share: 50 },
          { name: 'b', share: 40 },
        ],
      });
    } catch (error) {
      expect((error as Error).message).toContain('90%');
      return;
    }
    throw new Error('expected an error');
  });

  it('explains schema problems in Chinese too', () => {
    try {
      parse({ target: 'abc', fieldDays: ['someday'] });
    } catch (error) {
      const message = (error as { messageIn(lang: 'zh'): string }).messageIn('zh');
      expect(message).toContain('无法识别金额“abc”');
      expect(message).toContain('“someday”不是星期几');
      return;
    }
    throw new Error('expected an error');
  });

  it('gives field-level details for schema problems', () => {
    try {
      parse({ markets: [{ name: '', share: 'x' }] });
    } catch (error) {
      const fields = (error as { details: { fields: { path: string }[] } }).details.fields.map((f) => f.path);
      expect(fields).toEqual(expect.arrayContaining(['markets.0.name', 'markets.0.share']));
      return;
    }
    throw new Error('expected an error');
  });
});
