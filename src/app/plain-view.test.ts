import { describe, expect, it } from 'vitest';
import { plainView } from './record-store.js';

describe('plainView', () => {
  const row = {
    id: 'r1',
    title: '春季会销',
    held_on: '2026-04-01',
    attended: 1,
    created_at: '2026-01-01T00:00:00.000Z',
    updated_at: '2026-01-02T00:00:00.000Z',
    version: 3,
  };

  it('reads each field stored as shown from its column, with the id and the stamps', () => {
    const columns = {
      title: 'title',
      heldOn: 'held_on',
      attended: { column: 'attended', write: (attended: boolean) => (attended ? 1 : 0) },
    } as const;
    expect(plainView(row, columns)).toStrictEqual({
      id: 'r1',
      title: '春季会销',
      heldOn: '2026-04-01',
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-02T00:00:00.000Z',
      version: 3,
    });
  });
});
