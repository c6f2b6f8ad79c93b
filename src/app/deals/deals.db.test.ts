import { beforeEach, describe, expect, it } from 'vitest';
import { insertRow } from '../../../test/factories.js';
import { expectAppError, rejectedFields } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { allPages, expectOutOfReach, expectStaleUpdate } from '../../../test/harness/records.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createCustomer } from '../customers/create-customer.js';
import { createDeal } from './create-deal.js';
import { deleteDeal } from './delete-deal.js';
import { getDeal } from './get-deal.js';
import { listDeals } from './list-deals.js';
import { updateDeal } from './update-deal.js';

const useCases = { get: getDeal, update: updateDeal, remove: deleteDeal, list: listDeals };

describe.each(engines)('deals on $name', (engine) => {
  const ws = withWorkspace(engine, { foreign: true });
  let customerId: string;
  let p1: string;
  let p2: string;
  let p3: string;
  let foreignProduct: string;

  const product = (workspaceId: string, name: string) =>
    insertRow(ws.db, 'products', workspaceId, { name, price_minor: 100_000, currency: 'CNY' });

  beforeEach(async () => {
    customerId = (await createCustomer(ws.deps, ws.team.lead, { name: '杭州织造' })).id;
    p1 = await product(ws.team.workspaceId, '织机');
    p2 = await product(ws.team.workspaceId, '染色机');
    p3 = await product(ws.team.workspaceId, '维保');
    foreignProduct = await product(ws.foreign.workspaceId, '别家产品');
  });

  const links = async (dealId: string) =>
    (await ws.db.selectFrom('deal_products').select('product_id').where('deal_id', '=', dealId).execute())
      .map((r) => r.product_id)
      .sort();

  it('records, reads, updates (replacing the product set) and deletes a deal, each with an audit entry', async () => {
    const d = await createDeal(ws.deps, ws.team.lead, {
      customerId,
      amountMinor: 12_345_600,
      signedOn: '2026-03-02',
      expectedFundsOn: '2026-04-01',
      fundsReceivedMinor: 1_000_000,
      productIds: [p1, p2],
    });
    expect(d).toMatchObject({
      customerId,
      ownerId: ws.team.lead.membershipId,
      amountMinor: 12_345_600,
      currency: 'CNY',
      fundsReceivedMinor: 1_000_000,
      productIds: [p1, p2].sort(),
      version: 1,
    });
    expect(await getDeal(ws.deps, ws.team.manager, d.id)).toEqual(d);

    const u = await updateDeal(ws.deps, ws.team.lead, d.id, {
      version: 1,
      productIds: [p3, p2],
      fundsReceivedMinor: 12_345_600,
    });
    expect(u).toMatchObject({ productIds: [p2, p3].sort(), fundsReceivedMinor: 12_345_600, version: 2 });
    expect(await links(d.id)).toEqual([p2, p3].sort());
    const kept = await updateDeal(ws.deps, ws.team.lead, d.id, { version: 2, notes: '尾款已付' });
    expect(kept.productIds).toEqual([p2, p3].sort());

    await deleteDeal(ws.deps, ws.team.lead, d.id);
    await expectAppError(getDeal(ws.deps, ws.team.lead, d.id), 'NOT_FOUND');
    expect(await links(d.id)).toEqual([]);
    const entries = await ws.audit(d.id);
    expect(entries.map((a) => [a.entity, a.action])).toEqual([
      ['deal', 'create'],
      ['deal', 'update'],
      ['deal', 'update'],
      ['deal', 'delete'],
    ]);
    expect(JSON.parse(entries[1]?.before ?? '{}').productIds).toEqual([p1, p2].sort());
  });

  it('answers NOT_FOUND outside the rights and VALIDATION.FAILED for a customer or product the caller cannot use', async () => {
    const d = await createDeal(ws.deps, ws.team.lead, { customerId, amountMinor: 100, productIds: [p1] });
    await expectOutOfReach(ws, d.id, useCases, { version: 1, notes: 'hijack' });
    expect(
      await rejectedFields(createDeal(ws.deps, ws.team.otherLead, { customerId, amountMinor: 100 })),
    ).toEqual(['customerId']);
    expect(
      await rejectedFields(createDeal(ws.deps, ws.foreign.manager, { customerId, amountMinor: 100 })),
    ).toEqual(['customerId']);
    expect(
      await rejectedFields(
        createDeal(ws.deps, ws.team.lead, { customerId, amountMinor: 100, productIds: [foreignProduct] }),
      ),
    ).toEqual(['productIds']);
    // A bad product on update leaves both the deal and its product set untouched.
    expect(
      await rejectedFields(
        updateDeal(ws.deps, ws.team.lead, d.id, {
          version: 1,
          amountMinor: 200,
          productIds: [p2, foreignProduct],
        }),
      ),
    ).toEqual(['productIds']);
    expect(await getDeal(ws.deps, ws.team.lead, d.id)).toMatchObject({
      amountMinor: 100,
      productIds: [p1],
      version: 1,
    });
    expect(await ws.db.selectFrom('deals').select('id').execute()).toHaveLength(1);
  });

  it('keeps funds received between 0 and the amount, on create and against the stored row on update', async () => {
    expect(
      await rejectedFields(
        createDeal(ws.deps, ws.team.lead, { customerId, amountMinor: 100, fundsReceivedMinor: 101 }),
      ),
    ).toEqual(['fundsReceivedMinor']);
    await expectAppError(
      createDeal(ws.deps, ws.team.lead, { customerId, amountMinor: 0 }),
      'VALIDATION.FAILED',
    );
    await expectAppError(
      createDeal(ws.deps, ws.team.lead, { customerId, amountMinor: 1.5 }),
      'VALIDATION.FAILED',
    );
    await expectAppError(
      createDeal(ws.deps, ws.team.lead, { customerId, amountMinor: 100, fundsReceivedMinor: -1 }),
      'VALIDATION.FAILED',
    );
    const d = await createDeal(ws.deps, ws.team.lead, {
      customerId,
      amountMinor: 100,
      fundsReceivedMinor: 80,
    });
    expect(
      await rejectedFields(updateDeal(ws.deps, ws.team.lead, d.id, { version: 1, amountMinor: 50 })),
    ).toEqual(['fundsReceivedMinor']);
    expect(
      await rejectedFields(updateDeal(ws.deps, ws.team.lead, d.id, { version: 1, fundsReceivedMinor: 101 })),
    ).toEqual(['fundsReceivedMinor']);
    expect((await getDeal(ws.deps, ws.team.lead, d.id)).version).toBe(1);
  });

  it('answers CONFLICT.STALE to a stale version and writes nothing, products included', async () => {
    const d = await createDeal(ws.deps, ws.team.lead, { customerId, amountMinor: 100, productIds: [p1] });
    await updateDeal(ws.deps, ws.team.lead, d.id, { version: 1, notes: 'v2' });
    await expectStaleUpdate(
      ws,
      updateDeal(ws.deps, ws.team.manager, d.id, { version: 1, notes: 'stale', productIds: [p3] }),
      () => getDeal(ws.deps, ws.team.lead, d.id),
      { notes: 'v2', productIds: [p1], version: 2 },
      2,
    );
  });

  it('answers CONFLICT.STALE with the current version before a field error', async () => {
    const d = await createDeal(ws.deps, ws.team.lead, { customerId, amountMinor: 100 });
    await updateDeal(ws.deps, ws.team.lead, d.id, { version: 1, notes: 'v2' });
    const error = await expectAppError(
      updateDeal(ws.deps, ws.team.lead, d.id, {
        version: 1,
        fundsReceivedMinor: 200,
        productIds: [foreignProduct],
      }),
      'CONFLICT.STALE',
    );
    expect(error.details).toMatchObject({ entity: 'deal', id: d.id, version: 1, currentVersion: 2 });
  });

  it('rejects unknown fields and duplicate products', async () => {
    for (const input of [
      { customerId, amountMinor: 100, workspaceId: 'x' },
      { customerId, amountMinor: 100, productIds: [p1, p1] },
      { customerId, amountMinor: 100, currency: 'rmb' },
    ]) {
      await expectAppError(createDeal(ws.deps, ws.team.lead, input), 'VALIDATION.FAILED');
    }
    await expectAppError(listDeals(ws.deps, ws.team.lead, { sort: 'amount' }), 'VALIDATION.FAILED');
  });

  it('filters by customer and pages through every deal exactly once with its products', async () => {
    const other = (await createCustomer(ws.deps, ws.team.lead, { name: '富阳纸业' })).id;
    for (let i = 0; i < 11; i++) {
      await createDeal(ws.deps, ws.team.lead, {
        customerId: i % 2 === 0 ? customerId : other,
        amountMinor: 1000 + i,
        productIds: i % 3 === 0 ? [p1, p2] : [],
      });
    }
    for (const order of ['asc', 'desc'] as const) {
      const paged = await allPages((page) => listDeals(ws.deps, ws.team.lead, { order, ...page }), 4);
      for (const d of paged) {
        expect(d.productIds).toEqual((d.amountMinor - 1000) % 3 === 0 ? [p1, p2].sort() : []);
      }
      const seen = paged.map((d) => d.amountMinor);
      expect(new Set(seen).size).toBe(11);
      expect(seen).toHaveLength(11);
    }
    const mine = await listDeals(ws.deps, ws.team.lead, { customerId: other });
    expect(mine.items.map((d) => d.amountMinor)).toEqual([1001, 1003, 1005, 1007, 1009]);
  });
});
