/**
 * Texts of editing and deleting customers and contacts: i18n-edit.json, each entry with
 * its zh-CN and en word, added to the app's translations under `customerEdit.` (a block of
 * their own, imported by the components that use it).
 */
import { addTexts } from '../../i18n';
import words from './i18n-edit.json';

addTexts({ customerEdit: words });
