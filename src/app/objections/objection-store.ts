/**
 * The objection catalog as stored: a workspace's objection_types rows (its edits of the
 * built-in entries and its own keys) ↔ the API view, entry → columns, and the effective
 * catalog the rows make with the built-in entries. Rows are workspace-wide and addressed by
 * their key, not their id: errors and audit entries name the key.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { ObjectionTypeView, replyInput } from '../../contract/method.js';
import type { Schema } from '../../db/schema.js';
import {
  BUILT_IN_OBJECTION_KEYS,
  type CatalogEntry,
  catalogEntryOf,
  mergeCatalog,
  type ObjectionEntry,
  type ScriptedReply,
  type StoredObjection,
} from '../../domain/method/objections.js';
import { defineRecordStore, type RecordRow } from '../record-store.js';
import { fieldError } from '../validation.js';

/** An objection_types row as Kysely returns it. */
export type ObjectionTypeRow = RecordRow<'objection_types'>;

/** Whether `key` names a built-in entry (a workspace may edit it, never add it). */
export function isBuiltInObjection(key: string): boolean {
  return (BUILT_IN_OBJECTION_KEYS as readonly string[]).includes(key);
}

/** Row → the entry it stores. */
function storedObjection(row: ObjectionTypeRow): StoredObjection {
  return {
    key: row.key,
    kind: row.kind,
    labelZh: row.label_zh,
    labelEn: row.label_en,
    replies: JSON.parse(row.replies) as ScriptedReply[],
    archived: row.archived === 1,
    version: row.version,
  };
}

/** Catalog entry → API shape. */
export function toObjectionType(entry: CatalogEntry): ObjectionTypeView {
  return {
    key: entry.key,
    kind: entry.kind,
    labelZh: entry.labelZh,
    labelEn: entry.labelEn,
    replies: entry.replies.map((r) => ({ id: r.id, zh: r.zh, en: r.en })),
    archived: entry.archived,
    builtIn: entry.builtIn,
    version: entry.version,
  };
}

/**
 * The workspace's catalog rows. A row's view is the entry the effective catalog shows for
 * its key (`catalogEntryOf`: a row of a built-in key keeps the built-in kind).
 */
export const objectionTypes = defineRecordStore<'objection_types', ObjectionTypeView, ObjectionEntry>({
  table: 'objection_types',
  entity: 'objection_type',
  scope: 'workspace',
  toView: (row) => toObjectionType(catalogEntryOf(storedObjection(row))),
  columns: {
    key: 'key',
    kind: 'kind',
    labelZh: 'label_zh',
    labelEn: 'label_en',
    replies: { column: 'replies', write: (replies: readonly ScriptedReply[]) => JSON.stringify(replies) },
    archived: { column: 'archived', write: (archived: boolean) => (archived ? 1 : 0) },
  },
});

/** The workspace's rows in creation order. */
export async function storedObjectionRows(
  db: Kysely<Schema>,
  workspaceId: string,
): Promise<ObjectionTypeRow[]> {
  return db
    .selectFrom('objection_types')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The effective catalog: built-in entries (or their replacements) then custom keys. */
export async function loadCatalog(db: Kysely<Schema>, workspaceId: string): Promise<CatalogEntry[]> {
  return mergeCatalog((await storedObjectionRows(db, workspaceId)).map(storedObjection));
}

/** Gives each new reply a stable id; an id used twice is VALIDATION.FAILED on that reply's id. */
export function withReplyIds(
  key: string,
  replies: readonly z.infer<typeof replyInput>[],
  newId: () => string,
): ScriptedReply[] {
  const seen = new Set<string>();
  const out: ScriptedReply[] = [];
  for (const [i, r] of replies.entries()) {
    const id = r.id ?? `${key}.${newId().replace(/-/g, '').slice(-12)}`;
    if (seen.has(id)) throw fieldError(`replies.${i}.id`, 'this reply id is used twice', '话术编号重复了');
    seen.add(id);
    out.push({ id, zh: r.zh, en: r.en });
  }
  return out;
}
