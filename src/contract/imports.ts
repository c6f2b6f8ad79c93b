import { z } from 'zod';
import { IMPORT_TYPES } from '../domain/import/fields.js';

/** Options of a new import job. */
export const startImportInput = z.strictObject({
  type: z.enum(IMPORT_TYPES),
  format: z.enum(['csv', 'xlsx']),
  dryRun: z.boolean().default(false),
  mapping: z.string().max(5000).optional(),
  fileName: z.string().max(255).optional(),
  lang: z.enum(['zh', 'en']).default('zh'),
});

export type StartImportInput = z.input<typeof startImportInput>;

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
