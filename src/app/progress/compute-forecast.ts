/**
 * Use case: the year-end forecast. The rates come from the whole workspace's history (more
 * observations, and rates reveal no record), measured as it was known on `asOf` (see
 * `measureHistory`); the opportunities, what is signed so far, the new-business run-rate and
 * the target are the caller's scope. Seed and runs default to the domain's DEFAULT_SEED and
 * DEFAULT_RUNS, the only defaults: the API, the CLI and the web all come through here, so
 * the same caller on the same day sees the same numbers everywhere.
 */
import { computeForecastInput } from '../../contract/progress.js';
import { type IsoDate, toEpochDay } from '../../domain/dates.js';
import { type Forecast, forecastSteps } from '../../domain/method/forecast.js';
import {
  FORECAST_GROUPS,
  indexHistory,
  type MeasuredHistory,
  measureHistory,
  snapshotAt,
} from '../../domain/method/sales-history.js';
import { type Deps, loggerOf, type Principal } from '../context.js';
import { runInTurns } from '../in-turns.js';
import { parseInput } from '../validation.js';
import { workspaceToday } from '../workspace/workspace-today.js';
import { clampToYear } from './compute-progress.js';
import { loadSalesHistory, restrictHistory } from './load-sales-history.js';
import { callerScope, requirePlan, scopedCustomerIds, signedDeals } from './progress-scope.js';

/** The forecast with what it was made from. */
export interface ForecastReport extends Forecast {
  readonly year: number;
  readonly revision: number;
  readonly asOf: IsoDate;
  readonly scope: 'workspace' | 'team';
  readonly history: {
    /** Opportunity-windows followed to measure the rates (one per opportunity per cut). */
    readonly outcomes: number;
    /** Signed deals whose sizes are sampled. */
    readonly dealSizes: number;
    /** Measurement cuts (weekly, back from asOf). */
    readonly cuts: number;
  };
}

/** Forecasts the year-end total of the caller's scope against its target. */
export async function computeForecast(
  deps: Deps,
  principal: Principal,
  input: unknown,
): Promise<ForecastReport> {
  const q = parseInput(computeForecastInput, input);
  const { today, timeZone } = await workspaceToday(deps.db, deps, principal.workspaceId);
  const year = q.year ?? Number(today.slice(0, 4));
  const asOf = clampToYear(today, year);
  const plan = await requirePlan(deps, principal, year, asOf);
  const scope = await callerScope(deps.db, principal);
  const db = deps.db;

  // The target of the scope: the team members' share of the plan, or the whole plan.
  const settings = plan.result.settings;
  const team = scope.memberNames && settings.membersGiven ? new Set(scope.memberNames) : undefined;
  const target = team
    ? plan.result.dimensions.members.filter((m) => team.has(m.name)).reduce((n, m) => n + m.amount, 0)
    : plan.result.year.amount;

  const signedByMonth = new Array<number>(12).fill(0);
  for (const d of await signedDeals(db, principal, scope, `${year}-01-01`, asOf)) {
    const m = Number(d.signedOn.slice(5, 7)) - 1;
    signedByMonth[m] = (signedByMonth[m] ?? 0) + d.amount;
  }

  const yearEnd: IsoDate = `${year}-12-31`;
  // Before the year starts the forecast is made from the day before it (clampToYear).
  const horizon = Math.max(0, toEpochDay(yearEnd) - toEpochDay(asOf));
  const history = await loadSalesHistory(db, principal.workspaceId, timeZone);
  const index = indexHistory(history);
  const workspace = measureHistory(index, asOf, horizon);
  let opportunities = snapshotAt(index, asOf);
  let measured: MeasuredHistory = workspace;
  if (scope.kind === 'team') {
    const ids = new Set(
      (
        await db
          .selectFrom('customers')
          .select('id')
          .where('id', 'in', scopedCustomerIds(db, scope))
          .execute()
      ).map((r) => r.id),
    );
    opportunities = opportunities.filter((o) => ids.has(o.key));
    // New business is the team's own run-rate; the win rates stay workspace-wide.
    const own = measureHistory(indexHistory(restrictHistory(history, ids)), asOf, horizon);
    measured = { ...workspace, newBusiness: own.newBusiness };
  }

  loggerOf(deps).info({ runs: q.runs, opportunities: opportunities.length }, 'forecast: simulating');
  // In turns: a server keeps answering other requests while the runs are simulated.
  const forecast = await runInTurns(
    forecastSteps({
      target,
      signedByMonth,
      asOf,
      yearEnd,
      opportunities,
      measured,
      runs: q.runs,
      seed: q.seed,
    }),
  );
  return {
    ...forecast,
    year,
    revision: plan.revision,
    asOf,
    scope: scope.kind,
    history: {
      outcomes: FORECAST_GROUPS.reduce((n, g) => n + workspace.groups[g].observed, 0),
      dealSizes: Object.values(workspace.dealSizes).reduce((n, l) => n + (l?.length ?? 0), 0),
      cuts: workspace.cuts,
    },
  };
}
