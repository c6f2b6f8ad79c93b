import { describe, expect, it } from 'vitest';
import { plainView } from './record-store.js';

describe('plainView', () => {
  it('reads each field stored as shown from its column, with the id and the stamps', () => {
    const stamps = { created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z', version: 3 };
    const row = { id: 'r1', title: '春季会销', held_on: '2026-04-01', attended: 1, ...stamps };
    const columns = {
      title: 'title',
      heldOn: 'held_on',
      // Stored differently: left to the store's toView.
      attended: { column: 'attended', write: (attended: boolean) => (attended ? 1 : 0) },
    } as const;
    expect(plainView(row, columns)).toStrictEqual({
      id: 'r1',
      title: '春季会销',
      heldOn: '2026-04-01',
      createdAt: stamps.created_at,
      updatedAt: stamps.updated_at,
      version: 3,
    });
  });
});
