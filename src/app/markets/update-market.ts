/** Use case: update a market (managers only) under optimistic concurrency, with its audit entry. */

import { type Market, updateMarketInput } from '../../contract/markets.js';
import { AppError } from '../../domain/errors.js';
import { requireManager } from '../access.js';
import { recordAudit } from '../audit.js';
import type { Deps, Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { toBasisPoints, toMarket } from './market-schema.js';
import { findMarket, uniqueName } from './market-store.js';

/** Applies the given fields if `version` is current, else CONFLICT.STALE; a duplicate name is VALIDATION.FAILED on `name`. */
export async function updateMarket(
  deps: Deps,
  principal: Principal,
  id: string,
  input: unknown,
): Promise<Market> {
  const { version, ...fields } = parseInput(updateMarketInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const before = await findMarket(trx, principal, id);
    requireManager(principal);
    if (before.version !== version) {
      throw new AppError('CONFLICT.STALE', { entity: 'market', id, version, currentVersion: before.version });
    }
    const result = await uniqueName(
      trx
        .updateTable('markets')
        .set({
          ...(fields.name !== undefined ? { name: fields.name } : {}),
          ...(fields.cities !== undefined ? { cities: JSON.stringify(fields.cities) } : {}),
          ...(fields.sharePercent !== undefined ? { share_bp: toBasisPoints(fields.sharePercent) } : {}),
          updated_at: deps.clock().toISOString(),
          version: version + 1,
        })
        .where('workspace_id', '=', principal.workspaceId)
        .where('id', '=', id)
        // The version guard makes a concurrent writer that read the same version lose here.
        .where('version', '=', version)
        .returningAll()
        .executeTakeFirst(),
    );
    if (!result) throw new AppError('CONFLICT.STALE', { entity: 'market', id, version });
    const after = toMarket(result);
    await recordAudit(trx, deps, principal, {
      entity: 'market',
      entityId: id,
      action: 'update',
      before: toMarket(before),
      after,
    });
    return after;
  });
}
