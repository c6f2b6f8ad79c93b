import { describe, expect, it } from 'vitest';
import { MONTHLY_SEMINAR, NO_HOLIDAYS, REPEAT_CLASSES } from '../../../test/harness/plan-settings.js';
import { FUNNEL_LINE_LABELS, funnelLines, funnelStages, missingInputLabel } from './funnel-lines.js';
import { buildPlan } from './plan.js';
import { parsePlanSettings } from './settings.js';

// Existing customers who buy again and seminars that sign new ones: the totals (all meetings,
// all new customers) then differ from the new-business funnel's stages, as on the demo plan.
const funnel = buildPlan(
  parsePlanSettings({
    target: '588万',
    year: 2030,
    classes: REPEAT_CLASSES,
    seminars: MONTHLY_SEMINAR,
  }),
  { holidays: NO_HOLIDAYS },
).funnel;

describe('the plan page funnel: chart and list read one set of lines', () => {
  const lines = funnelLines(funnel);
  const value = (key: string) => lines.find((l) => l.key === key)?.value;

  it('says every quantity once, under its own key', () => {
    expect(new Set(lines.map((l) => l.key)).size).toBe(lines.length);
    expect(value('meetingsTotal')).toBe(funnel.meetingsNeeded.total);
    expect(value('meetingsNew')).toBe(funnel.meetingsNeeded.new);
    expect(value('newCustomersNeeded')).toBe(funnel.newCustomersNeeded);
    expect(value('newByMeetings')).toBe(funnel.newByMeetings);
    // The parts add up to the totals they are listed under.
    expect((value('meetingsExisting') ?? 0) + (value('meetingsNew') ?? 0)).toBe(value('meetingsTotal'));
    expect((value('seminarSignings') ?? 0) + (value('newByMeetings') ?? 0)).toBe(value('newCustomersNeeded'));
  });

  it('draws as stages exactly the list’s new-business lines, widest first', () => {
    // This plan is one where a total and its stage differ, so a mix-up would show.
    expect(funnel.meetingsNeeded.total).toBeGreaterThan(funnel.meetingsNeeded.new);
    expect(funnel.newCustomersNeeded).toBeGreaterThan(funnel.newByMeetings);
    const stages = funnelStages(lines);
    expect(stages.map((s) => s.key)).toEqual(['meetingsNew', 'prospectsToMeet', 'newByMeetings']);
    for (const s of stages) expect(s.value).toBe(value(s.key));
    // ECharts sorts a funnel by value: the list's order must be that order.
    const values = stages.map((s) => s.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('has distinct words in both languages for every line', () => {
    for (const lang of ['zh', 'en'] as const) {
      const words = lines.map((l) => FUNNEL_LINE_LABELS[l.key][lang]);
      expect(new Set(words).size).toBe(lines.length);
    }
    for (const l of lines) expect(FUNNEL_LINE_LABELS[l.key].zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows no counts without the data behind them', () => {
    const unknown = buildPlan(
      parsePlanSettings({ target: '588万', year: 2030, classes: { A: { customers: 10 } } }),
      {
        holidays: NO_HOLIDAYS,
      },
    ).funnel;
    expect(unknown.verdict.status).toBe('unknown');
    expect(funnelLines(unknown)).toEqual([]);
  });
});

describe('missingInputLabel', () => {
  it('says each missing funnel input in words, in both languages', () => {
    for (const key of ['classes.A.averageOrder', 'classes.new.averageOrder', 'funnel.winRate']) {
      for (const lang of ['zh', 'en'] as const) {
        const words = missingInputLabel(key, lang);
        expect(words).not.toContain(key);
        expect(words.length).toBeGreaterThan(0);
      }
    }
    expect(missingInputLabel('classes.B.averageOrder', 'zh')).toBe('B 类客户的平均订单额');
    expect(missingInputLabel('funnel.winRate', 'en')).toBe('the win rate');
  });
});
