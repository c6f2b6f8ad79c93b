/**
 * What one forecast request may cost the server: its runs are bounded (MAX_RUNS), and it
 * simulates in turns, so the health check — any other request — is answered while it runs,
 * not after it.
 */
import { describe, expect, it } from 'vitest';
import type { Logger } from '../src/app/context.js';
import { customers, newCustomerValues } from '../src/app/customers/customer-store.js';
import { savePlan } from '../src/app/plans/save-plan.js';
import { MAX_RUNS } from '../src/contract/progress.js';
import { STEP_WORK } from '../src/domain/method/forecast.js';
import { buildApp } from '../src/server/app.js';
import { bearer } from './harness/api.js';
import { engines } from './harness/databases.js';
import { withWorkspace } from './harness/workspace.js';

const LEADS = 300;

describe.each(engines)('the forecast on $name', (engine) => {
  const ws = withWorkspace(engine);

  it('answers the health check while it simulates, and refuses more runs than a request may ask', async () => {
    // 300 open leads: MAX_RUNS × 300 simulated pairs, many pauses of STEP_WORK each.
    expect((MAX_RUNS * LEADS) / STEP_WORK).toBeGreaterThanOrEqual(20);
    await savePlan(ws.deps, ws.team.manager, { target: '588万', year: 2026 });
    const leads = Array.from({ length: LEADS }, (_, i) =>
      newCustomerValues(ws.team.lead, { name: `线索${i}` }),
    );
    await customers.insertMany(ws.db, ws.deps, ws.team.lead, leads);
    // The use case says when the simulation starts; the health check is sent then.
    let simulating: () => void = () => undefined;
    const started = new Promise<void>((resolve) => {
      simulating = resolve;
    });
    const log: Logger = {
      error: () => undefined,
      warn: () => undefined,
      info: (_fields, message) => {
        if (message === 'forecast: simulating') simulating();
      },
    };
    const app = await buildApp({ ...ws.deps, log, dialect: ws.open.dialect });
    try {
      const headers = await bearer(ws.deps, ws.team.manager);
      let forecastAnswered = false;
      const forecast = app
        .inject({ url: `/api/forecast?year=2026&runs=${MAX_RUNS}`, headers })
        .then((answer) => {
          forecastAnswered = true;
          return answer;
        });
      await started;
      const health = await app.inject({ url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(forecastAnswered).toBe(false);
      const answer = await forecast;
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toMatchObject({ runs: MAX_RUNS, opportunities: LEADS });

      const tooMany = await app.inject({ url: `/api/forecast?year=2026&runs=${MAX_RUNS + 1}`, headers });
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual([
        'query.runs',
      ]);
    } finally {
      await app.close();
    }
  });
});
