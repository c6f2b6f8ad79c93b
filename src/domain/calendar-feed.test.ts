import { describe, expect, it } from 'vitest';
import type { HolidayData } from './calendar.js';
import { feedLang, followUpEvent, holidayEvents, seminarEvent, visitEvent } from './calendar-feed.js';

const spring = { zh: '春节', en: 'Spring Festival' };
const labour = { zh: '劳动节', en: 'Labour Day' };
const data: HolidayData = {
  years: new Set([2026]),
  holidays: new Map([
    ['2026-02-15', spring],
    ['2026-02-16', spring],
    ['2026-02-17', spring],
    ['2026-05-01', labour],
    ['2026-05-02', labour],
    ['2025-10-01', { zh: '国庆节', en: 'National Day' }],
  ]),
  workdays: new Map([
    ['2026-02-14', spring],
    ['2026-02-28', spring],
  ]),
};
const STAMP = '2026-03-02T02:00:00.000Z';

describe('holidayEvents', () => {
  it('joins consecutive days of one holiday, lists each make-up day, and keeps to the years asked for', () => {
    expect(
      holidayEvents(data, [2026, 2027], 'zh', STAMP).map((e) => [
        e.summary,
        e.startDate,
        e.endDate ?? null,
        e.uid,
      ]),
    ).toEqual([
      ['春节 调休上班', '2026-02-14', null, 'cn-workday-2026-02-14@closer'],
      ['春节 休', '2026-02-15', '2026-02-18', 'cn-holiday-2026-02-15@closer'],
      ['春节 调休上班', '2026-02-28', null, 'cn-workday-2026-02-28@closer'],
      ['劳动节 休', '2026-05-01', '2026-05-03', 'cn-holiday-2026-05-01@closer'],
    ]);
  });

  it('speaks English when asked and gives nothing for a year without data', () => {
    expect(holidayEvents(data, [2026], 'en', STAMP).map((e) => e.summary)).toContain(
      'Spring Festival (holiday)',
    );
    expect(holidayEvents(data, [2026], 'en', STAMP).map((e) => e.summary)).toContain(
      'Make-up working day (Spring Festival)',
    );
    expect(holidayEvents(data, [2030], 'zh', STAMP)).toEqual([]);
  });
});

describe('item events', () => {
  it.each([
    ['zh-CN', 'zh'],
    ['zh', 'zh'],
    ['en', 'en'],
    [null, 'en'],
  ] as const)('locale %s → %s', (locale, lang) => {
    expect(feedLang(locale)).toBe(lang);
  });

  it('names visits, follow-ups and seminars in the workspace language with stable UIDs', () => {
    const visit = {
      id: 'v1',
      customerName: '华盛纺织',
      visitOn: '2026-03-04',
      meetingNumber: 2,
      purpose: '报价',
      nextStep: null,
      city: '萧山',
      updatedAt: STAMP,
      version: 3,
    };
    expect(visitEvent(visit, 'zh')).toMatchObject({
      uid: 'v1@closer',
      summary: '拜访 华盛纺织（第2次）',
      description: '目的：报价',
      location: '萧山',
      sequence: 2,
    });
    expect(visitEvent(visit, 'en').summary).toBe('Visit 华盛纺织 (meeting 2)');
    const followUp = {
      id: 'f1',
      customerName: '华盛纺织',
      dueOn: '2026-03-06',
      kind: 'wechat',
      notes: null,
      updatedAt: STAMP,
      version: 1,
    };
    expect(followUpEvent(followUp, 'zh')).toMatchObject({
      summary: '跟进 华盛纺织：微信',
      transparent: true,
    });
    expect(followUpEvent({ ...followUp, kind: '寄样品' }, 'en').summary).toBe('Follow up 华盛纺织: 寄样品');
    const seminar = {
      id: 's1',
      title: '春季会销',
      heldOn: '2026-03-20',
      city: '杭州',
      venue: null,
      notes: null,
      updatedAt: STAMP,
      version: 1,
    };
    expect(seminarEvent(seminar, 'zh')).toMatchObject({
      uid: 's1@closer',
      summary: '会销 春季会销',
      location: '杭州',
    });
  });
});
