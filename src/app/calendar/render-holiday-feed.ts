/** Use case: the ICS text of the holiday feed behind a calendar feed's token. */
import { holidayEvents } from '../../domain/calendar-feed.js';
import { dateInTimeZone } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import { renderCalendar } from '../../domain/ics.js';
import type { Deps } from '../context.js';
import { chinaHolidayData } from '../holiday-data.js';
import { feedContext } from './feed-context.js';

/**
 * The holiday feed behind `token`: China's public holidays and make-up working days of
 * this year and next (in the workspace's time zone). NOT_FOUND when the feed was created
 * without holidays, revoked, or unknown.
 */
export async function renderHolidayFeed(deps: Deps, token: string): Promise<string> {
  const ctx = await feedContext(deps, token);
  if (!ctx.includeHolidays) throw new AppError('NOT_FOUND', { entity: 'calendar_feed' });
  const year = Number(dateInTimeZone(deps.clock(), ctx.timeZone).slice(0, 4));
  const zh = ctx.lang === 'zh';
  return renderCalendar({
    name: zh ? '中国法定节假日与调休' : "China's public holidays",
    description: zh
      ? '国务院公布的放假与调休上班安排（来自 chinese-days）'
      : 'Public holidays and make-up working days published by the State Council (from chinese-days)',
    timeZone: ctx.timeZone,
    refreshMinutes: 24 * 60,
    events: holidayEvents(chinaHolidayData(), [year, year + 1], ctx.lang, deps.clock().toISOString()),
  });
}
