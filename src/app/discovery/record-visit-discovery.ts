/**
 * Use case: write what a visit found out — the answers to the discovery chain (naming the
 * chain version they answer) and the pains with the real need behind each.
 */
import { type VisitDiscovery, visitDiscoveryInput } from '../../contract/method.js';
import { AppError } from '../../domain/errors.js';
import { problemDetails } from '../../domain/issue-messages.js';
import { type Pain, unknownQuestionIds } from '../../domain/method/discovery.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { fieldError, parseInput } from '../validation.js';
import { type VisitRow, visits } from '../visits/visit-store.js';
import { chainVersion } from './discovery-store.js';

/** Row → the discovery part of a visit. */
export function toVisitDiscovery(row: VisitRow): VisitDiscovery {
  return {
    visitId: row.id,
    customerId: row.customer_id,
    discoveryVersion: row.discovery_version,
    answers: JSON.parse(row.discovery_answers) as VisitDiscovery['answers'],
    pains: JSON.parse(row.pains) as Pain[],
    version: row.version,
  };
}

/**
 * Replaces the visit's discovery answers and pains. The chain version must exist in the
 * workspace and every answered question must belong to it (VALIDATION.FAILED on the field);
 * a stale visit version is CONFLICT.STALE; a visit outside the caller's rights NOT_FOUND.
 */
export async function recordVisitDiscovery(
  deps: Deps,
  principal: Principal,
  visitId: string,
  input: unknown,
): Promise<VisitDiscovery> {
  const body = parseInput(visitDiscoveryInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await visits.find(trx, principal, visitId);
    if (before.version !== body.version) {
      throw new AppError('CONFLICT.STALE', {
        entity: 'visit',
        id: visitId,
        version: body.version,
        currentVersion: before.version,
      });
    }
    const chain = await chainVersion(trx, principal.workspaceId, body.discoveryVersion);
    if (!chain) {
      throw fieldError(
        'discoveryVersion',
        `the discovery chain has no version ${body.discoveryVersion}`,
        `需求挖掘问题链没有第 ${body.discoveryVersion} 版`,
      );
    }
    const unknown = unknownQuestionIds({ version: chain.version, questions: chain.questions }, body.answers);
    if (unknown.length > 0) {
      throw new AppError(
        'VALIDATION.FAILED',
        problemDetails(
          unknown.map((u) => ({
            path: `answers.${u.index}.questionId`,
            message: `"${u.questionId}" is not a question of version ${chain.version} of the discovery chain`,
            messageZh: `“${u.questionId}”不是第 ${chain.version} 版问题链中的问题`,
          })),
        ),
      );
    }
    const result = await trx
      .updateTable('visits')
      .set({
        discovery_version: body.discoveryVersion,
        discovery_answers: JSON.stringify(body.answers),
        pains: JSON.stringify(body.pains),
        updated_at: deps.clock().toISOString(),
        version: body.version + 1,
      })
      .where('workspace_id', '=', principal.workspaceId)
      .where('id', '=', visitId)
      .where('version', '=', body.version)
      .returningAll()
      .executeTakeFirst();
    if (!result)
      throw new AppError('CONFLICT.STALE', { entity: 'visit', id: visitId, version: body.version });
    const after = toVisitDiscovery(result);
    await recordAudit(trx, deps, principal, {
      entity: 'visit',
      entityId: visitId,
      action: 'update',
      before: toVisitDiscovery(before),
      after,
    });
    return after;
  });
}
