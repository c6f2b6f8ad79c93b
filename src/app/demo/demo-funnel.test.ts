import { describe, expect, it } from 'vitest';
import { addDays, toEpochDay, weekdayOfEpochDay } from '../../domain/dates.js';
import { seededRandom } from '../../domain/random.js';
import { prospectJourney } from './demo-funnel.js';

const TODAY = '2026-11-27';
const FIELD_DAYS = Array.from({ length: 331 }, (_, i) => addDays(TODAY, i - 330)).filter((d) => {
  const wd = weekdayOfEpochDay(toEpochDay(d));
  return wd >= 2 && wd <= 4;
});
const ORDER = ['lead', 'contacted', 'qualified', 'proposal'];

describe('prospectJourney', () => {
  const rand = seededRandom(7);
  const journeys = Array.from({ length: 2000 }, () =>
    prospectJourney(rand, FIELD_DAYS, TODAY, addDays(TODAY, -345)),
  );

  it('walks the funnel in order, dated by today, ending at the status it reports', () => {
    for (const j of journeys) {
      const days = j.steps.map(([, on]) => on);
      expect(days).toEqual([...days].sort());
      expect(days.every((d) => d <= TODAY)).toBe(true);
      expect(j.steps.at(-1)?.[0]).toBe(j.status);
      const stages = j.steps.map(([to]) => to);
      const open = stages.filter((s) => ORDER.includes(s));
      expect(open).toEqual(ORDER.slice(0, open.length));
      expect(j.meetings.length).toBeLessThanOrEqual(3);
      expect(j.meetings.every((d) => FIELD_DAYS.includes(d))).toBe(true);
      // Contacted at the first meeting; a win signs at the last one.
      if (j.meetings.length > 0) expect(j.steps[1]).toEqual(['contacted', j.meetings[0]]);
      if (j.status === 'won') expect(j.steps.at(-1)?.[1]).toBe(j.meetings.at(-1));
    }
  });

  it('has customers sit at proposal before the signing day when they sign at a later meeting', () => {
    for (const j of journeys.filter((x) => x.status === 'won' && x.meetings.length > 1)) {
      const proposal = j.steps.find(([to]) => to === 'proposal')?.[1] ?? '';
      expect(proposal < (j.meetings.at(-1) ?? '')).toBe(true);
      expect(proposal > (j.meetings[0] ?? '')).toBe(true);
    }
  });

  it('signs most at the second meeting, some at the first, few at the third; many leads are never met', () => {
    const won = journeys.filter((j) => j.status === 'won');
    const at = (n: number) => won.filter((j) => j.meetings.length === n).length / won.length;
    expect(at(2)).toBeGreaterThan(0.5);
    expect(at(1)).toBeGreaterThan(0.15);
    expect(at(1)).toBeLessThan(at(2));
    expect(at(3)).toBeGreaterThan(0);
    expect(at(3)).toBeLessThan(0.1);
    const neverMet = journeys.filter((j) => j.meetings.length === 0).length / journeys.length;
    expect(neverMet).toBeGreaterThan(0.3);
    expect(won.length / journeys.length).toBeLessThan(0.3);
  });
});
