/** Amounts and languages for display: zh shows 万/亿, en groups by thousands (the domain's formatAmount). */
import { formatAmount } from '../../domain/money.js';
import i18n from '../i18n';

/** The current language as the domain names it. */
export function currentLang(): 'zh' | 'en' {
  return i18n.language.startsWith('zh') ? 'zh' : 'en';
}

/** An amount in minor units (fen) for people; `compact` for charts. */
export function money(minor: number, compact = false): string {
  return formatAmount(Math.round(minor), currentLang(), compact ? { compact: true } : undefined);
}
