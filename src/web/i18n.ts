/**
 * The app's texts and language. The words are in i18n.json, each entry with its zh-CN and
 * en word (lib/texts.ts); the enum words are the domain's label catalogs. The language is
 * the user's choice (kept in localStorage), else the browser's: English for an English
 * browser, Chinese otherwise (the default). Features add their own texts with `addTexts`.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import {
  CONTACT_ROLE_LABELS,
  CUSTOMER_CLASS_LABELS,
  CUSTOMER_STATUS_LABELS,
  DUTY_LABELS,
  MEMBER_ROLE_LABELS,
} from '../domain/labels.js';
import { FUNNEL_LINE_LABELS } from '../domain/plan/funnel-lines.js';
import words from './i18n.json';
import { type Texts, wordsIn } from './lib/texts';

const STORAGE_KEY = 'closer.lang';

function initialLanguage(): 'zh-CN' | 'en' {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored === 'zh-CN' || stored === 'en') return stored;
  const first = (navigator.languages?.[0] ?? navigator.language ?? '').toLowerCase();
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: wordsIn(words, 'zh') }, en: { translation: wordsIn(words, 'en') } },
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  // React escapes what it renders; i18next must not escape a second time.
  interpolation: { escapeValue: false },
});

/** Switches the language and remembers the choice. */
export function setLanguage(lang: 'zh-CN' | 'en'): void {
  window.localStorage.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/**
 * Adds texts (a feature's, or label catalogs) to the app's translations, deep and
 * overwriting nothing, so a feature's file can never replace a shared word.
 */
export function addTexts(...parts: readonly Texts[]): void {
  for (const part of parts) {
    i18n.addResourceBundle('zh-CN', 'translation', wordsIn(part, 'zh'), true, false);
    i18n.addResourceBundle('en', 'translation', wordsIn(part, 'en'), true, false);
  }
}

// Enum words come from the domain's one label catalog, shared with the CLI and the exports.
addTexts({
  roles: MEMBER_ROLE_LABELS,
  duties: DUTY_LABELS,
  // The funnel's lines (the domain's words, shared with the exported funnel sheet).
  plan: { funnelLine: FUNNEL_LINE_LABELS },
  classes: CUSTOMER_CLASS_LABELS,
  statuses: CUSTOMER_STATUS_LABELS,
  contactRoles: CONTACT_ROLE_LABELS,
});

export default i18n;
