import { describe, expect, it } from 'vitest';
import { engines } from '../../test/harness/databases.js';
import { createAssistedCustomer } from '../../test/harness/records.js';
import { withWorkspace } from '../../test/harness/workspace.js';
import { createCloseAttempt } from './close-attempts/create-close-attempt.js';
import { atOneInstant, type Deps } from './context.js';

describe('atOneInstant', () => {
  it('answers the same instant however often it is asked, and leaves the rest of deps as it was', () => {
    let tick = 0;
    const deps = { clock: () => new Date(Date.UTC(2026, 2, 2) + tick++ * 1000), newId: () => 'id' };
    const once = atOneInstant(deps);
    const [a, b] = [once.clock(), once.clock()];
    expect(a.toISOString()).toBe('2026-03-02T00:00:00.000Z');
    expect(b.toISOString()).toBe(a.toISOString());
    expect(once.newId).toBe(deps.newId);
  });
});

describe.each(engines)('one change, one instant, on $name', (engine) => {
  const ws = withWorkspace(engine);

  it('stamps a "no money" attempt, its funds follow-up and the customer’s funds date alike, on a clock that moves on every read', async () => {
    const customerId = await createAssistedCustomer(ws);
    let tick = 0;
    const start = ws.clock.now().getTime();
    const moving: Deps = { ...ws.deps, clock: () => new Date(start + ++tick * 1000) };
    const made = await createCloseAttempt(moving, ws.team.lead, {
      customerId,
      attemptedOn: '2026-03-03',
      result: 'stall',
      objectionKey: 'no_money',
      fundsOn: '2026-03-20',
      replyId: 'no_money.when',
    });
    const at = made.attempt.createdAt;
    const followUps = await ws.db
      .selectFrom('follow_ups')
      .select(['created_at', 'updated_at'])
      .where('close_attempt_id', '=', made.attempt.id)
      .execute();
    const customer = await ws.db
      .selectFrom('customers')
      .select(['updated_at', 'expected_funds_on'])
      .where('id', '=', customerId)
      .executeTakeFirstOrThrow();
    // Everything this change audited (the customer's own creation came before it).
    const audits = (
      await ws.db
        .selectFrom('audit_log')
        .select(['entity', 'action', 'at'])
        .where('at', '>', ws.clock.now().toISOString())
        .execute()
    ).map((a) => [a.entity, a.action, a.at]);
    expect(made.attempt.updatedAt).toBe(at);
    expect(followUps).toEqual([{ created_at: at, updated_at: at }]);
    expect(customer).toEqual({ updated_at: at, expected_funds_on: '2026-03-20' });
    expect(audits.sort()).toEqual([
      ['close_attempt', 'create', at],
      ['customer', 'update', at],
      ['follow_up', 'create', at],
    ]);
  });
});
