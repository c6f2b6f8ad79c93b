/**
 * What the demo's base seeding hands to the seeders of each area of the method
 * (qualification, close attempts, seminars …), so each area fills its own tables in its
 * own module without changing the others' random sequences.
 */
import type { Random } from '../../domain/random.js';
import type { Deps, Principal } from '../context.js';
import type { ProspectJourney } from './demo-funnel.js';

/** The seeded demo workspace. */
export interface DemoContext {
  readonly workspaceId: string;
  /** Today in the workspace's time zone (YYYY-MM-DD). */
  readonly today: string;
  readonly manager: Principal;
  readonly lead: Principal;
  readonly prospecting: Principal;
  readonly afterSales: Principal;
  readonly marketIds: readonly string[];
  readonly productIds: readonly string[];
  /** Each prospect's stage changes as its funnel journey made them (demo-funnel.ts). */
  readonly journeys: ReadonlyMap<string, ProspectJourney['steps']>;
}

/**
 * A demo seeder of one area: runs after the base data (customers, contacts, visits,
 * deals, follow-ups, plan) exists. `rand` is its own seeded generator. Returns counts of
 * what it added, merged into the demo's summary.
 */
export type DemoAreaSeeder = (
  deps: Deps,
  ctx: DemoContext,
  rand: Random,
) => Promise<Readonly<Record<string, number>>>;
