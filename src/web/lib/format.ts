/**
 * Amounts and languages for display. Amounts follow the one rule of the domain's
 * `format-amount.ts` (zh: 万/亿 from 1万 up, whole yuan below; en: whole yuan), so the web,
 * the CLI and the exports show the same figure the same way.
 */
import {
  type AmountRounding,
  columnScale,
  type ShowAmountOptions,
  showAmount,
} from '../../domain/format-amount.js';
import i18n from '../i18n';

/** The current language as the domain names it. */
export function currentLang(): 'zh' | 'en' {
  return i18n.language.startsWith('zh') ? 'zh' : 'en';
}

/**
 * An amount in minor units (fen) for people. `{ rounding: 'up' }` for amounts still to
 * reach (so doing what is shown is enough); `{ compact: true }` for chart axes (en `5.88M`).
 */
export function money(minor: number, options: ShowAmountOptions = {}): string {
  return showAmount(Math.round(minor), currentLang(), options);
}

/**
 * A formatter for one table column or one row of parallel figures: every amount in the one
 * unit the column's values call for, so `4,839` never stands under `1.45万`.
 *
 * @param values All amounts (fen) the column shows.
 * @param rounding `up` for a column of amounts still to reach (the unit is chosen on the
 *   amounts as they will be shown), or a rule per amount (a difference column: behind is a
 *   shortfall and rounds up, ahead rounds to nearest — {@link differenceRounding}).
 */
export function moneyColumn(
  values: Iterable<number>,
  rounding?: AmountRounding | ((minor: number) => AmountRounding),
): (minor: number) => string {
  const lang = currentLang();
  const roundingOf = (minor: number) => (typeof rounding === 'function' ? rounding(minor) : rounding);
  const items = Array.from(values, (v) => {
    const amount = Math.round(v);
    const r = roundingOf(amount);
    return r ? { amount, rounding: r } : amount;
  });
  const scale = columnScale(items, lang);
  return (minor) => {
    const amount = Math.round(minor);
    const r = roundingOf(amount);
    return showAmount(amount, lang, { scale, ...(r ? { rounding: r } : {}) });
  };
}

/** The rounding of an actual − plan difference: behind (negative) is a shortfall to make up. */
export function differenceRounding(difference: number): AmountRounding {
  return difference < 0 ? 'up' : 'nearest';
}

/**
 * The label formatter of a chart's amount axis (its values in yuan, as the charts plot them).
 * zh writes every tick in the unit `values` call for (`0`, `0.5万`, `1万`, never `5,000`
 * beside `1万`); en uses the compact form (`500K`, `1M`), where space is short.
 *
 * @param values The amounts (fen) the chart plots.
 */
export function moneyAxis(values: Iterable<number>): (yuan: number) => string {
  const lang = currentLang();
  if (lang === 'en') return (yuan) => showAmount(Math.round(yuan * 100), 'en', { compact: true });
  const scale = columnScale(Array.from(values, Math.round), lang);
  return (yuan) => showAmount(Math.round(yuan * 100), lang, { scale });
}
