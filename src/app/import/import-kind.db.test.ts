/** kindWrites: how the engine writes a store kind's records (batch instant, a record changed meanwhile). */
import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createCustomer } from '../customers/create-customer.js';
import { createDeal } from '../deals/create-deal.js';
import { deals } from '../deals/deal-store.js';
import { updateDeal } from '../deals/update-deal.js';
import { kindWrites } from './import-kind.js';
import { dealKind } from './kinds/deals.js';

describe.each(engines)('kindWrites on $name', (engine) => {
  const ws = withWorkspace(engine);
  const now = '2026-05-04T03:02:01.000Z';

  it('inserts with the ids given, stamped with the batch instant, and updates a record at its version', async () => {
    const principal = ws.team.lead;
    const customerId = (await createCustomer(ws.deps, principal, { name: '杭州织造' })).id;
    const writes = kindWrites(dealKind, ws.deps, principal, now);
    const id = ws.deps.newId();
    const [row] = await writes.insert(ws.db, [
      {
        id,
        customer_id: customerId,
        owner_id: principal.membershipId,
        amount_minor: 500_000,
        currency: 'CNY',
        signed_on: '2026-05-01',
        expected_funds_on: null,
        funds_received_minor: 0,
        notes: null,
      },
    ]);
    expect(row).toMatchObject({
      id,
      workspace_id: principal.workspaceId,
      created_at: now,
      updated_at: now,
      version: 1,
    });
    if (!row) throw new Error('no row');
    const updated = await writes.update(ws.db, row, { notes: '补录' });
    expect(updated).toMatchObject({ id, notes: '补录', version: 2, updated_at: now });
    expect(writes.entity).toBe('deal');
    expect(writes.view(row)).toEqual(deals.toView(row));
  });

  it('answers undefined (not CONFLICT.STALE) for a record someone changed meanwhile, and writes nothing', async () => {
    const principal = ws.team.lead;
    const customerId = (await createCustomer(ws.deps, principal, { name: '富阳纸业' })).id;
    const deal = await createDeal(ws.deps, principal, { customerId, amountMinor: 300_000 });
    const read = await deals.find(ws.db, principal, deal.id);
    await updateDeal(ws.deps, principal, deal.id, { version: 1, notes: '先到' });
    const writes = kindWrites(dealKind, ws.deps, principal, now);
    expect(await writes.update(ws.db, read, { notes: '后到' })).toBeUndefined();
    expect(await deals.find(ws.db, principal, deal.id)).toMatchObject({ notes: '先到', version: 2 });
  });
});
