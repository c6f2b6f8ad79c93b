/**
 * Formula (CSV) injection: a cell that starts like a formula is shown as text. Used by every
 * export, and undone by the import so that an exported or error file can be re-imported.
 */

/**
 * Text that spreadsheet programs read as a formula (or as the start of one): `=`, `+`, `-`,
 * `@`, tab and CR — also after leading spaces (ordinary, no-break and ideographic), because
 * Excel and LibreOffice skip those before deciding.
 */
const FORMULA_START = /^[ \u00a0\u3000]*[=+\-@\t\r]/;

/** `text`, or `'` + `text` when a spreadsheet would read it as a formula. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes {@link neutraliseCell}: drops the apostrophe it added, nothing else. */
export function restoreCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}
