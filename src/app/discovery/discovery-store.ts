/** Reading the workspace's discovery chain: the latest stored version, or the built-in default. */
import type { Kysely } from 'kysely';
import type { DiscoveryChainView } from '../../contract/method.js';
import type { Schema } from '../../db/schema.js';
import { DEFAULT_DISCOVERY_CHAIN, type DiscoveryQuestion } from '../../domain/method/discovery.js';

const BUILT_IN: DiscoveryChainView = {
  version: 0,
  questions: DEFAULT_DISCOVERY_CHAIN.questions.map((q) => ({
    ...q,
    hint: q.hint ?? '',
    hintEn: q.hintEn ?? '',
  })),
  createdAt: null,
  createdBy: null,
};

function toView(row: {
  version: number;
  questions: string;
  created_at: string;
  created_by: string | null;
}): DiscoveryChainView {
  return {
    version: row.version,
    questions: JSON.parse(row.questions) as DiscoveryQuestion[] as DiscoveryChainView['questions'],
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

/** Every stored version of the workspace's chain, newest first, then the built-in version 0. */
export async function chainVersions(db: Kysely<Schema>, workspaceId: string): Promise<DiscoveryChainView[]> {
  const rows = await db
    .selectFrom('discovery_chains')
    .select(['version', 'questions', 'created_at', 'created_by'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('version', 'desc')
    .execute();
  return [...rows.map(toView), BUILT_IN];
}

/** One version of the chain (0 = built-in), or null when the workspace has no such version. */
export async function chainVersion(
  db: Kysely<Schema>,
  workspaceId: string,
  version: number,
): Promise<DiscoveryChainView | null> {
  if (version === 0) return BUILT_IN;
  const row = await db
    .selectFrom('discovery_chains')
    .select(['version', 'questions', 'created_at', 'created_by'])
    .where('workspace_id', '=', workspaceId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? toView(row) : null;
}

/** The chain in force: the latest stored version, else the built-in default. */
export async function currentChain(db: Kysely<Schema>, workspaceId: string): Promise<DiscoveryChainView> {
  const row = await db
    .selectFrom('discovery_chains')
    .select(['version', 'questions', 'created_at', 'created_by'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toView(row) : BUILT_IN;
}
