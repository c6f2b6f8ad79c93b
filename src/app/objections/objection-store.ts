/** The effective objection catalog of a workspace, and its API shapes. */
import type { Kysely, Selectable } from 'kysely';
import type { z } from 'zod';
import type { ObjectionTypeView, replyInput } from '../../contract/method.js';
import type { ObjectionTypesTable, Schema } from '../../db/schema.js';
import { type CatalogEntry, mergeCatalog, type ScriptedReply } from '../../domain/method/objections.js';

/** An objection_types row as Kysely returns it. */
export type ObjectionTypeRow = Selectable<ObjectionTypesTable>;

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
  const rows = await storedObjectionRows(db, workspaceId);
  return mergeCatalog(
    rows.map((r) => ({
      key: r.key,
      kind: r.kind,
      labelZh: r.label_zh,
      labelEn: r.label_en,
      replies: JSON.parse(r.replies) as ScriptedReply[],
      archived: r.archived === 1,
      version: r.version,
    })),
  );
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

/** Gives each new reply a stable id and refuses an id used twice. */
export function withReplyIds(
  key: string,
  replies: readonly z.infer<typeof replyInput>[],
  newId: () => string,
): { replies: ScriptedReply[]; duplicate: number | null } {
  const seen = new Set<string>();
  const out: ScriptedReply[] = [];
  for (const [i, r] of replies.entries()) {
    const id = r.id ?? `${key}.${newId().replace(/-/g, '').slice(-12)}`;
    if (seen.has(id)) return { replies: out, duplicate: i };
    seen.add(id);
    out.push({ id, zh: r.zh, en: r.en });
  }
  return { replies: out, duplicate: null };
}
