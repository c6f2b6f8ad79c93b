/**
 * Texts of the customer list's meeting and overdue columns and of the visit timeline's
 * discovery: i18n-customers.json, each entry with its zh-CN and en word. Merged into the
 * app's `translation` namespace (deep, without overwriting), like the other per-feature
 * text files.
 */
import { addTexts } from '../../i18n';
import words from './i18n-customers.json';

addTexts(words);
