/** keysetPage on both databases: every row once, in the order asked, ties broken by id, only the query's rows. */
import { describe, expect, it } from 'vitest';
import { expectAppError } from '../../test/harness/app-errors.js';
import { engines } from '../../test/harness/databases.js';
import { withWorkspace } from '../../test/harness/workspace.js';
import { keysetPage } from './pagination.js';

describe.each(engines)('keysetPage on $name', (engine) => {
  const ws = withWorkspace(engine, { foreign: true });
  const STAMP = '2026-03-01T00:00:00.000Z';
  // Names repeat so that the id has to break the ties; ids are inserted out of order.
  const rows = [
    ['p5', 'b'],
    ['p1', 'c'],
    ['p4', 'a'],
    ['p2', 'b'],
    ['p6', 'c'],
    ['p3', 'c'],
  ] as const;

  async function seed(): Promise<void> {
    await ws.db
      .insertInto('products')
      .values(
        [
          ...rows.map(([id, name]) => ({ id, name, workspace_id: ws.team.workspaceId })),
          { id: 'f1', name: 'a', workspace_id: ws.foreign.workspaceId },
        ].map((r) => ({ ...r, price_minor: 1, currency: 'CNY', created_at: STAMP, updated_at: STAMP })),
      )
      .execute();
  }

  async function walk(order: 'asc' | 'desc' | undefined): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const query = ws.db.selectFrom('products').selectAll().where('workspace_id', '=', ws.team.workspaceId);
      // A page of 4, then pages of 2: the cursor, not the page size, says where a page starts.
      const limit = pages.length === 0 ? 4 : 2;
      const page = await keysetPage(query, 'name', { limit, cursor, order }, (r) => r.id);
      pages.push(page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return pages;
  }

  it('pages ascending by default and descending when asked, by the column then the id', async () => {
    await seed();
    expect(await walk(undefined)).toEqual([
      ['p4', 'p2', 'p5', 'p1'],
      ['p3', 'p6'],
    ]);
    expect(await walk('desc')).toEqual([
      ['p6', 'p3', 'p1', 'p5'],
      ['p2', 'p4'],
    ]);
  });

  it('answers an empty last page without a cursor and refuses a cursor it did not give', async () => {
    await seed();
    const query = () =>
      ws.db.selectFrom('products').selectAll().where('workspace_id', '=', ws.team.workspaceId);
    const all = await keysetPage(query(), 'name', { limit: 6 }, (r) => r.id);
    expect(all).toEqual({ items: ['p4', 'p2', 'p5', 'p1', 'p3', 'p6'], nextCursor: null });
    await expectAppError(
      keysetPage(query(), 'name', { limit: 6, cursor: 'nope' }, (r) => r.id),
      'VALIDATION.FAILED',
    );
  });
});
