/**
 * The migration set, in order. Listed in code (not discovered on disk) so that the same
 * list runs from `src/` under tests and from `dist/` in production.
 */
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_initial.js';
import * as m0002 from './0002_method.js';
import * as m0003 from './0003_imports.js';
import * as m0004 from './0004_calendar_feeds.js';
import * as m0005 from './0005_customer_list_counts.js';

/** Every migration by name; names sort in the order they must run. */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001_initial': m0001,
  '0002_method': m0002,
  '0003_imports': m0003,
  '0004_calendar_feeds': m0004,
  '0005_customer_list_counts': m0005,
};
