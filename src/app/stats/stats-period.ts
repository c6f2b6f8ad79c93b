/**
 * The period a statistics page covers when the caller leaves it open: up to today and from
 * 1 January of that year ("this year so far"), the same for every statistic.
 */
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.js';
import type { IsoDate } from '../../domain/dates.js';
import type { Deps } from '../context.js';
import { fieldError } from '../validation.js';
import { workspaceToday } from '../workspace/workspace-today.js';

/**
 * `to` as asked, else the workspace's today; `from` as asked, else 1 January of `to`'s year.
 * VALIDATION.FAILED on `from` when it lies after `to`.
 */
export async function statsPeriod(
  db: Kysely<Schema>,
  deps: Pick<Deps, 'clock'>,
  workspaceId: string,
  asked: { readonly from?: IsoDate | undefined; readonly to?: IsoDate | undefined },
): Promise<{ from: IsoDate; to: IsoDate }> {
  const to = asked.to ?? (await workspaceToday(db, deps, workspaceId)).today;
  const from = asked.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw fieldError('from', 'must not be after to', '开始日期不能晚于结束日期');
  return { from, to };
}
