/**
 * Keyset (cursor) pagination shared by the list use cases: a cursor is the sort value and
 * the id of the last row of a page, opaque to callers (base64url JSON).
 */
import { fieldError } from './validation.js';

/** The position after which the next page starts. */
export interface Cursor {
  readonly v: string;
  readonly id: string;
}

/** Cursor → opaque text. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

/** Opaque text → cursor, or VALIDATION.FAILED on `cursor`. */
export function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor> | null;
    if (value && typeof value.v === 'string' && typeof value.id === 'string')
      return { v: value.v, id: value.id };
  } catch {
    // fall through to the field error
  }
  throw fieldError('cursor', 'not a cursor from a previous page', '不是上一页给出的游标');
}

/** One page of items; `nextCursor` is null on the last page. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only tells that another page
 * exists; the cursor points after the last row kept.
 */
export function toPage<R extends { id: string }, T>(
  rows: readonly R[],
  limit: number,
  sortValue: (row: R) => string,
  map: (row: R) => T,
): Page<T> {
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  return {
    items: kept.map(map),
    nextCursor: rows.length > limit && last ? encodeCursor({ v: sortValue(last), id: last.id }) : null,
  };
}
