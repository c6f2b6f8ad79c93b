import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { allocate, MAX_AMOUNT_MINOR, parseAmount, splitTable } from './money.js';

/** The AppError code `fn` throws, or a marker string when it throws something else / nothing. */
function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : `not an AppError: ${String(error)}`;
  }
  return 'no error';
}

/**
 * Reference Hamilton split in BigInt with a full sort: floor of each exact share, then one
 * more to the largest remainders, ties to the lower index. Slow and obviously right.
 */
function hamilton(total: number, weights: readonly bigint[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  const big = BigInt(total);
  const quotients = weights.map((w) => (big * w) / sum);
  const rests = weights.map((w) => (big * w) % sum);
  let leftover = big - quotients.reduce((a, b) => a + b, 0n);
  const order = weights.map((_, i) => i);
  order.sort((a, b) => {
    const ra = rests[a] as bigint;
    const rb = rests[b] as bigint;
    return ra > rb ? -1 : ra < rb ? 1 : a - b;
  });
  for (const i of order) {
    if (leftover === 0n) break;
    quotients[i] = (quotients[i] as bigint) + 1n;
    leftover -= 1n;
  }
  return quotients.map(Number);
}

const sumOf = (values: ArrayLike<number>): number => Array.from(values).reduce((a, b) => a + b, 0);

describe('parseAmount', () => {
  it.each([
    ['588万', 588_000_000],
    ['5.88M', 588_000_000],
    ['5.88m', 588_000_000],
    ['5.88mn', 588_000_000],
    ['5.88 M', 588_000_000],
    ['1.2 million', 120_000_000],
    ['1.2亿', 12_000_000_000],
    ['¥5,880,000', 588_000_000],
    ['￥5,880,000', 588_000_000],
    ['CNY 5,880,000', 588_000_000],
    ['cny5880000', 588_000_000],
    ['RMB5880000', 588_000_000],
    ['5,880,000 CNY', 588_000_000],
    ['6300000', 630_000_000],
    ['630万元', 630_000_000],
    ['5,880,000.50', 588_000_050],
    ['5880000.5', 588_000_050],
    ['12元', 1_200],
    ['12块', 1_200],
    ['1.5k', 150_000],
    ['1.5K', 150_000],
    ['1.5千', 150_000],
    ['2.5w', 2_500_000],
    ['2.5W', 2_500_000],
    ['５８８万', 588_000_000],
    ['5，880，000', 588_000_000],
    ['５．８８Ｍ', 588_000_000],
    ['  588万  ', 588_000_000],
    ['588 万', 588_000_000],
    ['¥ 588 万 元', 588_000_000],
    ['\u3000588万\u3000', 588_000_000], // ideographic spaces around
    ['+588万', 588_000_000],
    ['¥+5', 500],
    ['1.2千万', 1_200_000_000],
    ['3百万', 300_000_000],
    ['1.5B', 150_000_000_000],
    ['1万亿', MAX_AMOUNT_MINOR],
    ['10000亿', MAX_AMOUNT_MINOR],
    ['1,000,000,000,000', MAX_AMOUNT_MINOR],
    ['0', 0],
    ['0.00', 0],
    ['0万', 0],
    ['.5', 50],
    ['0.01', 1],
    ['1.230', 123], // zeros below a fen lose nothing
    ['0.0001万', 100],
    ['007', 700],
    ['1,234,567.89', 123_456_789],
    ['5.88888888M', 588_888_888],
  ])('reads %s as %i fen', (input, expected) => {
    expect(parseAmount(input)).toBe(expected);
  });

  it.each([
    ['', 'AMOUNT.INVALID'],
    ['   ', 'AMOUNT.INVALID'],
    ['abc', 'AMOUNT.INVALID'],
    ['-abc', 'AMOUNT.INVALID'],
    ['5..8', 'AMOUNT.INVALID'],
    ['5.880.000', 'AMOUNT.INVALID'],
    ['5.', 'AMOUNT.INVALID'],
    ['.', 'AMOUNT.INVALID'],
    ['1,23,4', 'AMOUNT.INVALID'],
    ['1,2345', 'AMOUNT.INVALID'],
    ['588,0000', 'AMOUNT.INVALID'],
    ['1234,567', 'AMOUNT.INVALID'],
    [',588', 'AMOUNT.INVALID'],
    ['1,000.000,5', 'AMOUNT.INVALID'],
    ['1 2', 'AMOUNT.INVALID'],
    ['5 880 000', 'AMOUNT.INVALID'],
    ['5万万', 'AMOUNT.INVALID'],
    ['5亿万', 'AMOUNT.INVALID'],
    ['5kw', 'AMOUNT.INVALID'],
    ['5mk', 'AMOUNT.INVALID'],
    ['5元万', 'AMOUNT.INVALID'],
    ['万', 'AMOUNT.INVALID'],
    ['¥', 'AMOUNT.INVALID'],
    ['NaN', 'AMOUNT.INVALID'],
    ['Infinity', 'AMOUNT.INVALID'],
    ['-Infinity', 'AMOUNT.INVALID'],
    ['1e6', 'AMOUNT.INVALID'],
    ['0x10', 'AMOUNT.INVALID'],
    ['$100', 'AMOUNT.INVALID'],
    ['5-', 'AMOUNT.INVALID'],
    ['--5', 'AMOUNT.INVALID'],
    ['-¥-5', 'AMOUNT.INVALID'],
    ['+-5', 'AMOUNT.INVALID'],
    ['١٢', 'AMOUNT.INVALID'], // Arabic-Indic digits are not folded by NFKC
    ['-5', 'AMOUNT.NEGATIVE'],
    ['−5', 'AMOUNT.NEGATIVE'], // U+2212 MINUS SIGN
    ['－５', 'AMOUNT.NEGATIVE'], // full-width
    ['-588万', 'AMOUNT.NEGATIVE'],
    ['-¥5,880,000', 'AMOUNT.NEGATIVE'],
    ['¥-5', 'AMOUNT.NEGATIVE'],
    ['- 5', 'AMOUNT.NEGATIVE'],
    ['-0', 'AMOUNT.NEGATIVE'],
    ['1.234', 'AMOUNT.TOO_PRECISE'],
    ['0.001', 'AMOUNT.TOO_PRECISE'],
    ['0.0000001万', 'AMOUNT.TOO_PRECISE'],
    ['5.888888888M', 'AMOUNT.TOO_PRECISE'],
    ['1000000000001', 'AMOUNT.TOO_LARGE'],
    ['1000000000000.01', 'AMOUNT.TOO_LARGE'],
    ['5万亿', 'AMOUNT.TOO_LARGE'],
    ['1.00000001万亿', 'AMOUNT.TOO_LARGE'],
    ['99999999999999999999999', 'AMOUNT.TOO_LARGE'],
  ])('rejects %j with %s', (input, code) => {
    expect(errorCode(() => parseAmount(input))).toBe(code);
  });

  it('puts the input and the limit into the error details', () => {
    expect(() => parseAmount('abc')).toThrowError(expect.objectContaining({ code: 'AMOUNT.INVALID' }));
    try {
      parseAmount('5万亿');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).details).toEqual({ input: '5万亿', max: '1万亿' });
      expect((error as AppError).messageIn('zh')).toContain('1万亿');
    }
  });

  it('rejects non-strings as invalid instead of crashing', () => {
    expect(errorCode(() => parseAmount(5 as unknown as string))).toBe('AMOUNT.INVALID');
  });

  it('shifts the decimal point exactly (no float multiplication)', () => {
    // a × 10^-d 万 = a × 10^(6-d) fen; up to 6 decimals before 万 are whole fen.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 6 }), (a, d) => {
        const digits = String(a).padStart(d + 1, '0');
        const text = d === 0 ? digits : `${digits.slice(0, -d)}.${digits.slice(-d)}`;
        expect(parseAmount(`${text}万`)).toBe(a * 10 ** (6 - d));
        expect(parseAmount(`${text}w`)).toBe(a * 10 ** (6 - d));
      }),
    );
  });

  it('reads yuan with cents exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999_999_999 }),
        fc.integer({ min: 0, max: 99 }),
        (yuan, fen) => {
          expect(parseAmount(`${yuan}.${String(fen).padStart(2, '0')}`)).toBe(yuan * 100 + fen);
        },
      ),
    );
  });

  it('throws only amount AppErrors, and returns only amounts in range', () => {
    const unit = fc.constantFrom(
      ...'0123456789,.，．０５ 万亿千kKmMwWbB元¥￥-−+eE'.split(''),
      'CNY',
      'RMB',
      'mn',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit, maxLength: 14 }), fc.string({ maxLength: 10 })), (input) => {
        try {
          const value = parseAmount(input);
          expect(Number.isSafeInteger(value) && value >= 0 && value <= MAX_AMOUNT_MINOR).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toMatch(/^AMOUNT\./);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('allocate', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [10, [1.2, 0.8], [6, 4]],
    [7, [0.1, 0.2, 0.3, 0.4], [1, 1, 2, 3]], // remainders .7 .4 .1 .8 → indices 3 and 0
    [5, [0, 1, 0], [0, 5, 0]],
    [1, [1, 1], [1, 0]],
    [3, [1, 1, 1, 1], [1, 1, 1, 0]],
    [10, [1, 1, 1, 1], [3, 3, 2, 2]],
    [0, [], []],
    [0, [0, 0], [0, 0]],
    [0, [3, 5], [0, 0]],
    [3, [0.30000000000000004, 0.3, 0.4], [1, 1, 1]], // float noise below 1e-9 is rounded away
    [100, [33.3, 33.3, 33.4], [33, 33, 34]],
    [
      Number.MAX_SAFE_INTEGER,
      [1, 1, 1],
      [3_002_399_751_580_331, 3_002_399_751_580_330, 3_002_399_751_580_330],
    ],
    [
      100_000_000_000_000,
      [30_000_000_000_000, 70_000_000_000_001, 5],
      [29_999_999_999_998, 69_999_999_999_997, 5],
    ],
    [10, [1e300, 1e300, 2e300], [3, 2, 5]], // sum beyond 2^53: BigInt path
  ])('allocate(%i, %j) = %j', (total, weights, expected) => {
    expect(allocate(total, weights)).toEqual(expected);
  });

  it.each([
    [1, []],
    [5, [0, 0]],
    [-1, [1]],
    [1.5, [1]],
    [Number.NaN, [1]],
    [2 ** 53, [1]],
    [1, [-1, 2]],
    [1, [Number.NaN]],
    [1, [Number.POSITIVE_INFINITY]],
    [1, ['1' as unknown as number]],
  ])('allocate(%s, %j) throws a RangeError', (total, weights) => {
    expect(() => allocate(total, weights)).toThrow(RangeError);
  });

  /** Weights of every magnitude, so all exact paths (small, 24-bit limbs, BigInt) run. */
  const integerWeight = fc.oneof(
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.integer({ min: 0, max: 2 ** 40 }),
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  );
  const total = fc.oneof(
    fc.integer({ min: 0, max: 100 }),
    fc.integer({ min: 0, max: 1_000_000_000 }),
    fc.integer({ min: 0, max: MAX_AMOUNT_MINOR }),
    fc.integer({ min: 0, max: 2 ** 48 - 1 }),
    fc.maxSafeNat(),
  );
  const positiveWeights = (arb: fc.Arbitrary<number>, maxLength: number, minLength = 1) =>
    fc.array(arb, { minLength, maxLength }).filter((ws) => ws.some((w) => w > 0));

  it('matches the BigInt reference exactly: sum, floor/floor+1, ties to the lower index', () => {
    fc.assert(
      fc.property(total, positiveWeights(integerWeight, 20), (t, weights) => {
        const parts = allocate(t, weights);
        expect(parts).toEqual(hamilton(t, weights.map(BigInt)));
        expect(sumOf(parts)).toBe(t);
        const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
        parts.forEach((part, i) => {
          const share = BigInt(t) * BigInt(weights[i] as number);
          const floor = share / sum;
          expect(BigInt(part) === floor || (BigInt(part) === floor + 1n && share % sum !== 0n)).toBe(true);
          if (weights[i] === 0) expect(part).toBe(0);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('matches the reference on long weight lists with many ties (histogram selection)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 1_000_000_000 })),
        positiveWeights(
          fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1_000 })),
          1_500,
          256,
        ),
        (t, weights) => {
          expect(allocate(t, weights)).toEqual(hamilton(t, weights.map(BigInt)));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives the extra units of equal weights to the lowest indices first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 13_000 }), (t, n) => {
        const parts = allocate(t, new Array<number>(n).fill(7));
        const base = Math.floor(t / n);
        const extra = t % n;
        expect(parts.every((p, i) => p === base + (i < extra ? 1 : 0))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic and does not mutate its input', () => {
    fc.assert(
      fc.property(total, positiveWeights(integerWeight, 30), (t, weights) => {
        const copy = [...weights];
        const first = allocate(t, weights);
        allocate(Math.max(0, t - 1), [...weights, 1]); // unrelated call in between (shared scratch memory)
        expect(allocate(t, weights)).toEqual(first);
        expect(weights).toEqual(copy);
      }),
    );
  });

  it('does not change when all integer weights are scaled by a constant', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        positiveWeights(fc.integer({ min: 0, max: 1_000_000 }), 20),
        fc.integer({ min: 1, max: 1_000 }),
        (t, weights, factor) => {
          expect(
            allocate(
              t,
              weights.map((w) => w * factor),
            ),
          ).toEqual(allocate(t, weights));
        },
      ),
    );
  });

  it('treats decimal weights as the decimals they print as: [1.2, 0.8] ≡ [12, 8]', () => {
    expect(allocate(5, [1.2, 0.8])).toEqual(allocate(5, [12, 8]));
    expect(allocate(1_000_001, [33.3, 33.3, 33.4])).toEqual(allocate(1_000_001, [333, 333, 334]));
    // a / 10^k has at most 15 significant digits, so String() prints exactly that decimal.
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_AMOUNT_MINOR }),
        positiveWeights(fc.integer({ min: 0, max: 999_999_999_999_999 }), 12),
        fc.integer({ min: 1, max: 9 }),
        (t, mantissas, k) => {
          const decimals = mantissas.map((m) => m / 10 ** k);
          expect(allocate(t, decimals)).toEqual(hamilton(t, mantissas.map(BigInt)));
        },
      ),
    );
  });
});

describe('splitTable', () => {
  /** Two margins with the same sum: the side with the smaller sum gets the difference. */
  const margins = (maxCell: number, maxRows: number, maxCols: number) =>
    fc
      .tuple(
        fc.array(fc.integer({ min: 0, max: maxCell }), { minLength: 1, maxLength: maxRows }),
        fc.array(fc.integer({ min: 0, max: maxCell }), { minLength: 1, maxLength: maxCols }),
      )
      .map(([generatedRows, generatedCols]) => {
        // Copies: fast-check reuses generated values while shrinking, so never mutate them.
        const rows = [...generatedRows];
        const cols = [...generatedCols];
        const difference = sumOf(rows) - sumOf(cols);
        if (difference > 0) cols[cols.length - 1] = (cols[cols.length - 1] as number) + difference;
        else rows[rows.length - 1] = (rows[rows.length - 1] as number) - difference;
        return [rows, cols] as const;
      });

  /** Tables of up to 40 rows (small, mid and large cells), where rounding drift can build up. */
  const tallTables = fc.oneof(margins(20, 40, 12), margins(5_000, 40, 12), margins(1_000_000, 12, 12));

  /** Row and column sums exact, cells non-negative integers. */
  function expectMargins(table: Float64Array, rows: readonly number[], cols: readonly number[]): void {
    expect(table.length).toBe(rows.length * cols.length);
    rows.forEach((rowTotal, i) => {
      expect(sumOf(table.subarray(i * cols.length, (i + 1) * cols.length))).toBe(rowTotal);
    });
    cols.forEach((colTotal, j) => {
      let sum = 0;
      for (let i = 0; i < rows.length; i++) sum += table[i * cols.length + j] as number;
      expect(sum).toBe(colTotal);
    });
    expect(table.every((cell) => Number.isSafeInteger(cell) && cell >= 0)).toBe(true);
  }

  /** Rows in the order splitTable fills them: largest total first, ties by index; zeros skipped. */
  function fillOrder(rows: readonly number[]): number[] {
    return rows
      .map((_, i) => i)
      .filter((i) => (rows[i] as number) > 0)
      .sort((a, b) => (rows[b] as number) - (rows[a] as number) || a - b);
  }

  /** The largest |cell − rows[i]·cols[j]/T|, and the largest ratio of that to the proven bound. */
  function deviation(table: Float64Array, rows: readonly number[], cols: readonly number[]) {
    const total = sumOf(rows);
    const order = fillOrder(rows);
    // S_k = Σ of the totals of the k-th filled row and all after it.
    const tails = order.map((_, k) => sumOf(order.slice(k).map((i) => rows[i] as number)));
    let worst = 0;
    let worstVsBound = 0;
    order.forEach((i, k) => {
      let harmonic = 0;
      for (let m = 1; m <= k; m++) harmonic += 1 / (tails[m] as number);
      const bound = 1 + (rows[i] as number) * harmonic;
      cols.forEach((colTotal, j) => {
        const off = Math.abs(
          (table[i * cols.length + j] as number) - ((rows[i] as number) * colTotal) / total,
        );
        worst = Math.max(worst, off);
        worstVsBound = Math.max(worstVsBound, off / bound);
      });
    });
    return { worst, worstVsBound };
  }

  it('splits a small table', () => {
    expect(Array.from(splitTable([5, 5], [4, 6]))).toEqual([2, 3, 2, 3]);
    expect(Array.from(splitTable([1, 2, 3], [3, 3]))).toEqual([0, 1, 1, 1, 2, 1]);
    expect(Array.from(splitTable([0, 10, 0], [7, 0, 3]))).toEqual([0, 0, 0, 7, 0, 3, 0, 0, 0]);
    expect(splitTable([], [])).toEqual(new Float64Array(0));
    expect(Array.from(splitTable([0, 0], [0, 0, 0]))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(splitTable([], [0, 0])).toEqual(new Float64Array(0));
  });

  it.each([
    [[5], [4]],
    [[1], []],
    [[-1, 2], [1]],
    [[1.5, 0.5], [2]],
    [[Number.NaN], [1]],
    [[2 ** 53], [2 ** 53]],
    [
      [Number.MAX_SAFE_INTEGER, 1],
      [Number.MAX_SAFE_INTEGER, 1],
    ],
  ])('splitTable(%j, %j) throws a RangeError', (rows, cols) => {
    expect(() => splitTable(rows, cols)).toThrow(RangeError);
  });

  it('fills rows largest first with allocate against what the columns have left', () => {
    fc.assert(
      fc.property(margins(1_000_000, 8, 10), ([rows, cols]) => {
        const expected = new Float64Array(rows.length * cols.length);
        const remaining = [...cols];
        for (const i of fillOrder(rows)) {
          const parts = allocate(rows[i] as number, remaining);
          parts.forEach((part, j) => {
            expected[i * cols.length + j] = part;
            remaining[j] = (remaining[j] as number) - part;
          });
        }
        expect(splitTable(rows, cols)).toEqual(expected);
      }),
    );
  });

  it('keeps every row and column sum exact and every cell a non-negative integer', () => {
    fc.assert(
      fc.property(
        fc.oneof(margins(20, 12, 12), margins(1_000_000, 12, 12), margins(10_000_000_000_000, 6, 6)),
        ([rows, cols]) => {
          expectMargins(splitTable(rows, cols), rows, cols);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('keeps every cell within the proven bound of its proportional value', () => {
    // Each cell is within 1 of its share of what is LEFT, and rounding in earlier rows makes
    // what is left drift. The bound that provably holds is 1 + t_k·Σ_{m=1..k} 1/S_m for the
    // k-th filled row (S_m = Σ of the rows filled from the m-th on), which is ≤ 1 + H_k with
    // the largest rows first — about 7 for 250 rows, NOT a constant 2. That is what we assert.
    fc.assert(
      fc.property(tallTables, ([rows, cols]) => {
        expect(deviation(splitTable(rows, cols), rows, cols).worstVsBound).toBeLessThanOrEqual(1 + 1e-9);
      }),
      { numRuns: 1000 },
    );
  });

  it('in practice stays within 2 of the proportional value (empirical, fixed seed)', () => {
    // Not proven: randomised and hill-climbing searches found at most ≈1.8 (filling rows in
    // input order instead reached 4+). Seeded so the test is deterministic; if a future
    // counterexample shows up here, the proven bound above still holds.
    fc.assert(
      fc.property(tallTables, ([rows, cols]) => {
        expect(deviation(splitTable(rows, cols), rows, cols).worst).toBeLessThan(2);
      }),
      { numRuns: 1000, seed: 20_260_101 },
    );
  });

  it('handles a wide table with large money amounts (24-bit limb path)', () => {
    const cols = Array.from({ length: 3_000 }, (_, j) => 1_000_000_000 + ((j * 7_919) % 1_000_003) * 997);
    const total = sumOf(cols);
    const rows = allocate(
      total,
      Array.from({ length: 40 }, (_, i) => 1 + ((i * 31) % 17)),
    );
    const table = splitTable(rows, cols);
    expectMargins(table, rows, cols);
    expect(deviation(table, rows, cols).worstVsBound).toBeLessThanOrEqual(1 + 1e-9);
  });
});
