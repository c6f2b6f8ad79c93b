/**
 * Discovery as stored: the workspace's discovery chain (the latest stored version, or the
 * built-in default; `discovery_chains` is append-only, so not a record store) and the
 * discovery part of a visit (`visitDiscoveries`, a store over the visits table that reads
 * and writes only the chain version answered, the answers and the pains).
 */
import type { Kysely } from 'kysely';
import type { DiscoveryChainView, VisitDiscovery } from '../../contract/method.js';
import type { Schema } from '../../db/schema.js';
import { DEFAULT_DISCOVERY_CHAIN, type DiscoveryQuestion, type Pain } from '../../domain/method/discovery.js';
import { defineRecordStore } from '../record-store.js';

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

/** The stored versions of the workspace's chain: the query the three reads below narrow. */
function chainRows(db: Kysely<Schema>, workspaceId: string) {
  return db
    .selectFrom('discovery_chains')
    .select(['version', 'questions', 'created_at', 'created_by'])
    .where('workspace_id', '=', workspaceId);
}

/** Every stored version of the workspace's chain, newest first, then the built-in version 0. */
export async function chainVersions(db: Kysely<Schema>, workspaceId: string): Promise<DiscoveryChainView[]> {
  const rows = await chainRows(db, workspaceId).orderBy('version', 'desc').execute();
  return [...rows.map(toView), BUILT_IN];
}

/** One version of the chain (0 = built-in), or null when the workspace has no such version. */
export async function chainVersion(
  db: Kysely<Schema>,
  workspaceId: string,
  version: number,
): Promise<DiscoveryChainView | null> {
  if (version === 0) return BUILT_IN;
  const row = await chainRows(db, workspaceId).where('version', '=', version).executeTakeFirst();
  return row ? toView(row) : null;
}

/** The chain in force: the latest stored version, else the built-in default. */
export async function currentChain(db: Kysely<Schema>, workspaceId: string): Promise<DiscoveryChainView> {
  const row = await chainRows(db, workspaceId).orderBy('version', 'desc').limit(1).executeTakeFirst();
  return row ? toView(row) : BUILT_IN;
}

/** The discovery part of a visit; visible, like the visit, when its customer is. */
export const visitDiscoveries = defineRecordStore<
  'visits',
  VisitDiscovery,
  Pick<VisitDiscovery, 'discoveryVersion' | 'answers' | 'pains'>
>({
  table: 'visits',
  // Errors and audit entries name the visit: the discovery is a part of it.
  entity: 'visit',
  scope: 'customer-child',
  toView: (row) => ({
    visitId: row.id,
    customerId: row.customer_id,
    discoveryVersion: row.discovery_version,
    answers: JSON.parse(row.discovery_answers) as VisitDiscovery['answers'],
    pains: JSON.parse(row.pains) as Pain[],
    version: row.version,
  }),
  columns: {
    discoveryVersion: 'discovery_version',
    answers: {
      column: 'discovery_answers',
      write: (answers: VisitDiscovery['answers']) => JSON.stringify(answers),
    },
    pains: { column: 'pains', write: (pains: readonly Pain[]) => JSON.stringify(pains) },
  },
});
