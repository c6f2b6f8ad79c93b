/**
 * Calendar feeds over HTTP on both databases: the feed URL is created once, parsed by an
 * independent iCalendar parser (ical.js), shows only the owner's items, folds long Chinese
 * text and escapes special characters; a revoked or unknown token answers 404.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../src/app/context.js';
import { createCustomer } from '../src/app/customers/create-customer.js';
import { createFollowUp } from '../src/app/follow-ups/create-follow-up.js';
import { createVisit } from '../src/app/visits/create-visit.js';
import { insertRow } from './factories.js';
import { withApi } from './harness/api.js';
import { engines } from './harness/databases.js';
import { withWorkspace } from './harness/workspace.js';

const LONG_NAME = '杭州萧山华盛纺织品进出口有限公司（滨江分公司）第三事业部';
const PURPOSE = '谈价格, 带报价单; 路径 C:\\报价';

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string | null;
  location: string | null;
  start: string;
  end: string;
  isDate: boolean;
}

function parse(text: string): { name: unknown; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return {
    name: calendar.getFirstPropertyValue('x-wr-calname'),
    events: calendar.getAllSubcomponents('vevent').map((c) => {
      const e = new ICAL.Event(c);
      return {
        uid: e.uid,
        summary: e.summary,
        description: e.description ?? null,
        location: e.location ?? null,
        start: e.startDate.toString(),
        end: e.endDate.toString(),
        isDate: e.startDate.isDate,
      };
    }),
  };
}

describe.each(engines)('calendar feeds on $name', (engine) => {
  const ws = withWorkspace(engine, { foreign: true, clock: '2026-03-02T02:00:00.000Z' });
  const api = withApi(ws);

  const plannedVisit = async (owner: Principal, customerId: string, visitOn: string, purpose?: string) => {
    const visit = await createVisit(ws.deps, owner, { customerId, visitOn, ...(purpose ? { purpose } : {}) });
    await ws.db.updateTable('visits').set({ status: 'planned' }).where('id', '=', visit.id).execute();
    return visit.id;
  };
  const seminar = (workspaceId: string, title: string, heldOn: string, status = 'planned') =>
    insertRow(ws.db, 'seminars', workspaceId, {
      title,
      held_on: heldOn,
      city: '杭州',
      venue: '西湖国宾馆',
      capacity: 80,
      status: status as 'planned',
      notes: null,
      created_at: '2026-02-01T00:00:00.000Z',
      updated_at: '2026-02-01T00:00:00.000Z',
    });

  it("serves the owner's planned visits, open follow-ups and the workspace's seminars, and nothing of anyone else", async () => {
    const mine = await createCustomer(ws.deps, ws.team.lead, { name: LONG_NAME, city: '杭州' });
    const theirs = await createCustomer(ws.deps, ws.team.otherLead, { name: '赵强的客户' });
    const foreignCustomer = await createCustomer(ws.deps, ws.foreign.lead, { name: '宁波客户' });
    const visitId = await plannedVisit(ws.team.lead, mine.id, '2026-03-04', PURPOSE);
    // Done, so not in the feed; it makes the planned visit the customer's 2nd meeting.
    await createVisit(ws.deps, ws.team.lead, { customerId: mine.id, visitOn: '2026-02-20' });
    await plannedVisit(ws.team.otherLead, theirs.id, '2026-03-05');
    await plannedVisit(ws.foreign.lead, foreignCustomer.id, '2026-03-05');
    const followUp = await createFollowUp(ws.deps, ws.team.lead, {
      customerId: mine.id,
      dueOn: '2026-03-06',
      kind: 'call',
      notes: '问预算\n再约第二次',
      assigneeId: ws.team.lead.membershipId,
    });
    await createFollowUp(ws.deps, ws.team.lead, {
      customerId: mine.id,
      dueOn: '2026-03-07',
      kind: 'visit',
      assigneeId: ws.team.lead.membershipId,
      done: true,
    });
    await createFollowUp(ws.deps, ws.team.otherLead, {
      customerId: theirs.id,
      dueOn: '2026-03-06',
      kind: 'call',
      assigneeId: ws.team.otherLead.membershipId,
    });
    const seminarId = await seminar(ws.team.workspaceId, '春季新品会销', '2026-03-20');
    await seminar(ws.team.workspaceId, '取消的会销', '2026-03-21', 'cancelled');
    await seminar(ws.foreign.workspaceId, '宁波会销', '2026-03-20');

    const lead = await api.bearer(ws.team.lead);
    const created = await api.app.inject({ method: 'POST', url: '/api/calendar-feeds', headers: lead });
    expect(created.statusCode).toBe(201);
    const feed = created.json();
    expect(feed).toEqual({
      id: expect.any(String),
      includeHolidays: true,
      createdAt: '2026-03-02T02:00:00.000Z',
      revokedAt: null,
      url: expect.stringMatching(/^http:\/\/localhost(:80)?\/ics\/cal_[A-Za-z0-9_-]{43}\.ics$/),
      webcalUrl: expect.stringMatching(/^webcal:\/\/localhost(:80)?\/ics\/cal_[A-Za-z0-9_-]{43}\.ics$/),
      holidaysUrl: expect.stringMatching(/\/ics\/cal_[A-Za-z0-9_-]{43}\/holidays\.ics$/),
    });

    const res = await api.app.inject({ url: new URL(feed.url).pathname });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = res.body;
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).toMatch(/\r\n /); // the long Chinese summary was folded
    expect(text).toContain('X-WR-TIMEZONE:Asia/Shanghai\r\n');
    expect(text).toContain('谈价格\\, 带报价单\\; 路径 C:\\\\报价');

    const { name, events } = parse(text);
    expect(name).toBe('王磊的日程 · Closer');
    expect(events).toEqual([
      {
        uid: `${visitId}@closer`,
        summary: `拜访 ${LONG_NAME}（第2次）`,
        description: `目的：${PURPOSE}`,
        location: '杭州',
        start: '2026-03-04',
        end: '2026-03-05',
        isDate: true,
      },
      {
        uid: `${followUp.id}@closer`,
        summary: `跟进 ${LONG_NAME}：电话`,
        description: '问预算\n再约第二次',
        location: null,
        start: '2026-03-06',
        end: '2026-03-07',
        isDate: true,
      },
      {
        uid: `${seminarId}@closer`,
        summary: '会销 春季新品会销',
        description: null,
        location: '杭州 西湖国宾馆',
        start: '2026-03-20',
        end: '2026-03-21',
        isDate: true,
      },
    ]);

    // The other lead's feed has their own items and the seminar, never the lead's.
    const other = (
      await api.app.inject({
        method: 'POST',
        url: '/api/calendar-feeds',
        headers: await api.bearer(ws.team.otherLead),
      })
    ).json();
    const otherEvents = parse((await api.app.inject({ url: new URL(other.url).pathname })).body).events;
    expect(otherEvents.map((e) => e.summary)).toEqual([
      '拜访 赵强的客户（第1次）',
      '跟进 赵强的客户：电话',
      '会销 春季新品会销',
    ]);
  });

  it('lists own feeds without tokens, revokes them (then 404), and hides other people’s feeds', async () => {
    const lead = await api.bearer(ws.team.lead);
    const feed = (await api.app.inject({ method: 'POST', url: '/api/calendar-feeds', headers: lead })).json();
    const path = new URL(feed.url).pathname;
    expect((await api.app.inject({ url: path })).statusCode).toBe(200);

    const listed = await api.app.inject({ url: '/api/calendar-feeds', headers: lead });
    expect(listed.json()).toEqual({
      items: [{ id: feed.id, includeHolidays: true, createdAt: '2026-03-02T02:00:00.000Z', revokedAt: null }],
    });
    expect(
      (
        await api.app.inject({ url: '/api/calendar-feeds', headers: await api.bearer(ws.team.otherLead) })
      ).json(),
    ).toEqual({ items: [] });

    // Neither another member of the team nor another workspace can revoke it.
    for (const p of [ws.team.otherLead, ws.team.manager, ws.foreign.manager]) {
      const res = await api.app.inject({
        method: 'DELETE',
        url: `/api/calendar-feeds/${feed.id}`,
        headers: await api.bearer(p),
      });
      expect(res.statusCode).toBe(404);
    }
    expect(
      (await api.app.inject({ method: 'DELETE', url: `/api/calendar-feeds/${feed.id}`, headers: lead }))
        .statusCode,
    ).toBe(204);
    expect((await api.app.inject({ url: path })).statusCode).toBe(404);
    expect((await api.app.inject({ url: new URL(feed.holidaysUrl).pathname })).statusCode).toBe(404);
    expect(
      (await api.app.inject({ url: '/api/calendar-feeds', headers: lead })).json().items[0].revokedAt,
    ).toBe('2026-03-02T02:00:00.000Z');
    const audit = await ws.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', feed.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.stringify(audit)).not.toContain(path.slice(5, -4));

    for (const url of [
      '/ics/cal_unknownunknownunknownunknownunknownunknown1.ics',
      '/ics/nonsense',
      '/ics/x/holidays.ics',
    ]) {
      expect((await api.app.inject({ url })).statusCode).toBe(404);
    }
    expect((await api.app.inject({ method: 'POST', url: '/api/calendar-feeds' })).statusCode).toBe(401);

    // A member who leaves the workspace takes their feeds with them.
    const assistant = await api.app.inject({
      method: 'POST',
      url: '/api/calendar-feeds',
      headers: await api.bearer(ws.team.assistant),
    });
    const assistantPath = new URL(assistant.json().url).pathname;
    expect((await api.app.inject({ url: assistantPath })).statusCode).toBe(200);
    await ws.db.deleteFrom('memberships').where('id', '=', ws.team.assistant.membershipId).execute();
    expect((await api.app.inject({ url: assistantPath })).statusCode).toBe(404);
  });

  it("serves China's holidays and make-up working days as a second feed, only when asked for", async () => {
    const lead = await api.bearer(ws.team.lead);
    const feed = (
      await api.app.inject({ method: 'POST', url: '/api/calendar-feeds', headers: lead, payload: {} })
    ).json();
    const res = await api.app.inject({ url: new URL(feed.holidaysUrl).pathname });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const { name, events } = parse(res.body);
    expect(name).toBe('中国法定节假日与调休');
    // 2026: Spring Festival 2/15–2/23 off, make-up working days 2/14 and 2/28 (State Council).
    expect(events).toContainEqual(
      expect.objectContaining({ summary: '春节 休', start: '2026-02-15', end: '2026-02-24', isDate: true }),
    );
    expect(events).toContainEqual(
      expect.objectContaining({ summary: '春节 调休上班', start: '2026-02-14', end: '2026-02-15' }),
    );
    expect(events.every((e) => e.start.startsWith('2026') || e.start.startsWith('2027'))).toBe(true);
    expect(new Set(events.map((e) => e.uid)).size).toBe(events.length);

    const without = (
      await api.app.inject({
        method: 'POST',
        url: '/api/calendar-feeds',
        headers: lead,
        payload: { includeHolidays: false },
      })
    ).json();
    expect(without.holidaysUrl).toBeNull();
    const path = new URL(without.url).pathname.replace(/\.ics$/, '/holidays.ics');
    expect((await api.app.inject({ url: path })).statusCode).toBe(404);
    expect((await api.app.inject({ url: new URL(without.url).pathname })).statusCode).toBe(200);
  });

  it('speaks English for an English workspace and refuses unknown fields', async () => {
    await ws.db
      .updateTable('workspaces')
      .set({ locale: 'en' })
      .where('id', '=', ws.team.workspaceId)
      .execute();
    const customer = await createCustomer(ws.deps, ws.team.lead, { name: 'Acme, Inc.' });
    await plannedVisit(ws.team.lead, customer.id, '2026-03-04');
    const lead = await api.bearer(ws.team.lead);
    const bad = await api.app.inject({
      method: 'POST',
      url: '/api/calendar-feeds',
      headers: lead,
      payload: { token: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION.FAILED');
    const feed = (await api.app.inject({ method: 'POST', url: '/api/calendar-feeds', headers: lead })).json();
    const { name, events } = parse((await api.app.inject({ url: new URL(feed.url).pathname })).body);
    expect(name).toBe('王磊 · Closer');
    expect(events.map((e) => e.summary)).toEqual(['Visit Acme, Inc. (meeting 1)']);
  });
});
