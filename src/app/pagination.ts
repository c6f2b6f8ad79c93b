/**
 * Keyset (cursor) pagination shared by the list use cases: a cursor is the sort value and
 * the id of the last row of a page, opaque to callers (base64url JSON).
 */
import type { SelectQueryBuilder } from 'kysely';
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

/** What a list query asks of a page: its size, where it starts and (by default ascending) its order. */
export interface PageRequest {
  readonly limit: number;
  readonly cursor?: string | undefined;
  readonly order?: 'asc' | 'desc' | undefined;
}

/** The columns of a row that hold text, the ones a keyset can sort by. */
type TextColumn<R> = { [K in keyof R]: R[K] extends string ? K : never }[keyof R] & string;

/**
 * The page `request` asks of `query` (a one-table query already narrowed to the rows the
 * caller may list): the rows after its cursor in the order of `column`, then id, mapped by
 * `map`. The keyset condition and its ordering are written here once, so every list pages
 * alike; `column` is named as the row carries it.
 */
export async function keysetPage<DB, TB extends keyof DB, R extends { id: string }, V>(
  query: SelectQueryBuilder<DB, TB, R>,
  column: TextColumn<R>,
  request: PageRequest,
  map: (row: R) => V,
): Promise<Page<V>> {
  // Kysely types a query by its literal columns; the condition is the same for any table,
  // so it is written against the shape every keyset shares.
  let q = query as unknown as SelectQueryBuilder<{ row: { id: string; sort: string } }, 'row', R>;
  const order = request.order ?? 'asc';
  const sort = column as unknown as 'sort';
  if (request.cursor) {
    const cursor = decodeCursor(request.cursor);
    const op = order === 'asc' ? '>' : '<';
    q = q.where(({ eb, or, and }) =>
      or([eb(sort, op, cursor.v), and([eb(sort, '=', cursor.v), eb('id', op, cursor.id)])]),
    );
  }
  const rows = await q
    .orderBy(sort, order)
    .orderBy('id', order)
    .limit(request.limit + 1)
    .execute();
  return toPage(rows, request.limit, (row) => row[column] as string, map);
}
