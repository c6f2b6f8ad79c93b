/** Import and export in the API: an import job from a raw file body, its report and error file, and list exports. */
import { z } from 'zod';
import { IMPORT_TYPES } from '../domain/import/fields.js';
import { listContactsQuery } from './contacts.js';
import { listCustomersQuery } from './customers.js';
import { listDealsQuery } from './deals.js';
import { listFollowUpsQuery } from './follow-ups.js';
import { idParams, route } from './http.js';
import { getPlanQuery } from './plans.js';
import { listVisitsQuery } from './visits.js';

/** Options of a new import job. */
export const startImportInput = z.strictObject({
  type: z.enum(IMPORT_TYPES),
  format: z.enum(['csv', 'xlsx']),
  dryRun: z.boolean().default(false),
  mapping: z.string().max(5000).optional(),
  fileName: z.string().max(255).optional(),
  lang: z.enum(['zh', 'en']).default('zh'),
});

/** An import job as the API shows it. */
export const importJobView = z.object({
  id: z.string(),
  type: z.enum(IMPORT_TYPES),
  format: z.enum(['csv', 'xlsx']),
  fileName: z.string().nullable(),
  dryRun: z.boolean(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  counts: z.object({
    rowsRead: z.int(),
    created: z.int(),
    updated: z.int(),
    skipped: z.int(),
    rejected: z.int(),
  }),
  report: z
    .object({
      headerLine: z.int(),
      mapping: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
      /** The first 1,000 rows' outcomes. */
      rows: z.array(
        z.object({
          line: z.int(),
          action: z.enum(['create', 'update', 'skip', 'reject']),
          label: z.string(),
          id: z.string().optional(),
          reason: z.object({ zh: z.string(), en: z.string() }).optional(),
        }),
      ),
    })
    .nullable(),
  failure: z
    .object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type ImportJob = z.infer<typeof importJobView>;

/** Lists that can be exported. */
export const EXPORT_LISTS = ['customers', 'contacts', 'deals', 'visits', 'follow-ups', 'plan'] as const;

export type ExportList = (typeof EXPORT_LISTS)[number];

/** Filters of each list, as its list use case takes them (without paging). */
export const EXPORT_FILTERS = {
  customers: listCustomersQuery.omit({ limit: true, cursor: true }),
  contacts: listContactsQuery.omit({ limit: true, cursor: true }),
  deals: listDealsQuery.omit({ limit: true, cursor: true }),
  visits: listVisitsQuery.omit({ limit: true, cursor: true }),
  'follow-ups': listFollowUpsQuery.omit({ limit: true, cursor: true }),
  plan: getPlanQuery,
} as const;

/** Query of "start an import": the raw file is the body. */
export const importQuery = z.strictObject({
  type: z.enum(IMPORT_TYPES),
  dryRun: z.enum(['true', 'false', '1', '0']).optional(),
  format: z.enum(['csv', 'xlsx']).optional(),
  filename: z.string().max(255).optional(),
  /** `header=field,…` (URL-encoded). */
  mapping: z.string().max(5000).optional(),
  lang: z.enum(['zh', 'en']).optional(),
});

/** The formats a list is exported in. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFileFormat = (typeof EXPORT_FORMATS)[number];

const IMPORT_ERRORS = [400, 401, 403, 404, 413] as const;
const file = z.any().describe('The file');

/** The import routes. */
export const importRoutes = {
  start: route({
    method: 'POST',
    path: '/api/imports',
    summary: 'Import customers, contacts, deals or visits from the raw CSV/xlsx body (a job)',
    tags: ['import'],
    query: importQuery,
    status: 202,
    response: importJobView,
    errors: IMPORT_ERRORS,
  }),
  get: route({
    method: 'GET',
    path: '/api/imports/:id',
    summary: 'Status, progress and report of one of your imports',
    tags: ['import'],
    params: idParams,
    status: 200,
    response: importJobView,
    errors: IMPORT_ERRORS,
  }),
  errors: route({
    method: 'GET',
    path: '/api/imports/:id/errors',
    summary: 'The error file of an import: rejected rows with the reason, in the input’s format',
    tags: ['import'],
    params: idParams,
    status: 200,
    response: file,
    errors: IMPORT_ERRORS,
  }),
};

/** GET /api/exports/<list>.<format>: the list's filters apply; the answer is the file. */
export function exportRoute<L extends ExportList>(list: L, format: ExportFileFormat) {
  return route({
    method: 'GET',
    path: `/api/exports/${list}.${format}`,
    summary: `Export ${list} as ${format} (the list's filters apply)`,
    tags: ['export'],
    query: EXPORT_FILTERS[list].extend({ lang: z.enum(['zh', 'en']).optional() }),
    status: 200,
    response: file,
    errors: IMPORT_ERRORS,
  });
}
