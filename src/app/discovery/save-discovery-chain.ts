/** Use case: a manager edits the discovery chain, which stores it as the next version. */

import type { DiscoveryChainView } from '../../contract/method.js';
import { discoveryChainInput } from '../../domain/method/discovery.js';
import { requireManager } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { nextNumber } from '../workspace/workspace-store.js';

/** Stores `{questions}` as version (latest + 1); managers only. Older versions stay readable. */
export async function saveDiscoveryChain(
  deps: Deps,
  principal: Principal,
  input: unknown,
): Promise<DiscoveryChainView> {
  requireManager(principal);
  const { questions } = parseInput(discoveryChainInput, input);
  const stored = questions.map((q) => ({
    id: q.id,
    zh: q.zh,
    en: q.en,
    ...(q.hint ? { hint: q.hint } : {}),
    ...(q.hintEn ? { hintEn: q.hintEn } : {}),
  }));
  return deps.db.transaction().execute(async (trx) => {
    // Saves at once (two managers, two instances) number their versions one after the other.
    const version = await nextNumber(trx, principal.workspaceId, 'discovery_chains');
    const id = deps.newId();
    const createdAt = deps.clock().toISOString();
    await trx
      .insertInto('discovery_chains')
      .values({
        id,
        workspace_id: principal.workspaceId,
        version,
        questions: JSON.stringify(stored),
        created_by: principal.userId,
        created_at: createdAt,
      })
      .execute();
    const view: DiscoveryChainView = {
      version,
      questions: stored,
      createdAt,
      createdBy: principal.userId,
    };
    await recordAudit(trx, deps, principal, {
      entity: 'discovery_chain',
      entityId: id,
      action: 'create',
      after: view,
    });
    return view;
  });
}
