/**
 * The workspace row as the settings use cases and other areas read and write it: its
 * method settings (row → view, input → columns; the view and the change:
 * src/contract/settings.ts) under optimistic concurrency, and its currency. The workspaces
 * table is not a record table of a workspace (it is the workspace: no workspace_id), so
 * this is its own small store rather than a `defineRecordStore` one.
 */
import { type Kysely, sql } from 'kysely';
import type { z } from 'zod';
import type { updateWorkspaceSettingsInput, WorkspaceSettings } from '../../contract/settings.js';
import type { Schema } from '../../db/schema.js';
import { AppError } from '../../domain/errors.js';
import { toThirdMeetingPolicy } from '../../domain/method/meetings.js';
import type { Deps, Principal } from '../context.js';

/** The columns the settings view is made of. */
const SETTINGS_COLUMNS = ['name', 'currency', 'time_zone', 'third_meeting_policy', 'version'] as const;

/** The settings columns of a workspaces row. */
export interface WorkspaceSettingsRow {
  name: string;
  currency: string;
  time_zone: string;
  third_meeting_policy: string;
  version: number;
}

/** Row → API shape. */
export function toWorkspaceSettings(row: WorkspaceSettingsRow): WorkspaceSettings {
  return {
    name: row.name,
    currency: row.currency,
    timeZone: row.time_zone,
    thirdMeetingPolicy: toThirdMeetingPolicy(row.third_meeting_policy),
    version: row.version,
  };
}

/** The settings row of the caller's workspace (it exists while the caller is a member). */
export async function findWorkspaceSettings(
  db: Kysely<Schema>,
  principal: Principal,
): Promise<WorkspaceSettingsRow> {
  return db
    .selectFrom('workspaces')
    .select(SETTINGS_COLUMNS)
    .where('id', '=', principal.workspaceId)
    .executeTakeFirstOrThrow();
}

/** The fields a settings change may carry. */
type SettingsFields = Omit<z.infer<typeof updateWorkspaceSettingsInput>, 'version'>;

/**
 * Writes the settings `fields` carries (a field left out is not written) when the workspace
 * is still at `version` — else CONFLICT.STALE with the current version, and nothing is
 * written — and answers the row written. The guarded UPDATE makes a concurrent writer that
 * read the same version lose even between the check and the write.
 */
export async function updateWorkspaceSettingsRow(
  db: Kysely<Schema>,
  deps: Pick<Deps, 'clock'>,
  principal: Principal,
  version: number,
  fields: SettingsFields,
  before: WorkspaceSettingsRow,
): Promise<WorkspaceSettingsRow> {
  const id = principal.workspaceId;
  if (before.version !== version) {
    throw new AppError('CONFLICT.STALE', {
      entity: 'workspace',
      id,
      version,
      currentVersion: before.version,
    });
  }
  const row = await db
    .updateTable('workspaces')
    .set({
      ...(fields.thirdMeetingPolicy !== undefined ? { third_meeting_policy: fields.thirdMeetingPolicy } : {}),
      updated_at: deps.clock().toISOString(),
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning(SETTINGS_COLUMNS)
    .executeTakeFirst();
  if (!row) throw new AppError('CONFLICT.STALE', { entity: 'workspace', id, version });
  return row;
}

/** The workspace's currency: what amounts are in when an input names no currency. */
export async function workspaceCurrency(db: Kysely<Schema>, principal: Principal): Promise<string> {
  const workspace = await db
    .selectFrom('workspaces')
    .select('currency')
    .where('id', '=', principal.workspaceId)
    .executeTakeFirstOrThrow();
  return workspace.currency;
}

/**
 * Takes the workspace row's lock until the transaction ends (a no-op write, which works on
 * both engines): for a save that numbers the workspace's records (plan revisions, discovery
 * chain versions), so two saves at once — two managers, two app instances — take the next
 * numbers one after the other instead of colliding on the unique key.
 */
export async function lockWorkspace(db: Kysely<Schema>, workspaceId: string): Promise<void> {
  await db
    .updateTable('workspaces')
    .set((eb) => ({ id: eb.ref('id') }))
    .where('id', '=', workspaceId)
    .execute();
}

/** The numbered series a workspace keeps, by table: the column that numbers it. */
const SERIES = { plans: 'revision', discovery_chains: 'version' } as const;

/**
 * The next number of a series of the workspace — a plan's revisions of one year (`year`),
 * the discovery chain's versions — read under the workspace row's lock, so saves at once
 * (two managers, two instances) take the next numbers one after the other.
 */
export async function nextNumber(
  db: Kysely<Schema>,
  workspaceId: string,
  table: keyof typeof SERIES,
  year?: number,
): Promise<number> {
  await lockWorkspace(db, workspaceId);
  const column = sql.ref(SERIES[table]);
  const ofYear = year === undefined ? sql`` : sql` and year = ${year}`;
  const { rows } = await sql<{ n: number | string | null }>`
    select max(${column}) as n from ${sql.table(table)} where workspace_id = ${workspaceId}${ofYear}
  `.execute(db);
  return Number(rows[0]?.n ?? 0) + 1;
}
