/**
 * Use case: write what a visit found out — the answers to the discovery chain (naming the
 * chain version they answer) and the pains with the real need behind each.
 */
import { visitDiscoveryInput } from '../../contract/method.js';
import { AppError } from '../../domain/errors.js';
import { problemDetails } from '../../domain/issue-messages.js';
import { unknownQuestionIds } from '../../domain/method/discovery.js';
import { defineUpdate } from '../record-update.js';
import { fieldError } from '../validation.js';
import { chainVersion, visitDiscoveries } from './discovery-store.js';

/**
 * Replaces the visit's discovery answers and pains. The chain version must exist in the
 * workspace and every answered question must belong to it (VALIDATION.FAILED on the field);
 * a stale visit version is CONFLICT.STALE; a visit outside the caller's rights NOT_FOUND.
 */
export const recordVisitDiscovery = defineUpdate(visitDiscoveries, visitDiscoveryInput, async (update) => {
  const { fields } = update;
  // A stale form hears CONFLICT.STALE before a field error.
  update.requireVersion();
  const chain = await chainVersion(update.trx, update.principal.workspaceId, fields.discoveryVersion);
  if (!chain) {
    throw fieldError(
      'discoveryVersion',
      `the discovery chain has no version ${fields.discoveryVersion}`,
      `需求挖掘问题链没有第 ${fields.discoveryVersion} 版`,
    );
  }
  const unknown = unknownQuestionIds({ version: chain.version, questions: chain.questions }, fields.answers);
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
  return update.save();
});
