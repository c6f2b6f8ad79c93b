/**
 * Recognises database errors by their driver code, never by message text (messages differ
 * between engines, versions and locales).
 */

/** SQLite (better-sqlite3 `err.code`) codes of a unique or primary-key violation. */
const SQLITE_UNIQUE_CODES: ReadonlySet<string> = new Set([
  'SQLITE_CONSTRAINT_UNIQUE',
  'SQLITE_CONSTRAINT_PRIMARYKEY',
]);

/** PostgreSQL SQLSTATE `unique_violation` (pg `err.code`), also raised for primary keys. */
const POSTGRES_UNIQUE_VIOLATION = '23505';

/** True when `error` is a unique (or primary-key) constraint violation on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = (error as { code: unknown }).code;
  if (typeof code !== 'string') return false;
  return code === POSTGRES_UNIQUE_VIOLATION || SQLITE_UNIQUE_CODES.has(code);
}
