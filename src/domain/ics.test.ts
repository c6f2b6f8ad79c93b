import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderCalendar } from './ics.js';

const octets = (text: string) => Buffer.byteLength(text, 'utf8');

describe('escapeText', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', 'a\\,b'],
    ['a;b', 'a\\;b'],
    ['back\\slash', 'back\\\\slash'],
    ['two\nlines', 'two\\nlines'],
    ['crlf\r\nline', 'crlf\\nline'],
    ['拜访，杭州；陈总', '拜访，杭州；陈总'],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('foldLine', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75));
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
  });

  it('never splits a Chinese character: 25 × 3 octets fit, the 26th moves to the next line', () => {
    const folded = foldLine('拜'.repeat(26));
    expect(folded).toBe(`${'拜'.repeat(25)}\r\n 拜`);
  });

  it('keeps every physical line within 75 octets, splits only between characters, and unfolds to the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (line) => {
        const folded = foldLine(line);
        const physical = folded.split('\r\n');
        for (const [i, part] of physical.entries()) {
          expect(octets(part)).toBeLessThanOrEqual(75);
          if (i > 0) expect(part.startsWith(' ')).toBe(true);
          // No lone surrogate at either end: a character was not cut in two.
          expect(part).toBe(Buffer.from(part, 'utf8').toString('utf8'));
        }
        expect(folded.replace(/\r\n /g, '')).toBe(line);
      }),
    );
  });
});

describe('renderCalendar', () => {
  const longText = `${'杭州华盛纺织有限公司董事长陈总，'.repeat(6)}带报价单; 路径 C:\\报价\n第二行`;
  const text = renderCalendar({
    name: '王磊的日程',
    timeZone: 'Asia/Shanghai',
    refreshMinutes: 60,
    events: [
      {
        uid: 'v1@closer',
        summary: '拜访 杭州华盛纺织',
        description: longText,
        location: '杭州, 萧山',
        startDate: '2026-03-03',
        stamp: '2026-03-01T08:30:00.000Z',
        sequence: 2,
        categories: ['拜访'],
      },
      {
        uid: 'h1@closer',
        summary: '春节（休）',
        startDate: '2026-02-15',
        endDate: '2026-02-24',
        stamp: '2026-01-01T00:00:00.000Z',
        transparent: true,
      },
    ],
  });

  it('ends every line with CRLF and keeps lines within 75 octets', () => {
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(text).toContain('X-WR-TIMEZONE:Asia/Shanghai\r\n');
    expect(text).toContain('X-PUBLISHED-TTL:PT60M\r\n');
    expect(text).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT60M\r\n');
  });

  it('is read back by ical.js with the same texts, dates and UIDs', () => {
    const calendar = new ICAL.Component(ICAL.parse(text));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('王磊的日程');
    const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).toEqual(['v1@closer', 'h1@closer']);
    const [visit, holiday] = events;
    expect(visit?.summary).toBe('拜访 杭州华盛纺织');
    expect(visit?.description).toBe(longText);
    expect(visit?.location).toBe('杭州, 萧山');
    expect(visit?.startDate.isDate).toBe(true);
    expect(visit?.startDate.toString()).toBe('2026-03-03');
    expect(visit?.endDate.toString()).toBe('2026-03-04');
    expect(visit?.sequence).toBe(2);
    expect(holiday?.endDate.toString()).toBe('2026-02-24');
    const stamp = events[0]?.component.getFirstPropertyValue('dtstamp') as ICAL.Time;
    expect(stamp.toJSDate().toISOString()).toBe('2026-03-01T08:30:00.000Z');
  });
});
