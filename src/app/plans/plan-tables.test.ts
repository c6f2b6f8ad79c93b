import { describe, expect, it } from 'vitest';
import { MONTHLY_SEMINAR, REPEAT_CLASSES } from '../../../test/harness/plan-settings.js';
import { FUNNEL_LINE_LABELS, funnelLines } from '../../domain/plan/funnel-lines.js';
import { chinaHolidayData } from '../holiday-data.js';
import { computePlan } from './compute-plan.js';
import { planTables } from './plan-tables.js';

const holidays = chinaHolidayData();

describe('the exported funnel sheet', () => {
  // Repeat customers and seminars, so the totals differ from the new-business stages.
  const plan = computePlan(
    {
      target: '588万',
      year: 2026,
      classes: REPEAT_CLASSES,
      seminars: MONTHLY_SEMINAR,
    },
    { holidays, now: new Date('2026-03-02T02:00:00Z') },
  );

  it.each(['zh', 'en'] as const)(
    'says each of the plan page’s lines in its words and numbers (%s)',
    (lang) => {
      const sheet = planTables(plan, lang).find((t) => t.key === 'funnel');
      const rows = sheet?.rows ?? [];
      const lines = funnelLines(plan.funnel);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) {
        const row = rows.find((r) => r[0] === FUNNEL_LINE_LABELS[line.key][lang]);
        expect(row, line.key).toBeDefined();
        expect(row?.at(-1), line.key).toBe(line.value);
      }
    },
  );
});
