import { beforeEach, describe, expect, it } from 'vitest';
import { expectAppError, rejectedFields } from '../../../test/harness/app-errors.js';
import { engines } from '../../../test/harness/databases.js';
import { auditTrail } from '../../../test/harness/records.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import type { Principal } from '../context.js';
import { createCustomer } from '../customers/create-customer.js';
import { createDeal } from '../deals/create-deal.js';
import { createMarket } from '../markets/create-market.js';
import { updateMarket } from '../markets/update-market.js';
import { savePlan } from '../plans/save-plan.js';
import { createVisit } from '../visits/create-visit.js';
import { createSeminar } from './create-seminar.js';
import { deleteInvitation } from './delete-invitation.js';
import { deleteSeminar } from './delete-seminar.js';
import { getSeminar } from './get-seminar.js';
import { getSeminarQuotas } from './get-seminar-quotas.js';
import { getSeminarStats } from './get-seminar-stats.js';
import { inviteCustomers } from './invite-customers.js';
import { listInvitations } from './list-invitations.js';
import { listSeminars } from './list-seminars.js';
import { updateInvitation } from './update-invitation.js';
import { updateSeminar } from './update-seminar.js';

describe.each(engines)('seminars on $name', (engine) => {
  // 2026-03-02 10:00 in Shanghai.
  const ws = withWorkspace(engine, { foreign: true });

  const seminar = (by: Principal, heldOn: string, extra: Record<string, unknown> = {}) =>
    createSeminar(ws.deps, by, { title: `${heldOn} 会销`, heldOn, capacity: 30, ...extra });

  it('lets managers and leads plan, change and delete seminars, any member read them', async () => {
    const s = await seminar(ws.team.lead, '2026-03-20', {
      city: '杭州',
      venue: '总部三楼',
      notes: '请董事长',
    });
    expect(s).toMatchObject({
      title: '2026-03-20 会销',
      heldOn: '2026-03-20',
      city: '杭州',
      venue: '总部三楼',
      capacity: 30,
      status: 'planned',
      notes: '请董事长',
      version: 1,
    });
    expect(await getSeminar(ws.deps, ws.team.assistant, s.id)).toEqual(s);
    expect(await getSeminar(ws.deps, ws.team.otherLead, s.id)).toEqual(s);
    const u = await updateSeminar(ws.deps, ws.team.manager, s.id, {
      version: 1,
      status: 'held',
      capacity: 2000,
    });
    expect(u).toMatchObject({ status: 'held', capacity: 2000, version: 2, city: '杭州' });
    await expectAppError(
      updateSeminar(ws.deps, ws.team.lead, s.id, { version: 1, title: 'x' }),
      'CONFLICT.STALE',
    );
    await deleteSeminar(ws.deps, ws.team.lead, s.id);
    await expectAppError(getSeminar(ws.deps, ws.team.lead, s.id), 'NOT_FOUND');
    expect(await auditTrail(ws, s.id)).toEqual([
      { entity: 'seminar', action: 'create' },
      { entity: 'seminar', action: 'update' },
      { entity: 'seminar', action: 'delete' },
    ]);
  });

  it('forbids assistants to organise, hides other workspaces and checks the fields', async () => {
    const s = await seminar(ws.team.manager, '2026-03-20');
    await expectAppError(seminar(ws.team.assistant, '2026-03-20'), 'AUTH.FORBIDDEN');
    await expectAppError(
      updateSeminar(ws.deps, ws.team.assistant, s.id, { version: 1, title: 'x' }),
      'AUTH.FORBIDDEN',
    );
    await expectAppError(deleteSeminar(ws.deps, ws.team.assistant, s.id), 'AUTH.FORBIDDEN');
    await expectAppError(getSeminar(ws.deps, ws.foreign.manager, s.id), 'NOT_FOUND');
    await expectAppError(
      updateSeminar(ws.deps, ws.foreign.manager, s.id, { version: 1, title: 'x' }),
      'NOT_FOUND',
    );
    await expectAppError(deleteSeminar(ws.deps, ws.foreign.lead, s.id), 'NOT_FOUND');
    expect(await rejectedFields(seminar(ws.team.lead, '2026-03-20', { capacity: 0 }))).toEqual(['capacity']);
    expect(await rejectedFields(seminar(ws.team.lead, '2026-03-20', { capacity: 2001 }))).toEqual([
      'capacity',
    ]);
    expect(await rejectedFields(seminar(ws.team.lead, '2026-03-20', { status: 'done' }))).toEqual(['status']);
    expect(
      await rejectedFields(seminar(ws.team.lead, '2026-03-20', { workspaceId: ws.foreign.workspaceId })),
    ).toHaveLength(1);
    expect(await getSeminar(ws.deps, ws.team.lead, s.id)).toMatchObject({
      version: 1,
      title: '2026-03-20 会销',
    });
  });

  it('lists by date with from/to and cursor pages', async () => {
    const days = ['2026-01-15', '2026-02-15', '2026-03-15', '2026-04-15', '2026-05-15'];
    for (const d of days) await seminar(ws.team.lead, d);
    await seminar(ws.foreign.lead, '2026-03-01');
    const first = await listSeminars(ws.deps, ws.team.assistant, {
      from: '2026-02-01',
      to: '2026-05-15',
      limit: 2,
    });
    expect(first.items.map((s) => s.heldOn)).toEqual(['2026-05-15', '2026-04-15']);
    const second = await listSeminars(ws.deps, ws.team.assistant, {
      from: '2026-02-01',
      to: '2026-05-15',
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second.items.map((s) => s.heldOn)).toEqual(['2026-03-15', '2026-02-15']);
    expect(second.nextCursor).toBeNull();
    const asc = await listSeminars(ws.deps, ws.team.manager, { order: 'asc', to: '2026-02-15' });
    expect(asc.items.map((s) => s.heldOn)).toEqual(['2026-01-15', '2026-02-15']);
  });

  it('invites visible customers once, reporting those already invited, and refuses others', async () => {
    const s = await seminar(ws.team.lead, '2026-03-20');
    const a = await createCustomer(ws.deps, ws.team.assistant, { name: '富阳纸业' });
    const b = await createCustomer(ws.deps, ws.team.lead, { name: '萧山五金' });
    const other = await createCustomer(ws.deps, ws.team.otherLead, { name: '临安茶叶' });
    const first = await inviteCustomers(ws.deps, ws.team.assistant, s.id, { customerIds: [a.id] });
    expect(first.invited.map((i) => [i.customerId, i.rsvp, i.attended, i.invitedBy])).toEqual([
      [a.id, 'pending', false, ws.team.assistant.membershipId],
    ]);
    expect(first.alreadyInvited).toEqual([]);
    const second = await inviteCustomers(ws.deps, ws.team.lead, s.id, { customerIds: [a.id, b.id, b.id] });
    expect(second.invited.map((i) => i.customerId)).toEqual([b.id]);
    expect(second.alreadyInvited).toEqual([a.id]);
    // The assistant cannot see b (the lead's own customer) nor the other team's customer.
    expect(
      await rejectedFields(inviteCustomers(ws.deps, ws.team.assistant, s.id, { customerIds: [a.id, b.id] })),
    ).toEqual(['customerIds.1']);
    expect(
      await rejectedFields(inviteCustomers(ws.deps, ws.team.lead, s.id, { customerIds: [other.id] })),
    ).toEqual(['customerIds.0']);
    await expectAppError(
      inviteCustomers(ws.deps, ws.foreign.manager, s.id, { customerIds: [a.id] }),
      'NOT_FOUND',
    );
    const rows = await ws.db
      .selectFrom('seminar_invitations')
      .select('customer_id')
      .where('seminar_id', '=', s.id)
      .execute();
    expect(rows.map((r) => r.customer_id).sort()).toEqual([a.id, b.id].sort());
    expect((await listInvitations(ws.deps, ws.team.assistant, s.id)).map((i) => i.customerId)).toEqual([
      a.id,
    ]);
    expect((await listInvitations(ws.deps, ws.team.manager, s.id)).map((i) => i.customerId)).toEqual([
      a.id,
      b.id,
    ]);
    expect(await listInvitations(ws.deps, ws.team.otherLead, s.id)).toEqual([]);
  });

  it('refuses attendance before the seminar’s date (workspace time zone) and records it from that day', async () => {
    const s = await seminar(ws.team.lead, '2026-03-03');
    const c = await createCustomer(ws.deps, ws.team.lead, { name: '桐庐包装' });
    const [inv] = (await inviteCustomers(ws.deps, ws.team.lead, s.id, { customerIds: [c.id] })).invited;
    if (!inv) throw new Error('no invitation');
    const yes = await updateInvitation(ws.deps, ws.team.lead, inv.id, { version: 1, rsvp: 'yes' });
    expect(yes).toMatchObject({ rsvp: 'yes', attended: false, version: 2 });
    const refused = await expectAppError(
      updateInvitation(ws.deps, ws.team.lead, inv.id, { version: 2, attended: true }),
      'SEMINAR.NOT_YET_HELD',
    );
    expect(refused.details).toMatchObject({ heldOn: '2026-03-03' });
    // 16:00 UTC on 2 March is midnight of 3 March in Shanghai.
    ws.clock.advance(14 * 3600_000);
    const attended = await updateInvitation(ws.deps, ws.team.lead, inv.id, { version: 2, attended: true });
    expect(attended).toMatchObject({ rsvp: 'yes', attended: true, version: 3 });
    await expectAppError(
      updateInvitation(ws.deps, ws.team.lead, inv.id, { version: 2, rsvp: 'no' }),
      'CONFLICT.STALE',
    );
    await expectAppError(
      updateInvitation(ws.deps, ws.team.otherLead, inv.id, { version: 3, rsvp: 'no' }),
      'NOT_FOUND',
    );
    await expectAppError(deleteInvitation(ws.deps, ws.foreign.manager, inv.id), 'NOT_FOUND');
    await deleteInvitation(ws.deps, ws.team.lead, inv.id);
    expect(await listInvitations(ws.deps, ws.team.lead, s.id)).toEqual([]);
    expect(await auditTrail(ws, inv.id)).toEqual([
      { entity: 'seminar-invitation', action: 'create' },
      { entity: 'seminar-invitation', action: 'update' },
      { entity: 'seminar-invitation', action: 'update' },
      { entity: 'seminar-invitation', action: 'delete' },
    ]);
  });

  describe('quotas', () => {
    let fuyang: string;
    beforeEach(async () => {
      await updateMarket(ws.deps, ws.team.manager, ws.team.marketId, {
        version: 1,
        cities: ['杭州主城', '萧山'],
      });
      fuyang = (
        await createMarket(ws.deps, ws.team.manager, {
          name: '富阳/桐庐/临安',
          cities: ['富阳', '桐庐', '临安'],
          sharePercent: 40,
        })
      ).id;
      await createMarket(ws.deps, ws.team.manager, { name: '海外', cities: ['海外'], sharePercent: 10 });
    });

    it('splits the capacity without a plan, and counts the invitations made per city and class', async () => {
      const s = await seminar(ws.team.lead, '2026-03-20');
      const inHangzhou = (name: string) =>
        createCustomer(ws.deps, ws.team.lead, {
          name,
          marketId: ws.team.marketId,
          city: '杭州主城',
          class: 'A',
        });
      const hz = await inHangzhou('a');
      const hz2 = await inHangzhou('b');
      const hz3 = await inHangzhou('c');
      const fy = await createCustomer(ws.deps, ws.team.lead, {
        name: 'd',
        marketId: fuyang,
        city: '桐庐',
        class: 'new',
      });
      const lost = await createCustomer(ws.deps, ws.team.lead, { name: 'e', city: '宁波' });
      await inviteCustomers(ws.deps, ws.team.lead, s.id, {
        customerIds: [hz.id, hz2.id, hz3.id, fy.id, lost.id],
      });
      const q = await getSeminarQuotas(ws.deps, ws.team.assistant, s.id, {});
      expect(q).toMatchObject({
        invitations: 30,
        source: 'capacity',
        plan: null,
        classNeed: { A: 0, B: 0, C: 0, new: 0 },
      });
      expect(q.markets.map((m) => [m.name, m.sharePercent, m.quota, m.invited])).toEqual([
        ['杭州主城+萧山', 50, 15, 3],
        ['富阳/桐庐/临安', 40, 12, 1],
        ['海外', 10, 3, 0],
      ]);
      const hangzhou = q.markets[0]?.cities[0];
      expect(hangzhou).toMatchObject({ city: '杭州主城', quota: 8, invited: 3, remaining: 5 });
      // Without a plan the classes share equally: 8 → 2 each; 3 A invited against 2.
      expect(hangzhou?.classes).toEqual({
        A: { quota: 2, invited: 3, remaining: 0 },
        B: { quota: 2, invited: 0, remaining: 2 },
        C: { quota: 2, invited: 0, remaining: 2 },
        new: { quota: 2, invited: 0, remaining: 2 },
      });
      expect(q.markets[1]?.cities[1]?.classes.new).toEqual({ quota: 1, invited: 1, remaining: 0 });
      expect(q.unmatchedInvited).toBe(1);
      const all = q.markets.flatMap((m) =>
        m.cities.flatMap((c) => Object.values(c.classes).map((k) => k.quota)),
      );
      expect(all.reduce((a, b) => a + b, 0)).toBe(30);
      await expectAppError(getSeminarQuotas(ws.deps, ws.foreign.lead, s.id, {}), 'NOT_FOUND');
    });

    it('takes the plan’s invitations and class need for the seminar’s year, unless asked for a number', async () => {
      await savePlan(ws.deps, ws.team.manager, {
        target: '100万',
        year: 2026,
        classes: {
          A: { share: '20%', averageOrder: '10万' },
          B: { share: '30%', averageOrder: '10万' },
          C: { share: '10%', averageOrder: '10万' },
          new: { share: '40%', averageOrder: '10万' },
        },
        seminars: { perMonth: 1, invitations: 20, signRate: '10%' },
      });
      const s = await seminar(ws.team.lead, '2026-03-20');
      const q = await getSeminarQuotas(ws.deps, ws.team.lead, s.id, {});
      expect(q).toMatchObject({ invitations: 20, source: 'plan', plan: { year: 2026, revision: 1 } });
      expect(q.classNeed).toEqual({ A: 2, B: 3, C: 1, new: 4 });
      expect(q.markets.map((m) => m.quota)).toEqual([10, 8, 2]);
      // 杭州主城 5 over needs 2/3/1/4: 1, 1.5, 0.5, 2 → 1, 2, 0, 2 (ties to the earlier class).
      expect(q.markets[0]?.cities[0]?.classes).toMatchObject({
        A: { quota: 1 },
        B: { quota: 2 },
        C: { quota: 0 },
        new: { quota: 2 },
      });
      const asked = await getSeminarQuotas(ws.deps, ws.team.lead, s.id, { invitations: '7' });
      expect(asked).toMatchObject({ invitations: 7, source: 'query' });
      expect(asked.markets.reduce((n, m) => n + m.quota, 0)).toBe(7);
      // Another year has no plan: back to the capacity.
      const later = await seminar(ws.team.lead, '2027-01-20', { capacity: 12 });
      expect(await getSeminarQuotas(ws.deps, ws.team.lead, later.id, {})).toMatchObject({
        invitations: 12,
        source: 'capacity',
      });
      expect(
        await rejectedFields(getSeminarQuotas(ws.deps, ws.team.lead, s.id, { invitations: '-1' })),
      ).toEqual(['invitations']);
    });
  });

  it('computes the statistics on a small data set: attendees signing within 60 days against meeting-only customers', async () => {
    const m = ws.team.manager;
    const s1 = await seminar(m, '2026-01-10', { status: 'held' });
    const s2 = await seminar(m, '2026-02-10', { status: 'held' });
    const cancelled = await seminar(m, '2026-02-15', { status: 'cancelled' });
    await seminar(m, '2026-04-01');
    const customer = async (name: string, by: Principal = ws.team.lead) =>
      (await createCustomer(ws.deps, by, { name })).id;
    const deal = (customerId: string, signedOn: string) =>
      createDeal(ws.deps, m, { customerId, amountMinor: 2_980_000, signedOn });
    const invite = async (
      seminarId: string,
      customerId: string,
      rsvp: 'yes' | 'no' | 'pending',
      attended: boolean,
    ) => {
      const [inv] = (await inviteCustomers(ws.deps, m, seminarId, { customerIds: [customerId] })).invited;
      if (!inv) throw new Error('not invited');
      await updateInvitation(ws.deps, m, inv.id, { version: 1, rsvp, attended });
    };
    const [c1, c2, c3, c4, c5, c6, c7, c8] = await Promise.all(
      ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'].map((n) => customer(n)),
    );
    const o1 = await customer('o1', ws.team.otherLead);
    const ids = [c1, c2, c3, c4, c5, c6, c7, c8] as string[];
    const [i1, i2, i3, i4, i5, i6, i7, i8] = ids;
    if (!i1 || !i2 || !i3 || !i4 || !i5 || !i6 || !i7 || !i8) throw new Error('customers');
    await invite(s1.id, i1, 'yes', true);
    await deal(i1, '2026-01-20'); // signed 10 days after
    await invite(s1.id, i2, 'yes', true);
    await deal(i2, '2026-03-11'); // day 60: still counts
    await invite(s1.id, i3, 'yes', true);
    await deal(i3, '2026-03-12'); // day 61: too late
    await invite(s1.id, i4, 'yes', false);
    await deal(i4, '2026-01-15'); // signed, but did not attend
    await invite(s1.id, i5, 'no', false);
    await invite(s1.id, i6, 'pending', false);
    await invite(s1.id, i7, 'pending', true);
    await deal(i7, '2026-01-09'); // signed the day before: not the seminar's
    await invite(s2.id, i1, 'pending', true); // attended again, but signed before S2
    await invite(s2.id, i8, 'yes', true);
    await deal(i8, '2026-02-10'); // signed on the day
    await invite(s1.id, o1, 'yes', true); // another team's customer
    await deal(o1, '2026-01-11');
    await invite(cancelled.id, i6, 'yes', false);

    // Meeting-only: visited in the period, never invited.
    const v1 = await customer('m1');
    await createVisit(ws.deps, m, { customerId: v1, visitOn: '2026-01-05' });
    await deal(v1, '2026-02-01');
    const v2 = await customer('m2');
    await createVisit(ws.deps, m, { customerId: v2, visitOn: '2026-01-05' });
    await createVisit(ws.deps, m, { customerId: v2, visitOn: '2026-02-20' });
    await deal(v2, '2026-03-10'); // 64 days after the first visit in the period
    const v3 = await customer('m3');
    await createVisit(ws.deps, m, { customerId: v3, visitOn: '2026-02-01' });
    const v4 = await customer('m4');
    await createVisit(ws.deps, m, { customerId: v4, visitOn: '2025-12-20' }); // before the period
    await deal(v4, '2026-01-10');
    const v5 = await customer('m5');
    const cancelledVisit = await createVisit(ws.deps, m, { customerId: v5, visitOn: '2026-01-20' });
    await ws.db
      .updateTable('visits')
      .set({ status: 'cancelled' })
      .where('id', '=', cancelledVisit.id)
      .execute();
    await deal(v5, '2026-01-25');
    await createVisit(ws.deps, m, { customerId: i5, visitOn: '2026-01-06' }); // invited: not meeting-only

    const lead = await getSeminarStats(ws.deps, ws.team.lead, { from: '2026-01-01', to: '2026-02-28' });
    expect(lead).toEqual({
      from: '2026-01-01',
      to: '2026-02-28',
      class: null,
      signingWindowDays: 60,
      seminars: [
        {
          seminarId: s1.id,
          title: '2026-01-10 会销',
          heldOn: '2026-01-10',
          status: 'held',
          invited: 7,
          accepted: 4,
          attended: 4,
          signed: 2,
          signRatePercent: 50,
        },
        {
          seminarId: s2.id,
          title: '2026-02-10 会销',
          heldOn: '2026-02-10',
          status: 'held',
          invited: 2,
          accepted: 1,
          attended: 2,
          signed: 1,
          signRatePercent: 50,
        },
      ],
      total: { invited: 9, accepted: 5, attended: 6, signed: 3, signRatePercent: 50 },
      meetingOnly: { customers: 3, signed: 1, signRatePercent: 33.33 },
      differencePoints: 16.67,
    });
    // The manager also sees the other team's attendee (who signed).
    const all = await getSeminarStats(ws.deps, ws.team.manager, { from: '2026-01-01', to: '2026-02-28' });
    expect(all.seminars[0]).toMatchObject({
      invited: 8,
      accepted: 5,
      attended: 5,
      signed: 3,
      signRatePercent: 60,
    });
    expect(all.total).toEqual({ invited: 10, accepted: 6, attended: 7, signed: 4, signRatePercent: 57.14 });
    expect(all.differencePoints).toBe(23.81);
    // The other lead sees only their own customer.
    const other = await getSeminarStats(ws.deps, ws.team.otherLead, { from: '2026-01-01', to: '2026-02-28' });
    expect(other.total).toEqual({ invited: 1, accepted: 1, attended: 1, signed: 1, signRatePercent: 100 });
    expect(other.meetingOnly).toEqual({ customers: 0, signed: 0, signRatePercent: null });
    expect(other.differencePoints).toBeNull();
    expect(
      (await getSeminarStats(ws.deps, ws.foreign.manager, { from: '2026-01-01', to: '2026-02-28' })).seminars,
    ).toEqual([]);
    expect(
      await rejectedFields(getSeminarStats(ws.deps, m, { from: '2026-03-01', to: '2026-02-01' })),
    ).toEqual(['from']);
  });
});
