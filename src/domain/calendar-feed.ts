/**
 * What a user's calendar feed shows, as iCalendar events: planned visits, open
 * follow-ups and the workspace's seminars (all-day events, since Closer plans by day), and
 * China's public holidays and make-up working days as a second calendar. Texts follow the
 * workspace's language (zh-CN: 拜访 客户名 / 跟进 … ; otherwise English).
 */
import type { HolidayData, HolidayName } from './calendar.js';
import { addDays } from './dates.js';
import type { IcsEvent } from './ics.js';

/** The feed's language. */
export type FeedLang = 'zh' | 'en';

/** `zh-CN`, `zh` … → zh; anything else → en. */
export function feedLang(locale: string | null | undefined): FeedLang {
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A planned visit with its customer. */
export interface FeedVisit {
  readonly id: string;
  readonly customerName: string;
  readonly visitOn: string;
  readonly meetingNumber: number;
  readonly purpose: string | null;
  readonly nextStep: string | null;
  readonly city: string | null;
  readonly updatedAt: string;
  readonly version: number;
}

/** An open follow-up with its customer. */
export interface FeedFollowUp {
  readonly id: string;
  readonly customerName: string;
  readonly dueOn: string;
  readonly kind: string;
  readonly notes: string | null;
  readonly updatedAt: string;
  readonly version: number;
}

/** A seminar of the workspace. */
export interface FeedSeminar {
  readonly id: string;
  readonly title: string;
  readonly heldOn: string;
  readonly city: string | null;
  readonly venue: string | null;
  readonly notes: string | null;
  readonly updatedAt: string;
  readonly version: number;
}

const KINDS: Record<string, Record<FeedLang, string>> = {
  visit: { zh: '拜访', en: 'visit' },
  call: { zh: '电话', en: 'call' },
  wechat: { zh: '微信', en: 'WeChat' },
  email: { zh: '邮件', en: 'email' },
  payment: { zh: '催款', en: 'payment' },
  seminar: { zh: '会销邀约', en: 'seminar invitation' },
};

const join = (parts: readonly (string | null | undefined)[], separator: string): string | null => {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p.trim() !== '');
  return kept.length > 0 ? kept.join(separator) : null;
};

/** A planned visit as an event: `拜访 杭州华盛纺织（第2次）` / `Visit 杭州华盛纺织 (meeting 2)`. */
export function visitEvent(visit: FeedVisit, lang: FeedLang): IcsEvent {
  const zh = lang === 'zh';
  return {
    uid: `${visit.id}@closer`,
    summary: zh
      ? `拜访 ${visit.customerName}（第${visit.meetingNumber}次）`
      : `Visit ${visit.customerName} (meeting ${visit.meetingNumber})`,
    description: join(
      [
        visit.purpose ? `${zh ? '目的：' : 'Purpose: '}${visit.purpose}` : null,
        visit.nextStep ? `${zh ? '下一步：' : 'Next step: '}${visit.nextStep}` : null,
      ],
      '\n',
    ),
    location: visit.city,
    startDate: visit.visitOn,
    stamp: visit.updatedAt,
    sequence: visit.version - 1,
    categories: [zh ? '拜访' : 'Visit'],
  };
}

/** An open follow-up as an all-day event on its due date. */
export function followUpEvent(followUp: FeedFollowUp, lang: FeedLang): IcsEvent {
  const zh = lang === 'zh';
  const kind = KINDS[followUp.kind]?.[lang] ?? followUp.kind;
  return {
    uid: `${followUp.id}@closer`,
    summary: zh ? `跟进 ${followUp.customerName}：${kind}` : `Follow up ${followUp.customerName}: ${kind}`,
    description: followUp.notes,
    startDate: followUp.dueOn,
    stamp: followUp.updatedAt,
    sequence: followUp.version - 1,
    categories: [zh ? '跟进' : 'Follow-up'],
    transparent: true,
  };
}

/** A seminar as an all-day event. */
export function seminarEvent(seminar: FeedSeminar, lang: FeedLang): IcsEvent {
  const zh = lang === 'zh';
  return {
    uid: `${seminar.id}@closer`,
    summary: zh ? `会销 ${seminar.title}` : `Seminar ${seminar.title}`,
    description: seminar.notes,
    location: join([seminar.city, seminar.venue], zh ? ' ' : ', '),
    startDate: seminar.heldOn,
    stamp: seminar.updatedAt,
    sequence: seminar.version - 1,
    categories: [zh ? '会销' : 'Seminar'],
  };
}

/**
 * Holidays and make-up working days of `years` as events: consecutive days off of one
 * holiday form one event (`春节 休` 2026-02-15 … 02-23), each make-up day its own
 * (`春节 调休上班`). Years without published data give no events. `stamp` is the DTSTAMP.
 */
export function holidayEvents(
  data: HolidayData,
  years: readonly number[],
  lang: FeedLang,
  stamp: string,
): IcsEvent[] {
  const zh = lang === 'zh';
  const inYears = (date: string) => years.includes(Number(date.slice(0, 4)));
  const label = (name: HolidayName) => (zh ? name.zh || name.en : name.en || name.zh);
  const events: IcsEvent[] = [];
  const holidays = [...data.holidays]
    .filter(([date]) => inYears(date))
    .sort(([a], [b]) => a.localeCompare(b));
  let run: { start: string; end: string; name: HolidayName } | undefined;
  const close = () => {
    if (!run) return;
    events.push({
      uid: `cn-holiday-${run.start}@closer`,
      summary: zh ? `${label(run.name)} 休` : `${label(run.name)} (holiday)`,
      startDate: run.start,
      endDate: addDays(run.end, 1),
      stamp,
      categories: [zh ? '法定节假日' : 'Public holiday'],
      transparent: true,
    });
  };
  for (const [date, name] of holidays) {
    if (run && run.name.en === name.en && addDays(run.end, 1) === date) {
      run.end = date;
      continue;
    }
    close();
    run = { start: date, end: date, name };
  }
  close();
  for (const [date, name] of [...data.workdays]
    .filter(([d]) => inYears(d))
    .sort(([a], [b]) => a.localeCompare(b))) {
    events.push({
      uid: `cn-workday-${date}@closer`,
      summary: zh ? `${label(name)} 调休上班` : `Make-up working day (${label(name)})`,
      startDate: date,
      stamp,
      categories: [zh ? '调休上班' : 'Make-up working day'],
      transparent: true,
    });
  }
  return events.sort((a, b) => a.startDate.localeCompare(b.startDate));
}
