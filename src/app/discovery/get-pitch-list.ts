/** Use case: what to present to a customer — their pains and the products that answer them. */
import type { PitchList } from '../../contract/method.js';
import { buildPitchList, currentPains, type Pain } from '../../domain/method/discovery.js';
import type { Deps, Principal } from '../context.js';
import { requireVisibleCustomer } from '../customers/visible-customer.js';

/**
 * The customer's current pains (from their visits, newest first, one per category) and the
 * workspace's products ranked by how many of those pains their features answer.
 */
export async function getPitchList(deps: Deps, principal: Principal, customerId: string): Promise<PitchList> {
  await requireVisibleCustomer(deps.db, principal, customerId);
  const visits = await deps.db
    .selectFrom('visits')
    .select('pains')
    .where('workspace_id', '=', principal.workspaceId)
    .where('customer_id', '=', customerId)
    .where('status', '!=', 'cancelled')
    .orderBy('visit_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const pains = currentPains(visits.map((v) => ({ pains: JSON.parse(v.pains) as Pain[] })));
  const products = await deps.db
    .selectFrom('products')
    .select(['id', 'name', 'features'])
    .where('workspace_id', '=', principal.workspaceId)
    .execute();
  const items = buildPitchList(
    pains,
    products.map((p) => ({
      id: p.id,
      name: p.name,
      features: JSON.parse(p.features) as { name: string; pains: string[] }[],
    })),
  );
  return {
    customerId,
    pains,
    items: items.map((i) => ({ ...i, features: i.features.map((f) => ({ ...f, answers: [...f.answers] })) })),
  };
}
