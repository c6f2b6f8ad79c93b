/**
 * The one way Closer shows an amount to a person (web, CLI tables, the human sheets of
 * exports). Amounts are integer minor units (fen); see `money.ts` for reading and splitting.
 *
 * The rule (docs/ARCHITECTURE.md, "Showing amounts"):
 * - zh-CN: from 1万 up `x.xx万` (at most two decimals, trailing zeros dropped: `1.45万`,
 *   `147万`), from 1亿 up `x.xx亿`, from 1万亿 up `x.xx万亿`; below 1万 whole yuan grouped by
 *   thousands (`4,839`). No fen. Numbers before 万/亿 carry no commas (Chinese groups by four).
 * - en: whole yuan grouped by thousands (`1,398,871`): one unit a reader never has to
 *   convert, and a column of them lines up. `compact` (only where space is short: chart axes)
 *   gives three significant digits with K/M/B/T (`5.88M`).
 * - A column of a table uses ONE unit for all its cells (`columnScale`), so `4,839` never
 *   stands under `1.45万`.
 * - Rounding: `nearest` (half away from zero) by default; `up` (towards +∞) for amounts a
 *   person must reach ("still needed", "required per day"), so doing what is shown is enough.
 * - Fen appear only in `--json`, the API and machine exports (CSV, numeric xlsx cells).
 *
 * Pure: integer arithmetic only, so no float rounding can leak into what is shown.
 */

/** Language of the reader. */
export type AmountLang = 'zh' | 'en';

/** `nearest`: half away from zero. `up`: towards +∞ (an amount to reach is never shown short). */
export type AmountRounding = 'nearest' | 'up';

/** The unit an amount is written in: yuan, 万, 亿 or 万亿 (the last three zh only). */
export type AmountScale = 'yuan' | 'wan' | 'yi' | 'wanyi';

/** Options of `showAmount`. */
export interface ShowAmountOptions {
  /** Default `nearest`. */
  readonly rounding?: AmountRounding;
  /**
   * A fixed unit (zh), normally a table column's `columnScale`. Without it each amount picks
   * its own. Ignored in en, which always writes yuan.
   */
  readonly scale?: AmountScale;
  /** en only: `5.88M` instead of `5,880,000`, for chart axes. zh is already short. */
  readonly compact?: boolean;
}

/** Fen per yuan. */
const FEN = 100;

/** 10^0 … 10^16 as exact numbers. */
const POW10: readonly number[] = Array.from({ length: 17 }, (_, i) => 10 ** i);

function pow10(exponent: number): number {
  const value = POW10[exponent];
  if (value === undefined) throw new RangeError(`10^${exponent} is out of range`);
  return value;
}

/** The Chinese units, smallest first, with their power of ten of yuan. */
const ZH_UNITS: readonly { scale: AmountScale; suffix: string; exponent: number }[] = [
  { scale: 'yuan', suffix: '', exponent: 0 },
  { scale: 'wan', suffix: '万', exponent: 4 },
  { scale: 'yi', suffix: '亿', exponent: 8 },
  { scale: 'wanyi', suffix: '万亿', exponent: 12 },
];

/** English magnitudes of the compact form, smallest first, as powers of ten of yuan. */
const EN_TIERS: readonly { suffix: string; exponent: number }[] = [
  { suffix: 'K', exponent: 3 },
  { suffix: 'M', exponent: 6 },
  { suffix: 'B', exponent: 9 },
  { suffix: 'T', exponent: 12 },
];

/**
 * Writes an amount for people by the rule above.
 *
 * @param minor Amount in minor units (fen); a safe integer.
 * @param lang Language of the reader.
 * @param options Rounding, a fixed zh unit (a table column) or en's compact form.
 * @returns e.g. zh `1.45万`, `4,839`, `1.2亿`, `0`; en `14,500`, `4,839`; en compact `14.5K`.
 * @throws RangeError when `minor` is not a safe integer or `lang` is unknown (programmer errors).
 */
export function showAmount(minor: number, lang: AmountLang, options: ShowAmountOptions = {}): string {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`amount must be a safe integer of minor units, got ${minor}`);
  }
  if (lang !== 'zh' && lang !== 'en') throw new RangeError(`unknown language ${String(lang)}`);
  const rounding = options.rounding ?? 'nearest';
  if (lang === 'en') {
    return options.compact === true
      ? enCompact(minor, rounding)
      : signed(roundTo(minor, FEN, rounding), groupedDigits);
  }
  const unit = ZH_UNITS.find((u) => u.scale === (options.scale ?? ownScale(minor, rounding)));
  if (unit === undefined) throw new RangeError(`unknown scale ${String(options.scale)}`);
  if (unit.exponent === 0) return signed(roundTo(minor, FEN, rounding), groupedDigits);
  // Hundredths of the unit: at most two decimals.
  const hundredths = roundTo(minor, FEN * pow10(unit.exponent - 2), rounding);
  if (hundredths === 0 && minor !== 0) {
    // Only in a fixed unit too big for the amount (`up` of a positive amount is at least
    // 0.01 there). "0万" for a non-zero amount would read as nothing at all.
    return minor > 0 ? `<0.01${unit.suffix}` : `>-0.01${unit.suffix}`;
  }
  return signed(hundredths, (abs) => (abs === 0 ? '0' : decimals(abs, 2) + unit.suffix));
}

/**
 * The one zh unit for a column of amounts: 万 when any amount reaches 1万 (after rounding),
 * 亿 (or 万亿) only when every non-zero amount reaches it, otherwise yuan. In en always yuan.
 * Zeros do not count: they read `0` in any unit.
 *
 * @param values The column's amounts in minor units, or with their own rounding.
 * @param rounding The rounding of plain numbers (as the cells will be shown).
 */
export function columnScale(
  values: Iterable<number | AmountItem>,
  lang: AmountLang,
  rounding: AmountRounding = 'nearest',
): AmountScale {
  if (lang === 'en') return 'yuan';
  let smallest: number | undefined;
  let largest: number | undefined;
  for (const value of values) {
    const item = typeof value === 'number' ? { amount: value, rounding } : value;
    if (item.amount === 0) continue;
    const index = ZH_UNITS.findIndex((u) => u.scale === ownScale(item.amount, item.rounding ?? rounding));
    smallest = smallest === undefined ? index : Math.min(smallest, index);
    largest = largest === undefined ? index : Math.max(largest, index);
  }
  if (smallest === undefined || largest === undefined || largest === 0) return 'yuan';
  return (ZH_UNITS[Math.max(1, smallest)] as (typeof ZH_UNITS)[number]).scale;
}

/** An amount with its own rounding, for `showAmountColumn`. */
export interface AmountItem {
  /** Minor units (fen). */
  readonly amount: number;
  /** `up` for an amount a person must reach. */
  readonly rounding?: AmountRounding;
}

/**
 * A column of amounts, or figures side by side in a sentence ("needs 1.25万 a day, plan
 * 0.87万"), shown in one unit (`columnScale`).
 *
 * @param values Amounts in minor units, or with their own rounding; `null` stays empty.
 * @param options The rounding of plain numbers (default `nearest`).
 * @returns One string per value, in order.
 */
export function showAmountColumn(
  values: readonly (number | AmountItem | null)[],
  lang: AmountLang,
  options: { readonly rounding?: AmountRounding } = {},
): string[] {
  const items = values.map((v) =>
    v === null ? null : typeof v === 'number' ? { amount: v, rounding: options.rounding } : v,
  );
  const scale = columnScale(
    items.flatMap((i) => (i === null ? [] : [i])),
    lang,
  );
  return items.map((i) =>
    i === null ? '' : showAmount(i.amount, lang, { scale, ...(i.rounding ? { rounding: i.rounding } : {}) }),
  );
}

/**
 * The unit an amount picks on its own: the largest one it reaches AS SHOWN, so 9,999.6 yuan
 * is `1万` (not `10,000`) and 9999.996万 is `1亿` (not `10000万`).
 */
function ownScale(minor: number, rounding: AmountRounding): AmountScale {
  for (let i = 0; i < ZH_UNITS.length - 1; i++) {
    const unit = ZH_UNITS[i] as (typeof ZH_UNITS)[number];
    const next = ZH_UNITS[i + 1] as (typeof ZH_UNITS)[number];
    // Yuan are shown whole, the bigger units with two decimals.
    const places = unit.exponent === 0 ? 0 : 2;
    const shown = Math.abs(roundTo(minor, FEN * pow10(unit.exponent - places), rounding));
    if (shown < pow10(next.exponent - unit.exponent + places)) return unit.scale;
  }
  return 'wanyi';
}

/** round(minor / divisor) by `rounding`, exactly, for a safe integer and a positive divisor. */
function roundTo(minor: number, divisor: number, rounding: AmountRounding): number {
  const abs = Math.abs(minor);
  const q = Math.floor(abs / divisor);
  // Exact remainder, then one corrective step: the float quotient may be one off near 2^53.
  let whole = q;
  let rest = abs - q * divisor;
  if (rest < 0) {
    whole -= 1;
    rest += divisor;
  } else if (rest >= divisor) {
    whole += 1;
    rest -= divisor;
  }
  let up: boolean;
  if (rounding === 'nearest') up = 2 * rest >= divisor;
  else up = minor > 0 && rest > 0; // towards +∞: up for positives, towards zero for negatives
  const magnitude = up ? whole + 1 : whole;
  return minor < 0 ? -magnitude : magnitude;
}

/** Applies the sign to `write(|value|)`; -0 and 0 print without one. */
function signed(value: number, write: (abs: number) => string): string {
  return (value < 0 ? '-' : '') + write(Math.abs(value));
}

/** en compact: three significant digits and K/M/B/T; below 1,000 whole yuan. */
function enCompact(minor: number, rounding: AmountRounding): string {
  const yuan = roundTo(minor, FEN, rounding);
  if (Math.abs(yuan) < 1000) return signed(yuan, groupedDigits);
  const abs = Math.abs(minor);
  for (const [t, tier] of EN_TIERS.entries()) {
    const unit = FEN * pow10(tier.exponent);
    const places = abs < 10 * unit ? 2 : abs < 100 * unit ? 1 : 0;
    const value = roundTo(minor, unit / pow10(places), rounding);
    // 999.6K rounds to 1000K: the next tier says 1M. T is the last word there is.
    if (Math.abs(value) < 1000 * pow10(places) || t === EN_TIERS.length - 1) {
      return signed(value, (a) => decimals(a, places) + tier.suffix);
    }
  }
  return signed(yuan, groupedDigits); // unreachable: the last tier always answers
}

/** value / 10^places with trailing zeros of the fraction dropped (`1.45`, `1.5`, `147`). */
function decimals(value: number, places: number): string {
  const scale = pow10(places);
  const integer = Math.floor(value / scale);
  const fraction = value - integer * scale;
  if (fraction === 0) return String(integer);
  return `${integer}.${String(fraction).padStart(places, '0').replace(/0+$/, '')}`;
}

/**
 * An amount as exact yuan with two decimals (`1398870.97`, `-0.05`, `5880000.00`), for
 * machine text: CSV cells, and sizing spreadsheet columns that show `#,##0.00`. People get
 * `showAmount`. By integer division and remainder: `(x / 100).toFixed(2)` rounds binary
 * fractions and can be a fen off for large amounts.
 *
 * @param minor Amount in minor units; a safe integer.
 * @param grouped Thousands commas (`1,398,870.97`), as a spreadsheet shows the number.
 * @throws RangeError when `minor` is not a safe integer.
 */
export function exactYuan(minor: number, grouped = false): string {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`amount must be a safe integer of minor units, got ${minor}`);
  }
  const abs = Math.abs(minor);
  const fen = abs % FEN;
  // abs - fen is a multiple of 100, so this division is exact.
  const whole = (abs - fen) / FEN;
  return `${minor < 0 ? '-' : ''}${grouped ? groupedDigits(whole) : String(whole)}.${String(fen).padStart(2, '0')}`;
}

/** `5880000` → `5,880,000`. Commas, because parseAmount reads them back. */
function groupedDigits(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * A share or a probability for people, in both languages: one decimal, half away from zero
 * (`0.346` → `34.6%`, `1` → `100.0%`). One rule, so the dashboard's 达成目标概率 and
 * `closer forecast`'s are the same text (they once read `100%` and `100.0%`).
 *
 * @param share A fraction, 0…1 (outside that range is printed as it is, e.g. `120.0%`).
 * @throws RangeError when `share` is not a finite number.
 */
export function showPercent(share: number): string {
  if (!Number.isFinite(share)) throw new RangeError(`share must be a finite number, got ${share}`);
  const tenths = Math.round(Math.abs(share) * 1000);
  return `${share < 0 && tenths > 0 ? '-' : ''}${Math.floor(tenths / 10)}.${tenths % 10}%`;
}
