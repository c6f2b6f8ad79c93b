/**
 * Money in Closer: an integer number of MINOR units (fen for CNY, which has 2 decimals) held
 * in a plain JS `number` that is always a safe integer. Integers make sums exact, so a plan
 * split into days and reps adds back up to the annual target to the fen.
 *
 * This module reads what salespeople type (`588万`, `5.88M`, `¥5,880,000`) and splits integer
 * totals into integer parts without ever losing or inventing a fen (`allocate`,
 * `splitTable`). Showing amounts to people is `format-amount.ts`: one rule for every surface.
 *
 * Pure: no I/O, no clock, no randomness. The only state is reusable scratch memory (see
 * `ensureScratch`), which never influences a result.
 */

import { AppError } from './errors.js';

/**
 * The largest amount Closer accepts, in minor units: 1万亿 CNY (1e12 yuan = 1e14 fen).
 * A sane bound far below Number.MAX_SAFE_INTEGER (≈ 9e15), so sums of a few dozen maximal
 * amounts still stay exact.
 */
export const MAX_AMOUNT_MINOR = 100_000_000_000_000;

/** How `MAX_AMOUNT_MINOR` is shown in error messages (both languages read 万亿 fine here). */
const MAX_AMOUNT_LABEL = '1万亿';

/** Minor units per major unit (fen per yuan): CNY has 2 decimals. */
const MINOR_DIGITS = 2;

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/**
 * Multipliers a salesperson may write after the number, as powers of ten of the major unit.
 * Compound Chinese units (万亿, 千万, 百万) are single words, not "two units"; anything else
 * with two units (`5万万`, `5kw`) is rejected because its meaning is a guess.
 */
const UNIT_EXPONENTS: ReadonlyMap<string, number> = new Map([
  ['', 0],
  ['k', 3],
  ['thousand', 3],
  ['千', 3],
  ['w', 4], // pinyin shorthand for 万 (wan), common in chats and spreadsheets
  ['万', 4],
  ['m', 6],
  ['mn', 6],
  ['million', 6],
  ['百万', 6],
  ['千万', 7],
  ['亿', 8],
  ['b', 9],
  ['bn', 9],
  ['billion', 9],
  ['万亿', 12],
]);

/**
 * The whole grammar, applied to the NFKC-normalised, lower-cased, trimmed input:
 *   [sign] [¥|cny|rmb] [sign] number [unit] [元|块|yuan|cny|rmb]
 * with optional spaces between the parts but never inside the number, so `1 2` is not 12.
 * Comma groups must be 1–3 digits then groups of exactly 3 (`1,23,4` and `588,0000` are typos
 * or another convention, and guessing would silently change the amount).
 * Groups: 1 = sign before currency, 2 = sign after currency, 3 = integer digits,
 * 4 = fraction digits, 5 = unit.
 */
const AMOUNT_PATTERN =
  /^([+-]?)\s*(?:(?:¥|cny|rmb)\s*)?([+-]?)\s*(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d+))?\s*(万亿|千万|百万|thousand|million|billion|mn|bn|[kmbw千万亿])?\s*(?:元|块|yuan|cny|rmb)?$/;

/**
 * Dashes people (or word processors) use as a minus sign. NFKC already folds the full-width
 * and small hyphen-minus; U+2212 (MINUS SIGN) and the typographic dashes it leaves alone.
 * Folding them matters: `−5` must say "negative", not "cannot read".
 */
const MINUS_LIKE = /[\u2010-\u2015\u2212]/g;

/**
 * Reads an amount as a salesperson types it and returns it in minor units (fen).
 *
 * Understands Chinese and English shorthand: `588万`, `1.2亿`, `1万亿`, `1.2千万`, `2.5w`,
 * `1.5k`/`1.5千`, `5.88M`/`5.88mn`/`1.2 million`, `1.5B`; currency marks `¥`/`￥`/`CNY`/`RMB`
 * before and `元`/`块`/`yuan`/`CNY`/`RMB` after; thousands commas in groups of three; full-width
 * digits and punctuation (`５８８万`, `5，880，000`); spaces between the parts; a `+` sign.
 * Zero is allowed.
 *
 * The value is computed on the digit string (shifting the decimal point by the unit), never
 * with floating-point multiplication, so `5.88M` is exactly 588000000 and `0.1+0.2`-style
 * errors cannot happen.
 *
 * @param input What the user typed.
 * @returns The amount in minor units, a safe integer in [0, MAX_AMOUNT_MINOR].
 * @throws AppError `AMOUNT.INVALID` when it cannot be read (empty, garbage, `5..8`, `1,23,4`,
 *   two units, `NaN`, `Infinity`), `AMOUNT.NEGATIVE` for a `-`/`−` sign (even on zero),
 *   `AMOUNT.TOO_PRECISE` when it has a non-zero digit below one fen after applying the unit
 *   (`1.234`, `0.0000001万`), `AMOUNT.TOO_LARGE` above MAX_AMOUNT_MINOR (details.max = '1万亿').
 */
export function parseAmount(input: string): number {
  if (typeof input !== 'string') throw new AppError('AMOUNT.INVALID', { input: String(input) });
  // NFKC folds full-width digits, commas, periods, ￥ and spaces to their ASCII forms.
  // Collapsing space runs keeps the pattern's adjacent `\s*` from backtracking
  // quadratically on long pasted blanks.
  const text = input.normalize('NFKC').replace(MINUS_LIKE, '-').replace(/\s+/g, ' ').trim().toLowerCase();
  const match = AMOUNT_PATTERN.exec(text);
  if (match === null) throw new AppError('AMOUNT.INVALID', { input });
  const [, signBefore = '', signAfter = '', integerPart = '', fractionDigits = '', unit = ''] = match;
  const unitExponent = UNIT_EXPONENTS.get(unit);
  // Two signs (`-¥-5`) is a typo; a lone unit or currency (`万`, `¥`) has no number.
  if (
    unitExponent === undefined ||
    (signBefore !== '' && signAfter !== '') ||
    (integerPart === '' && fractionDigits === '')
  ) {
    throw new AppError('AMOUNT.INVALID', { input });
  }
  // Checked only once the rest reads as an amount, so `-abc` is "cannot read", not "negative".
  if (signBefore === '-' || signAfter === '-') throw new AppError('AMOUNT.NEGATIVE', { input });

  // Shift the decimal point right by unit + 2 places: the digits left of it are the fen.
  const shift = unitExponent + MINOR_DIGITS;
  const kept = fractionDigits.slice(0, shift).padEnd(shift, '0');
  const dropped = fractionDigits.slice(shift);
  // Trailing zeros below a fen (`1.230`) are harmless; anything else would be silently lost.
  if (/[1-9]/.test(dropped)) throw new AppError('AMOUNT.TOO_PRECISE', { input });
  const digits = (integerPart.replaceAll(',', '') + kept).replace(/^0+/, '');
  // Compare by length first: a 16+ digit string may not even convert to an exact number.
  if (digits.length > String(MAX_AMOUNT_MINOR).length || Number(digits) > MAX_AMOUNT_MINOR) {
    throw new AppError('AMOUNT.TOO_LARGE', { input, max: MAX_AMOUNT_LABEL });
  }
  // At most 15 digits here, so the conversion is exact.
  return digits === '' ? 0 : Number(digits);
}

// ---------------------------------------------------------------------------------------------
// Splitting
// ---------------------------------------------------------------------------------------------

/** Up to here `total * weight` and friends are exact in a double. */
const MAX_SAFE = Number.MAX_SAFE_INTEGER;
/** Limb base of the two-limb exact path: numbers below 2^48 are two limbs below 2^24. */
const LIMB = 2 ** 24;
/** Bound of totals and weight sums on the two-limb path (see `splitIntegers`). */
const LIMB_LIMIT = 2 ** 48;
/** Decimal weights are scaled to integers by at most 10^9; finer digits are rounded away. */
const MAX_WEIGHT_DECIMALS = 9;

/*
 * Scratch memory reused across calls. allocate and splitTable run hundreds of thousands of
 * times in a plan with up to ~12,000 weights; allocating fresh typed arrays each time would
 * dominate. It is safe: JS runs one call at a time, no function here re-enters another while
 * it uses a buffer, and every buffer is fully written before it is read.
 */
let remainders = new Float64Array(64);
let selection = new Float64Array(64);
let parts = new Float64Array(64);
let scaledWeights = new Float64Array(64);

function ensureScratch(n: number): void {
  if (remainders.length >= n) return;
  // Grow geometrically so a slowly increasing n does not reallocate every call.
  const size = Math.max(n, remainders.length * 2);
  remainders = new Float64Array(size);
  selection = new Float64Array(size);
  parts = new Float64Array(size);
  scaledWeights = new Float64Array(size);
}

/**
 * Splits an integer `total` into integer parts proportional to `weights` by the largest
 * remainder (Hamilton) method.
 *
 * Guarantees:
 * - the parts sum exactly to `total`;
 * - each part is floor or floor+1 of its exact share total·w/Σw (an integral share is given
 *   exactly), so a weight of 0 gets 0;
 * - deterministic: remainders are compared exactly, ties go to the lower index first;
 * - exact for any weights: integer weights use integer arithmetic (numbers when it fits,
 *   BigInt otherwise); decimal weights are read as the decimals they print as (`1.2`, `33.3`)
 *   and scaled by the smallest 10^k (k ≤ 9) that makes them integers, so [1.2, 0.8] splits
 *   exactly like [12, 8]. Digits beyond 9 decimals are rounded (that also absorbs float noise
 *   like 0.30000000000000004); a weight below 5e-10 therefore counts as 0.
 *
 * @param total Non-negative safe integer to split (usually minor units).
 * @param weights Non-negative finite weights; need not sum to anything in particular.
 * @returns One integer part per weight.
 * @throws RangeError (programmer errors; validate user input earlier) when `total` is not a
 *   non-negative safe integer, a weight is negative, NaN or infinite, or `total > 0` but
 *   there is no positive weight (including no weights at all).
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`total must be a non-negative safe integer, got ${total}`);
  }
  const n = weights.length;
  const sum = checkedWeightSum(weights);
  const integral = allIntegers(weights);
  if (sum === 0) return zerosOrThrow(total, n);
  ensureScratch(n);

  // Σ of non-negative integers is exact while it stays ≤ MAX_SAFE; a rounded sum above it
  // stays above it, so this test is reliable.
  if (integral && sum <= MAX_SAFE) {
    splitIntegers(total, weights, n, sum, parts, 0);
  } else {
    const scaled = scaleToIntegers(weights);
    let bigSum = 0n;
    for (const w of scaled) bigSum += w;
    if (bigSum === 0n) return zerosOrThrow(total, n);
    if (bigSum <= BigInt(MAX_SAFE)) {
      for (let i = 0; i < n; i++) scaledWeights[i] = Number(scaled[i]);
      splitIntegers(total, scaledWeights, n, Number(bigSum), parts, 0);
    } else {
      splitBigIntegers(total, scaled, bigSum, parts, 0);
    }
  }
  return copyParts(n);
}

/** Σ weights, after checking each is a non-negative finite number. */
function checkedWeightSum(weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i] as number;
    // Number.isFinite does not coerce, so strings and NaN fail here too.
    if (!Number.isFinite(w) || w < 0) {
      throw new RangeError(`weight ${i} must be a non-negative finite number, got ${String(w)}`);
    }
    sum += w;
  }
  return sum;
}

function allIntegers(values: readonly number[]): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i])) return false;
  return true;
}

/** The first n entries of `parts` as a fresh array (callers own their result). */
function copyParts(n: number): number[] {
  const result = new Array<number>(n);
  for (let i = 0; i < n; i++) result[i] = parts[i] as number;
  return result;
}

function zerosOrThrow(total: number, n: number): number[] {
  if (total !== 0) throw new RangeError(`cannot split ${total} when no weight is positive`);
  return new Array<number>(n).fill(0);
}

/**
 * Exact integer weights proportional to `weights`, as `allocate` reads them: integers stay
 * as they are, decimals are read as the decimals they print as and scaled by the smallest
 * 10^k (k ≤ 9) that makes them all integers. For callers that need the exact shares
 * (controlled rounding checks every cell against them).
 *
 * @throws RangeError when a weight is negative, NaN or infinite.
 */
export function integerWeights(weights: readonly number[]): bigint[] {
  checkedWeightSum(weights);
  if (allIntegers(weights)) return weights.map((w) => BigInt(w));
  return scaleToIntegers(weights);
}

/** Matches String(w) for a finite w ≥ 0: digits, optional fraction, optional exponent. */
const NUMBER_TEXT = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/;

/**
 * Exact integer weights proportional to the decimals the weights print as. String(w) is the
 * shortest decimal that reads back as w, i.e. what the user or config wrote (`1.2`, not
 * 1.1999999999999999555910790149937).
 */
function scaleToIntegers(weights: readonly number[]): bigint[] {
  const mantissas: bigint[] = [];
  const exponents: number[] = [];
  let decimals = 0;
  for (const w of weights) {
    const match = NUMBER_TEXT.exec(String(w));
    if (match === null) throw new RangeError(`weight ${w} cannot be read as a decimal`);
    const [, whole = '', fraction = '', exponent = '0'] = match;
    const exponent10 = Number(exponent) - fraction.length;
    mantissas.push(BigInt(whole + fraction));
    exponents.push(exponent10);
    decimals = Math.max(decimals, -exponent10);
  }
  decimals = Math.min(decimals, MAX_WEIGHT_DECIMALS);
  return mantissas.map((mantissa, i) => {
    const shift = (exponents[i] as number) + decimals;
    if (shift >= 0) return mantissa * 10n ** BigInt(shift);
    const divisor = 10n ** BigInt(-shift);
    return (mantissa + divisor / 2n) / divisor; // round half up at 10^-9
  });
}

/**
 * Hamilton split with integer weights in numbers: writes the parts to out[offset…offset+n).
 * Preconditions: weights[0…n) are non-negative integers summing exactly to `sum`, with
 * 0 < sum ≤ MAX_SAFE; `total` is a non-negative safe integer. Then every share
 * total·w/sum ≤ total, so every quotient is a safe integer.
 *
 * Three exact ways to get floor(total·w/sum) and its remainder, cheapest first:
 * 1. total·sum ≤ MAX_SAFE: every product is exact; one correction step fixes the rounded
 *    division.
 * 2. total, sum < 2^48: products reach 2^96, so the float quotient is only an estimate
 *    (within 1/16, hence off by at most one); the remainder total·w − q·sum is then computed
 *    exactly from 24-bit limbs and the estimate corrected. This keeps large money amounts
 *    (up to 2.8e14 fen, beyond MAX_AMOUNT_MINOR) off BigInt.
 * 3. otherwise BigInt.
 */
function splitIntegers(
  total: number,
  weights: ArrayLike<number>,
  n: number,
  sum: number,
  out: Float64Array,
  offset: number,
): void {
  // Each path is its own small function: V8 then optimises the hot loops as whole functions
  // instead of on-stack-replacing one big function, which kept deoptimising on its cold
  // branches and made every call several times slower.
  let given: number;
  if (total * sum <= MAX_SAFE) {
    // A rounded product above MAX_SAFE stays above it, so passing this test means exact.
    given = quotientsSmall(total, weights, n, sum, out, offset);
  } else if (total < LIMB_LIMIT && sum < LIMB_LIMIT) {
    given = quotientsLimbs(total, weights, n, sum, out, offset);
  } else {
    const bigWeights: bigint[] = [];
    for (let i = 0; i < n; i++) bigWeights.push(BigInt(weights[i] as number));
    splitBigIntegers(total, bigWeights, BigInt(sum), out, offset);
    return;
  }
  handOutLeftover(total - given, n, sum, out, offset);
}

/**
 * A quotient pass of `splitIntegers`: writes floor(total·w/sum) of the first n weights to
 * out[offset…offset+n) and the remainders to `remainders`; returns the sum of the quotients.
 */
type QuotientPass = (...args: Parameters<typeof splitIntegers>) => number;

/**
 * Stores part i: the quotient estimate q, off by at most one, corrected by the exact
 * remainder r of total·w − q·sum (in [−sum, 2·sum)), and that remainder; returns the quotient.
 */
function settle(q: number, r: number, sum: number, out: Float64Array, at: number, i: number): number {
  const step = r < 0 ? -1 : r >= sum ? 1 : 0;
  out[at] = q + step;
  remainders[i] = r - step * sum;
  return q + step;
}

/** Path 1 of `splitIntegers` (total·sum ≤ MAX_SAFE): every product is exact. */
const quotientsSmall: QuotientPass = (total, weights, n, sum, out, offset) => {
  let given = 0;
  for (let i = 0; i < n; i++) {
    const product = total * (weights[i] as number); // ≤ total·sum ≤ MAX_SAFE: exact
    const q = Math.floor(product / sum);
    // q ≤ total, so q·sum is exact too. Insurance: a float quotient just below an integer
    // could round onto it (only conceivable near 2^53); the exact remainder tells.
    given += settle(q, product - q * sum, sum, out, offset + i, i);
  }
  return given;
};

/**
 * Path 2 of `splitIntegers` (total, sum < 2^48): like `quotientsSmall`, but total·w may reach
 * 2^96, so the float quotient is only an estimate and the remainder is computed exactly from
 * 24-bit limbs.
 */
const quotientsLimbs: QuotientPass = (total, weights, n, sum, out, offset) => {
  const t1 = Math.floor(total / LIMB);
  const t0 = total - t1 * LIMB;
  const s1 = Math.floor(sum / LIMB);
  const s0 = sum - s1 * LIMB;
  let given = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    // Estimate: relative error ≤ 2^-52 on a quotient ≤ total < 2^48, so |error| < 1/16 and
    // q is off by at most one.
    const q = Math.floor((total * w) / sum);
    const w1 = Math.floor(w / LIMB);
    const w0 = w - w1 * LIMB;
    const q1 = Math.floor(q / LIMB);
    const q0 = q - q1 * LIMB;
    // total·w − q·sum = d2·2^48 + d1·2^24 + d0. Every limb is ≤ 2^24, so every limb product
    // is ≤ 2^48 and each d (at most four of them) is exact. The true difference lies in
    // [−sum, 2·sum) ⊂ (−2^49, 2^49), so d2·2^24 + d1 = (difference − d0)/2^24 is an integer
    // below 2^26 in size and both Horner steps below are exact as well.
    const d2 = t1 * w1 - q1 * s1;
    const d1 = t1 * w0 + t0 * w1 - q1 * s0 - q0 * s1;
    const d0 = t0 * w0 - q0 * s0;
    given += settle(q, (d2 * LIMB + d1) * LIMB + d0, sum, out, offset + i, i);
  }
  return given;
};

/**
 * Gives +1 to the `leftover` parts with the largest remainders (lower index first on ties).
 *
 * Instead of sorting all n remainders (O(n log n), too slow at n ≈ 12,000 called many times)
 * it finds the leftover-th largest remainder, the threshold, in expected O(n): a histogram
 * pass, then quickselect inside the one bucket that holds it. Everyone strictly above the
 * threshold gets a unit and the rest go to the lowest indices AT the threshold. That is the
 * same result as a full sort by (remainder desc, index asc), and remainders are exact
 * integers, so the comparison is exact.
 *
 * Because Σ remainders = leftover·sum and each remainder < sum, more than `leftover` parts
 * have a positive remainder, so the threshold is positive: parts with an exact (integral)
 * share, including zero weights, never get an extra unit.
 */
function handOutLeftover(leftover: number, n: number, sum: number, out: Float64Array, offset: number): void {
  if (leftover <= 0) return;
  // One loop per helper, for the same V8 reason as in `splitIntegers`.
  let candidates: number;
  let above = 0;
  if (n < BUCKET_MIN_N) {
    candidates = collectPositiveRemainders(n);
  } else {
    // Narrow the search first: a histogram of remainder/sum finds the bucket holding the
    // threshold in one pass, so quickselect only runs on that bucket (tiny unless many
    // remainders are equal). Buckets are monotone in the remainder, so every remainder in a
    // higher bucket is strictly larger than any in the threshold bucket.
    const scale = BUCKETS / sum;
    countBuckets(n, scale);
    let bucket = BUCKETS;
    while (above + (bucketCounts[bucket] as number) < leftover) above += bucketCounts[bucket--] as number;
    candidates = collectBucket(n, scale, bucket);
  }
  const threshold = kthLargest(selection, candidates, leftover - above);
  const aboveInSelection = countAbove(selection, candidates, threshold);
  awardUnits(n, threshold, leftover - above - aboveInSelection, out, offset);
}

/** Below this many parts the histogram costs more than it saves. */
const BUCKET_MIN_N = 256;
/** Histogram resolution; 1024 counters stay in L1 cache. */
const BUCKETS = 1024;
/** Index BUCKETS too: r·(BUCKETS/sum) can round up to BUCKETS for r just below sum. */
const bucketCounts = new Int32Array(BUCKETS + 1);

/** Histogram of the positive remainders by floor(r·scale) into `bucketCounts`. */
function countBuckets(n: number, scale: number): void {
  bucketCounts.fill(0);
  for (let i = 0; i < n; i++) {
    const r = remainders[i] as number;
    if (r > 0) {
      const b = Math.floor(r * scale);
      bucketCounts[b] = (bucketCounts[b] as number) + 1;
    }
  }
}

/** Copies the positive remainders of one bucket into `selection`; returns how many. */
function collectBucket(n: number, scale: number, bucket: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = remainders[i] as number;
    if (r > 0 && Math.floor(r * scale) === bucket) selection[count++] = r;
  }
  return count;
}

/** Copies the positive remainders into `selection`; returns how many there are. */
function collectPositiveRemainders(n: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) {
    const r = remainders[i] as number;
    if (r > 0) selection[count++] = r;
  }
  return count;
}

function countAbove(values: Float64Array, length: number, threshold: number): number {
  let above = 0;
  for (let i = 0; i < length; i++) if ((values[i] as number) > threshold) above++;
  return above;
}

/** +1 for every remainder above the threshold and the first `atThreshold` equal to it. */
function awardUnits(
  n: number,
  threshold: number,
  atThreshold: number,
  out: Float64Array,
  offset: number,
): void {
  let ties = atThreshold;
  for (let i = 0; i < n; i++) {
    const r = remainders[i] as number;
    if (r > threshold || (r === threshold && ties-- > 0)) out[offset + i] = (out[offset + i] as number) + 1;
  }
}

/**
 * The k-th largest (1-based) of a[0…length), reordering a. Quickselect with a median-of-three
 * pivot and a three-way partition, because remainders repeat a lot (equal weights give equal
 * remainders) and a two-way partition degrades on duplicates. If an adversarial order still
 * makes it take too many rounds, it sorts the remaining range instead, so the worst case is
 * O(n log n).
 */
function kthLargest(a: Float64Array, length: number, k: number): number {
  let lo = 0;
  let hi = length - 1;
  const target = k - 1;
  let rounds = 2 * Math.ceil(Math.log2(length + 1)) + 4;
  while (lo < hi) {
    if (rounds-- === 0) {
      const rest = a.subarray(lo, hi + 1).sort(); // ascending, numeric for typed arrays
      return rest[rest.length - 1 - (target - lo)] as number;
    }
    const x = a[lo] as number;
    const y = a[lo + ((hi - lo) >> 1)] as number;
    const z = a[hi] as number;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z)); // median of three
    // Partition into [lo, lt) > pivot, [lt, gt] = pivot, (gt, hi] < pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i] as number;
      if (v > pivot) {
        a[i] = a[lt] as number;
        a[lt] = v;
        lt++;
        i++;
      } else if (v < pivot) {
        a[i] = a[gt] as number;
        a[gt] = v;
        gt--;
      } else {
        i++;
      }
    }
    if (target < lt) hi = lt - 1;
    else if (target > gt) lo = gt + 1;
    else return pivot;
  }
  return a[lo] as number;
}

/**
 * Hamilton split in BigInt, for sums or products beyond what numbers hold exactly. Rare
 * (weights summing above 2^53, or totals above 2^48 with large weights), so a full sort of
 * the candidates is fine here. Each quotient is ≤ total, so it converts back exactly.
 */
function splitBigIntegers(
  total: number,
  weights: readonly bigint[],
  sum: bigint,
  out: Float64Array,
  offset: number,
): void {
  const bigTotal = BigInt(total);
  const rest: bigint[] = [];
  const candidates: number[] = [];
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const product = bigTotal * (weights[i] as bigint);
    const q = Number(product / sum);
    const r = product % sum;
    out[offset + i] = q;
    rest.push(r);
    if (r > 0n) candidates.push(i);
    given += q;
  }
  candidates.sort((a, b) => {
    const ra = rest[a] as bigint;
    const rb = rest[b] as bigint;
    return ra > rb ? -1 : ra < rb ? 1 : a - b;
  });
  // leftover < candidates.length always (see handOutLeftover); the min only keeps a bug from
  // turning into an endless loop.
  const leftover = Math.min(total - given, candidates.length);
  for (let c = 0; c < leftover; c++) {
    const i = candidates[c] as number;
    out[offset + i] = (out[offset + i] as number) + 1;
  }
}

/**
 * Controlled rounding of a table with fixed margins: a rows×cols table of non-negative
 * integers (row-major) whose row i sums exactly to rowTotals[i] and column j exactly to
 * colTotals[j], with each cell close to rowTotals[i]·colTotals[j]/T.
 *
 * Rows are filled one at a time, LARGEST row total first (ties: lower index first): a row is
 * `allocate(rowTotals[i], remaining)`, where remaining[j] is colTotals[j] minus what the rows
 * filled before took, and is then subtracted from `remaining`. Rows of 0 stay zeros.
 *
 * Why no cell overdraws its column: before a row is filled, Σ remaining = T − Σ rows filled
 * so far = its total + Σ rows still to fill ≥ its total. So each exact share
 * total·remaining[j]/Σ remaining ≤ remaining[j]. A Hamilton part is the floor of its share,
 * plus one only when the share is not an integer, i.e. at most the ceiling; and the ceiling of
 * a value ≤ an integer is ≤ that integer. So remaining[j] never goes negative.
 *
 * Why the last row closes every column: at the last non-zero row, Σ remaining equals its
 * total exactly (the sums of the margins agree), so every share is remaining[j] itself, an
 * integer, and Hamilton gives exactly that. All columns end at 0.
 *
 * How close, and why largest first: a cell is within 1 of its share of the REMAINING table,
 * but rounding in earlier rows makes the remaining column totals drift from proportional.
 * With S_k = Σ of the totals of the k-th filled row and all after it, the k-th filled row
 * (t_k) is within 1 + t_k·Σ_{m=1..k} 1/S_m of t_k·colTotals[j]/T (the tests assert this
 * bound). The drift hurts when a big row comes after many small ones (t_k/S_k near 1), and
 * in input order random tables showed cells 4 away. Filling the largest rows first makes
 * t_k/S_m ≤ 1/(k−m+1), so the bound is ≤ 1 + H_k (harmonic number, ≈ 7 for 250 rows), and
 * randomised and hill-climbing searches never found a cell 2 away (worst seen ≈ 1.8).
 * Sorting the rows costs O(rows·log rows), nothing next to the O(rows·cols) fill.
 *
 * @param rowTotals Non-negative safe integers.
 * @param colTotals Non-negative safe integers with the same (safe) sum as rowTotals.
 * @returns Float64Array of rows·cols integers, row-major in the ORIGINAL row order.
 * @throws RangeError when an entry is not a non-negative safe integer, a sum exceeds
 *   Number.MAX_SAFE_INTEGER, or the two sums differ (programmer errors).
 */
export function splitTable(rowTotals: readonly number[], colTotals: readonly number[]): Float64Array {
  const rows = rowTotals.length;
  const cols = colTotals.length;
  const rowSum = checkedSum(rowTotals, 'row');
  const colSum = checkedSum(colTotals, 'column');
  if (rowSum !== colSum) throw new RangeError(`row totals sum to ${rowSum} but column totals to ${colSum}`);

  // One row or one column: the margins are the table. (Common in the plan's period tree.)
  if (rows === 1) return Float64Array.from(colTotals);
  if (cols === 1) return Float64Array.from(rowTotals);

  const table = new Float64Array(rows * cols);
  // One buffer for the whole table; rows write straight into `table` (no per-row arrays).
  const remaining = Float64Array.from(colTotals);
  let remainingSum = colSum;
  ensureScratch(cols);
  const order: number[] = [];
  for (let i = 0; i < rows; i++) if ((rowTotals[i] as number) > 0) order.push(i);
  order.sort((a, b) => (rowTotals[b] as number) - (rowTotals[a] as number) || a - b);
  for (const i of order) {
    const total = rowTotals[i] as number;
    const offset = i * cols;
    if (total === remainingSum) {
      // The last row takes exactly what the columns have left.
      table.set(remaining, offset);
      break;
    }
    // remainingSum ≥ total > 0 by the invariant above, so the split is well defined.
    splitIntegers(total, remaining, cols, remainingSum, table, offset);
    for (let j = 0; j < cols; j++) remaining[j] = (remaining[j] as number) - (table[offset + j] as number);
    remainingSum -= total;
  }
  return table;
}

function checkedSum(values: readonly number[], what: string): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new RangeError(`${what} total ${i} must be a non-negative safe integer, got ${String(v)}`);
    }
    sum += v;
    if (sum > MAX_SAFE) throw new RangeError(`${what} totals add up beyond Number.MAX_SAFE_INTEGER`);
  }
  return sum;
}
