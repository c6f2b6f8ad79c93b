/**
 * The web app's texts are written once per entry with both languages, `{ zh, en }` — the
 * domain's `Label` shape, so a label catalog of src/domain/labels.ts plugs in as it is and
 * a word is never written twice, once per language — and split here into the
 * one-language resources i18next reads.
 */
import type { Label } from '../../domain/labels.js';

/** Texts: entries `{ zh, en }` (or whole label catalogs), nested under keys. */
export interface Texts {
  readonly [key: string]: Label | Texts;
}

/** `T` in one language: each entry becomes its word. */
export type Words<T> = { [K in keyof T]: T[K] extends Label ? string : Words<T[K]> };

function isLabel(entry: Label | Texts): entry is Label {
  return typeof entry.zh === 'string' && typeof entry.en === 'string';
}

/** `texts` in `lang` (zh: the zh-CN resource): the shape of one i18next resource. */
export function wordsIn<T extends Texts>(texts: T, lang: 'zh' | 'en'): Words<T> {
  return Object.fromEntries(
    Object.entries(texts).map(([key, entry]) => [key, isLabel(entry) ? entry[lang] : wordsIn(entry, lang)]),
  ) as Words<T>;
}
