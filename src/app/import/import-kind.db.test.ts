/**
 * kindWrites: how the engine writes a store kind's records (batch instant, a record changed
 * meanwhile); importBatch: what the engine does with a row whose record changed meanwhile.
 */
import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createCustomer } from '../customers/create-customer.js';
import { createDeal } from '../deals/create-deal.js';
import { deals } from '../deals/deal-store.js';
import { updateDeal } from '../deals/update-deal.js';
import type { RowOutcome } from './import-batch.js';
import { importBatch } from './import-batch.js';
import { kindWrites, loadLookups, type MappedRow } from './import-kind.js';
import { customerKind } from './kinds/customers.js';
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

  it('rejects the row of a record changed after the batch read it and writes the rest, with their audit', async () => {
    const principal = ws.team.manager;
    const taken = await createCustomer(ws.deps, principal, { name: '杭州织造', city: '杭州' });
    // The batch reads the stored records, then a colleague's save lands before it writes:
    // a real write on the batch's own transaction, between the engine's read and its write.
    const racing: typeof customerKind = {
      ...customerKind,
      async findExisting(db, caller, drafts) {
        const existing = await customerKind.findExisting(db, caller, drafts);
        await db
          .updateTable('customers')
          .set({ notes: '同事刚改', version: 2 })
          .where('id', '=', taken.id)
          .execute();
        return existing;
      },
    };
    const row = (line: number, cells: Record<string, string>): MappedRow => ({
      line,
      cells: Object.values(cells),
      get: (field) => cells[field] ?? null,
    });
    const outcomes: RowOutcome[] = [];
    await importBatch(
      racing,
      {
        deps: ws.deps,
        principal,
        dryRun: false,
        context: { principal, lookups: await loadLookups(ws.db, principal) },
        seen: new Map(),
        decide: (outcome) => outcomes.push(outcome),
      },
      [row(2, { name: '杭州织造', city: '萧山' }), row(3, { name: '富阳纸业', city: '富阳' })],
    );
    expect(outcomes.map((o) => [o.line, o.action, o.reason?.en])).toEqual([
      [2, 'reject', 'Someone changed this record meanwhile: import again'],
      [3, 'create', undefined],
    ]);
    const stored = await ws.db.selectFrom('customers').select(['name', 'city', 'notes', 'version']).execute();
    // In code-point order: the databases' collations of Chinese names differ.
    stored.sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(stored).toEqual([
      { name: '富阳纸业', city: '富阳', notes: null, version: 1 },
      { name: '杭州织造', city: '杭州', notes: '同事刚改', version: 2 },
    ]);
    const created = outcomes[1]?.id ?? '';
    expect((await ws.audit(created)).map((a) => a.action)).toEqual(['create']);
    expect((await ws.audit(taken.id)).map((a) => a.action)).toEqual(['create']);
  });
});
