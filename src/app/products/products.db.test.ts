import { describe, expect, it } from 'vitest';
import { expectAppError } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { allPages, expectStaleUpdate } from '../../../test/harness/records.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createProduct } from './create-product.js';
import { deleteProduct } from './delete-product.js';
import { getProduct } from './get-product.js';
import { listProducts } from './list-products.js';
import { updateProduct } from './update-product.js';

describe.each(engines)('products on $name', (engine) => {
  const ws = withWorkspace(engine, { foreign: true });

  it('lets a manager create, update and delete, any member read, each write with an audit entry', async () => {
    const features = [{ name: '自动换梭', pains: ['停机多', '人工贵'] }];
    const p = await createProduct(ws.deps, ws.team.manager, {
      name: '织机',
      priceMinor: 9_900_000,
      features,
    });
    expect(p).toMatchObject({ name: '织机', priceMinor: 9_900_000, currency: 'CNY', features, version: 1 });
    for (const who of [ws.team.lead, ws.team.assistant, ws.team.otherAssistant]) {
      expect(await getProduct(ws.deps, who, p.id)).toEqual(p);
      expect((await listProducts(ws.deps, who, {})).items).toEqual([p]);
    }
    const u = await updateProduct(ws.deps, ws.team.manager, p.id, {
      version: 1,
      priceMinor: 8_800_000,
      currency: 'USD',
    });
    expect(u).toMatchObject({ priceMinor: 8_800_000, currency: 'USD', features, version: 2 });
    await deleteProduct(ws.deps, ws.team.manager, p.id);
    await expectAppError(getProduct(ws.deps, ws.team.lead, p.id), 'NOT_FOUND');
    expect((await ws.audit(p.id)).map((a) => [a.entity, a.action, a.actor_id])).toEqual([
      ['product', 'create', ws.team.manager.userId],
      ['product', 'update', ws.team.manager.userId],
      ['product', 'delete', ws.team.manager.userId],
    ]);
  });

  it('forbids writes to non-managers and hides other workspaces', async () => {
    const p = await createProduct(ws.deps, ws.team.manager, { name: '织机', priceMinor: 100 });
    for (const who of [ws.team.lead, ws.team.assistant]) {
      await expectAppError(createProduct(ws.deps, who, { name: 'x', priceMinor: 1 }), 'AUTH.FORBIDDEN');
      await expectAppError(updateProduct(ws.deps, who, p.id, { version: 1, name: 'x' }), 'AUTH.FORBIDDEN');
      await expectAppError(deleteProduct(ws.deps, who, p.id), 'AUTH.FORBIDDEN');
    }
    await expectAppError(getProduct(ws.deps, ws.foreign.manager, p.id), 'NOT_FOUND');
    await expectAppError(
      updateProduct(ws.deps, ws.foreign.manager, p.id, { version: 1, name: 'x' }),
      'NOT_FOUND',
    );
    await expectAppError(deleteProduct(ws.deps, ws.foreign.manager, p.id), 'NOT_FOUND');
    expect((await listProducts(ws.deps, ws.foreign.lead, {})).items).toEqual([]);
    expect(await getProduct(ws.deps, ws.team.lead, p.id)).toEqual(p);
    expect(await ws.audit(p.id)).toHaveLength(1);
  });

  it('answers CONFLICT.STALE to a stale version and writes nothing', async () => {
    const p = await createProduct(ws.deps, ws.team.manager, { name: '织机', priceMinor: 100 });
    await updateProduct(ws.deps, ws.team.manager, p.id, { version: 1, priceMinor: 200 });
    await expectStaleUpdate(
      ws,
      updateProduct(ws.deps, ws.team.manager, p.id, { version: 1, priceMinor: 300 }),
      () => getProduct(ws.deps, ws.team.lead, p.id),
      { priceMinor: 200, version: 2 },
      2,
    );
  });

  it('rejects unknown fields and bad values', async () => {
    for (const input of [
      { name: 'x', priceMinor: 1, workspaceId: 'w' },
      { name: 'x', priceMinor: -1 },
      { name: 'x', priceMinor: 0.5 },
      { name: 'x', priceMinor: 1, features: [{ name: 'f', pains: [], x: 1 }] },
    ]) {
      await expectAppError(createProduct(ws.deps, ws.team.manager, input), 'VALIDATION.FAILED');
    }
    expect(await ws.db.selectFrom('products').select('id').execute()).toHaveLength(0);
  });

  it('pages through every product exactly once', async () => {
    for (let i = 0; i < 12; i++)
      await createProduct(ws.deps, ws.team.manager, { name: `产品${i % 5}`, priceMinor: i });
    const paged = await allPages((page) => listProducts(ws.deps, ws.team.lead, page), 5);
    const seen = paged.map((p) => p.priceMinor);
    expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});
