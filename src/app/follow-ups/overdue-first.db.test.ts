/**
 * "Overdue first everywhere": the follow-ups list puts the open overdue ones first (oldest
 * due first), then the other open ones by due date, then the done ones — and its keyset
 * cursor (done, due date, id) pages through that order without skipping or repeating.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { engines } from '../../../test/harness/databases.js';
import { allPages } from '../../../test/harness/records.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import { createCloseAttempt } from '../close-attempts/create-close-attempt.js';
import { createCustomer } from '../customers/create-customer.js';
import { createFollowUp } from './create-follow-up.js';
import { listFollowUps } from './list-follow-ups.js';

describe.each(engines)('overdue follow-ups first on $name', (engine) => {
  // Today is 2026-03-02 in Shanghai.
  const ws = withWorkspace(engine, { clock: '2026-03-02T02:00:00.000Z' });
  let customerId: string;

  beforeEach(async () => {
    customerId = (await createCustomer(ws.deps, ws.team.lead, { name: '杭州织造' })).id;
  });

  const label = (f: { dueOn: string; done: boolean; notes: string | null }) => `${f.notes}`;

  it('lists open overdue (oldest first), then open by due date, then done, and pages through it exactly', async () => {
    const spec: [string, boolean, string][] = [
      ['2026-03-09', false, 'upcoming-0309'],
      ['2026-02-20', true, 'done-0220'],
      ['2026-03-01', false, 'overdue-0301'],
      ['2026-03-02', false, 'today-0302'],
      ['2026-02-25', false, 'overdue-0225'],
      ['2026-03-01', false, 'overdue-0301b'],
      ['2026-03-05', true, 'done-0305'],
      ['2026-03-04', false, 'upcoming-0304'],
    ];
    const made = new Map<string, string>();
    for (const [dueOn, done, notes] of spec) {
      made.set(
        notes,
        (await createFollowUp(ws.deps, ws.team.lead, { customerId, dueOn, kind: 'call', done, notes })).id,
      );
    }
    // Ties on a date are ordered by id (creation order for UUIDv7).
    const expected = [
      'overdue-0225',
      'overdue-0301',
      'overdue-0301b',
      'today-0302',
      'upcoming-0304',
      'upcoming-0309',
      'done-0220',
      'done-0305',
    ];
    const all = (await listFollowUps(ws.deps, ws.team.lead, {})).items;
    expect(all.map(label)).toEqual(expected);
    const overdue = (await listFollowUps(ws.deps, ws.team.lead, { overdue: true })).items;
    expect(overdue.map(label)).toEqual(['overdue-0225', 'overdue-0301', 'overdue-0301b']);

    for (const limit of [1, 2, 3, 5]) {
      const paged = await allPages((page) => listFollowUps(ws.deps, ws.team.lead, page), limit);
      expect(paged.map(label)).toEqual(expected);
    }
  });

  it('keeps the cursor stable when follow-ups are added between pages, stall follow-ups included', async () => {
    for (const [dueOn, notes] of [
      ['2026-02-26', 'a'],
      ['2026-02-27', 'b'],
      ['2026-03-03', 'c'],
      ['2026-03-06', 'd'],
    ] as const) {
      await createFollowUp(ws.deps, ws.team.lead, { customerId, dueOn, kind: 'call', notes });
    }
    const first = await listFollowUps(ws.deps, ws.team.lead, { limit: 2 });
    expect(first.items.map(label)).toEqual(['a', 'b']);
    // A stall logged now adds a concern follow-up due 2026-03-04 and an older overdue one
    // appears; the next page continues after "b" without repeating or skipping.
    await createCloseAttempt(ws.deps, ws.team.lead, {
      customerId,
      attemptedOn: '2026-03-02',
      result: 'stall',
      objectionKey: 'think_about_it',
      concern: 'stall',
    });
    await createFollowUp(ws.deps, ws.team.lead, {
      customerId,
      dueOn: '2026-02-01',
      kind: 'call',
      notes: 'older',
    });
    const rest: string[] = [];
    let cursor = first.nextCursor ?? undefined;
    while (cursor) {
      const page = await listFollowUps(ws.deps, ws.team.lead, { limit: 2, cursor });
      rest.push(...page.items.map(label));
      cursor = page.nextCursor ?? undefined;
    }
    expect(rest).toEqual(['c', 'stall', 'd']);
    expect((await listFollowUps(ws.deps, ws.team.lead, {})).items.map(label)).toEqual([
      'older',
      'a',
      'b',
      'c',
      'stall',
      'd',
    ]);
  });
});
