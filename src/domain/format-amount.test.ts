import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnScale, exactYuan, showAmount, showAmountColumn, showPercent } from './format-amount.js';
import { MAX_AMOUNT_MINOR, parseAmount } from './money.js';

/** Any amount in range, with extra weight on round ones and on the unit boundaries. */
const amounts = fc.oneof(
  fc.integer({ min: 0, max: MAX_AMOUNT_MINOR }),
  fc.integer({ min: 0, max: 100_000_000 }).map((x) => x * 1_000_000),
  fc.integer({ min: 0, max: 10_000_000 }),
  fc.integer({ min: -500, max: 500 }).map((x) => 1_000_000 + x), // around 1万
  fc.integer({ min: -5_000, max: 5_000 }).map((x) => 10_000_000_000 + x), // around 1亿
);

describe('showAmount zh', () => {
  it.each([
    // From 1万 up: 万 with at most two decimals, trailing zeros dropped.
    [145_000_00, '14.5万'],
    [1_450_000, '1.45万'],
    [14_700_000_00, '1470万'],
    [147_000_000, '147万'],
    [139_887_097, '139.89万'], // the Q1 of 1,398,870.97
    [1_000_000, '1万'],
    [588_000_000, '588万'],
    [1_234_567, '1.23万'],
    [1_235_000, '1.24万'], // half away from zero
    // Below 1万: whole yuan, grouped by thousands; never fen.
    [483_871, '4,839'], // the 4,838.71
    [241_613, '2,416'], // the 2,416.13
    [999_949, '9,999'],
    [999_950, '1万'], // 9,999.50 rounds to 10,000: that is 1万, not 10,000
    [50, '1'],
    [49, '0'],
    [0, '0'],
    // From 1亿 up: 亿.
    [12_000_000_000, '1.2亿'],
    [12_345_678_900, '1.23亿'],
    [9_999_995_000, '1亿'], // 9999.995万 rounds to 10000万 = 1亿
    [9_999_994_000, '9999.99万'],
    [MAX_AMOUNT_MINOR, '1万亿'],
    // Negatives: the same with a minus.
    [-1_450_000, '-1.45万'],
    [-483_871, '-4,839'],
    [-50, '-1'],
  ])('%i fen → %s', (minor, expected) => {
    expect(showAmount(minor, 'zh')).toBe(expected);
  });

  it.each([
    // Rounding up: what a person must reach is never shown short.
    [1_940_001, '1.95万'],
    [1_940_000, '1.94万'],
    [483_801, '4,839'],
    [483_800, '4,838'],
    [1, '1'],
    [999_901, '1万'],
    [-483_899, '-4,838'], // towards +∞
  ])('rounding up: %i fen → %s', (minor, expected) => {
    expect(showAmount(minor, 'zh', { rounding: 'up' })).toBe(expected);
  });

  it.each([
    [483_871, 'wan', '0.48万'],
    [3_000, 'wan', '<0.01万'], // non-zero, too small to show in 万: never "0万"
    [-3_000, 'wan', '>-0.01万'],
    [0, 'wan', '0'],
    [12_000_000_000, 'wan', '12000万'],
    [588_000_000, 'yuan', '5,880,000'],
  ] as const)('in a fixed unit: %i fen in %s → %s', (minor, scale, expected) => {
    expect(showAmount(minor, 'zh', { scale })).toBe(expected);
  });
});

describe('showAmount en', () => {
  it.each([
    [139_887_097, '1,398,871'],
    [483_871, '4,839'],
    [588_000_000, '5,880,000'],
    [49, '0'],
    [0, '0'],
    [-1_450_000, '-14,500'],
    [MAX_AMOUNT_MINOR, '1,000,000,000,000'],
  ])('%i fen → %s', (minor, expected) => {
    expect(showAmount(minor, 'en')).toBe(expected);
    // en has one unit: a zh scale changes nothing.
    expect(showAmount(minor, 'en', { scale: 'wan' })).toBe(expected);
  });

  it.each([
    [2_370_968, '23.7K'],
    [588_000_000, '5.88M'],
    [12_000_000_000, '120M'],
    [123_456_789_012, '1.23B'],
    [95_000, '950'],
    [99_950, '1K'], // 999.5 rounds to 1000: 1K
    [99_999_500, '1M'],
    [MAX_AMOUNT_MINOR, '1T'],
    [-2_370_968, '-23.7K'],
  ])('compact: %i fen → %s', (minor, expected) => {
    expect(showAmount(minor, 'en', { compact: true })).toBe(expected);
  });

  it('rounds compact amounts up when asked', () => {
    expect(showAmount(2_360_001, 'en', { compact: true, rounding: 'up' })).toBe('23.7K');
    expect(showAmount(2_360_001, 'en', { compact: true })).toBe('23.6K');
  });
});

describe('columnScale and showAmountColumn', () => {
  it.each([
    [[483_871, 1_450_000], 'wan'], // the Today: one unit, 万
    [[483_871, 241_613], 'yuan'],
    [[0, 0], 'yuan'],
    [[], 'yuan'],
    [[12_000_000_000, 30_000_000_000, 0], 'yi'], // every non-zero amount reaches 1亿
    [[12_000_000_000, 300_000_000], 'wan'], // a 亿 and a 万: 万 for both
    [[12_000_000_000, 483_871], 'wan'],
    [[999_950], 'wan'], // rounds to 1万
  ] as const)('%j → %s', (values, scale) => {
    expect(columnScale(values, 'zh')).toBe(scale);
    expect(columnScale(values, 'en')).toBe('yuan');
  });

  it('shows the issue’s plan column in one unit', () => {
    expect(showAmountColumn([139_887_097, 147_000_000, 483_871, null], 'zh')).toEqual([
      '139.89万',
      '147万',
      '0.48万',
      '',
    ]);
    expect(showAmountColumn([139_887_097, 147_000_000, 483_871], 'en')).toEqual([
      '1,398,871',
      '1,470,000',
      '4,839',
    ]);
  });

  it('rounds each item its own way and picks the unit on the rounded amounts', () => {
    // 9,999.01 to reach rounds up to 10,000: that is 1万, so the column is in 万.
    expect(showAmountColumn([{ amount: 999_901, rounding: 'up' }, 870_000], 'zh')).toEqual(['1万', '0.87万']);
    expect(showAmountColumn([999_901, 870_000], 'zh')).toEqual(['9,999', '8,700']);
    expect(showAmountColumn([{ amount: 194_001, rounding: 'up' }, 194_001], 'en')).toEqual([
      '1,941',
      '1,940',
    ]);
  });

  it('never mixes units in a zh column', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            amounts,
            amounts.map((x) => -x),
          ),
          { maxLength: 12 },
        ),
        (values) => {
          const suffixes = new Set(
            showAmountColumn(values, 'zh')
              .filter((cell) => cell !== '0')
              .map((cell) => /(万亿|亿|万)$/.exec(cell)?.[1] ?? 'yuan'),
          );
          expect(suffixes.size).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe('showAmount properties', () => {
  /** The largest error rounding may leave for a shown string, in fen. */
  function step(shown: string): number {
    if (shown.endsWith('万亿')) return 1_000_000_000_000;
    if (shown.endsWith('亿')) return 100_000_000;
    if (shown.endsWith('万')) return 10_000;
    return 100;
  }

  it('reads back (parseAmount) within half a step of what it shows, in zh and en', () => {
    fc.assert(
      fc.property(amounts, (minor) => {
        for (const lang of ['zh', 'en'] as const) {
          const shown = showAmount(minor, lang);
          expect(Math.abs(parseAmount(shown) - minor) * 2).toBeLessThanOrEqual(step(shown));
          // What a Chinese IME types back (full-width digits and commas) reads the same.
          const fullWidth = shown.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
          expect(parseAmount(fullWidth)).toBe(parseAmount(shown));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('rounding up never shows less than the amount to reach, and less than one step more', () => {
    fc.assert(
      fc.property(amounts, (minor) => {
        for (const lang of ['zh', 'en'] as const) {
          const shown = showAmount(minor, lang, { rounding: 'up' });
          const read = parseAmount(shown);
          expect(read).toBeGreaterThanOrEqual(minor);
          expect(read - minor).toBeLessThan(step(shown));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('en compact stays within 0.5% of the amount', () => {
    fc.assert(
      fc.property(amounts, (minor) => {
        const shown = showAmount(minor, 'en', { compact: true });
        // parseAmount reads K/M/B but not T (compact output is not meant to be typed back).
        if (shown.endsWith('T')) return;
        const read = parseAmount(shown);
        // Below 1,000 yuan the step is one yuan; above, three significant digits.
        expect(Math.abs(read - minor) * 200 <= minor || Math.abs(read - minor) * 2 <= 100).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never shows fen and puts a minus in front of negatives (nearest)', () => {
    fc.assert(
      fc.property(
        amounts,
        fc.constantFrom('zh' as const, 'en' as const),
        fc.boolean(),
        (minor, lang, compact) => {
          const shown = showAmount(minor, lang, { compact });
          if (!/[万亿KMBT]$/.test(shown)) expect(shown).toMatch(/^-?\d{1,3}(,\d{3})*$/);
          if (minor !== 0 && shown !== '0') expect(showAmount(-minor, lang, { compact })).toBe(`-${shown}`);
        },
      ),
    );
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 53]])(
    'throws a RangeError for %s',
    (minor) => {
      expect(() => showAmount(minor, 'zh')).toThrow(RangeError);
      expect(() => showAmount(minor, 'en')).toThrow(RangeError);
    },
  );
});

describe('exactYuan (machine text: CSV cells)', () => {
  it.each([
    [139_887_097, '1398870.97', '1,398,870.97'],
    [5, '0.05', '0.05'],
    [-5, '-0.05', '-0.05'],
    [0, '0.00', '0.00'],
    [588_000_000, '5880000.00', '5,880,000.00'],
    [Number.MAX_SAFE_INTEGER, '90071992547409.91', '90,071,992,547,409.91'],
  ])('%i fen → %s / %s', (minor, plain, grouped) => {
    expect(exactYuan(minor)).toBe(plain);
    expect(exactYuan(minor, true)).toBe(grouped);
  });

  it('reads back to the same fen', () => {
    fc.assert(
      fc.property(amounts, (minor) => {
        expect(parseAmount(exactYuan(minor))).toBe(minor);
        expect(parseAmount(exactYuan(minor, true))).toBe(minor);
      }),
    );
  });

  it('throws a RangeError for a non-integer', () => {
    expect(() => exactYuan(1.5)).toThrow(RangeError);
  });
});

describe('showPercent (shares and probabilities)', () => {
  it.each([
    [0, '0.0%'],
    [0.346, '34.6%'],
    [0.9999, '100.0%'],
    [1, '100.0%'],
    [0.0005, '0.1%'],
    [0.00049, '0.0%'],
    [-0.25, '-25.0%'],
    [1.2, '120.0%'],
  ])('%d → %s', (share, text) => {
    expect(showPercent(share)).toBe(text);
  });

  it('reads back within half a tenth of a percent', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (share) => {
        const shown = Number(showPercent(share).slice(0, -1));
        expect(Math.abs(shown - share * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
      }),
    );
  });

  it('refuses what is not a number', () => {
    expect(() => showPercent(Number.NaN)).toThrow(RangeError);
  });
});
