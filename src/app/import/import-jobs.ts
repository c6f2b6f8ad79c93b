/**
 * Import jobs: the API takes a file, answers with a job id at once and imports in the
 * background of the same process; status, progress, the report and the error file live in
 * the database (import_jobs), so any app instance can answer for them. A job is its
 * starter's: another member (even a manager) gets NOT_FOUND, as for any record they may
 * not see — the report names rows of customers that may not be theirs.
 */
import { Readable, type Writable } from 'node:stream';
import type { Selectable } from 'kysely';
import { type ImportJob, startImportInput } from '../../contract/imports.js';
import type { ImportJobsTable } from '../../db/schema.js';
import { AppError, isAppError } from '../../domain/errors.js';
import { type Deps, loggerOf, type Principal } from '../context.js';
import { parseInput } from '../validation.js';
import { type ImportReport, importRecords, type RejectedRows, type RowOutcome } from './import-records.js';
import { writeErrorFile } from './write-error-file.js';

type JobRow = Selectable<ImportJobsTable>;

function toJob(row: JobRow): ImportJob {
  const report = row.report
    ? (JSON.parse(row.report) as { headerLine: number; mapping: ImportReport['mapping']; rows: RowOutcome[] })
    : null;
  return {
    id: row.id,
    type: row.type,
    format: row.format,
    fileName: row.file_name,
    dryRun: row.dry_run === 1,
    status: row.status,
    counts: {
      rowsRead: row.rows_read,
      created: row.created,
      updated: row.updated,
      skipped: row.skipped,
      rejected: row.rejected,
    },
    report: report
      ? { headerLine: report.headerLine, mapping: [...report.mapping], rows: report.rows }
      : null,
    failure: row.failure ? (JSON.parse(row.failure) as ImportJob['failure']) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Creates a queued job for `bytes` and returns it with `run`, which imports and records
 * the outcome (it never rejects: failures are stored on the job). Call `run` after
 * answering the request.
 */
export async function startImport(
  deps: Deps,
  principal: Principal,
  input: unknown,
  bytes: Uint8Array,
): Promise<{ job: ImportJob; run: () => Promise<void> }> {
  const p = parseInput(startImportInput, input);
  const now = deps.clock().toISOString();
  const row = await deps.db
    .insertInto('import_jobs')
    .values({
      id: deps.newId(),
      workspace_id: principal.workspaceId,
      user_id: principal.userId,
      type: p.type,
      format: p.format,
      file_name: p.fileName ?? null,
      dry_run: p.dryRun ? 1 : 0,
      lang: p.lang,
      status: 'queued',
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const id = row.id;
  const update = (values: Partial<Omit<JobRow, 'id' | 'workspace_id'>>) =>
    deps.db
      .updateTable('import_jobs')
      .set({ ...values, updated_at: deps.clock().toISOString() })
      .where('id', '=', id)
      .execute();
  const run = async () => {
    try {
      await update({ status: 'running' });
      const report = await importRecords(
        deps,
        principal,
        Readable.from([bytes]),
        {
          type: p.type,
          format: p.format,
          dryRun: p.dryRun,
          ...(p.mapping ? { mapping: p.mapping } : {}),
          ...(p.fileName ? { fileName: p.fileName } : {}),
        },
        {
          onProgress: async (c) => {
            await update({
              rows_read: c.rowsRead,
              created: c.created,
              updated: c.updated,
              skipped: c.skipped,
              rejected: c.rejected,
            });
          },
        },
      );
      const c = report.counts;
      await update({
        status: 'done',
        rows_read: c.rowsRead,
        created: c.created,
        updated: c.updated,
        skipped: c.skipped,
        rejected: c.rejected,
        report: JSON.stringify({ headerLine: report.headerLine, mapping: report.mapping, rows: report.rows }),
        errors: JSON.stringify(report.rejected),
      });
    } catch (error) {
      const failure = jobFailure(deps, id, error);
      await update({
        status: 'failed',
        failure: JSON.stringify({
          code: failure.code,
          message: failure.messageIn(p.lang),
          details: failure.details,
        }),
      }).catch((err: unknown) =>
        loggerOf(deps).error({ err, jobId: id }, 'import job: its failure could not be stored'),
      );
    }
  };
  return { job: toJob(row), run };
}

/**
 * What a failed job shows its starter. The user's own mistakes (a file without the
 * required columns, …) as they are; a server-side failure (a bug, the database gone) only
 * by a reference: the error, its stack and the reference go to the log, and the job keeps
 * INTERNAL (or DB.UNAVAILABLE, which says to retry) with `reason: "ref …"`, as the API's
 * answers do — never a driver's message, a path or SQL.
 */
function jobFailure(deps: Deps, jobId: string, error: unknown): AppError {
  if (isAppError(error) && error.httpStatus < 500) return error;
  const reference = deps.newId();
  loggerOf(deps).error({ err: error, jobId, reference }, 'import job failed');
  const code = isAppError(error) && error.code === 'DB.UNAVAILABLE' ? 'DB.UNAVAILABLE' : 'INTERNAL';
  return new AppError(code, { reason: `ref ${reference}` });
}

async function jobRow(deps: Deps, principal: Principal, id: string): Promise<JobRow> {
  const row = await deps.db
    .selectFrom('import_jobs')
    .selectAll()
    .where('workspace_id', '=', principal.workspaceId)
    .where('user_id', '=', principal.userId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', { entity: 'import', id });
  return row;
}

/** The caller's import job `id` (NOT_FOUND for anyone else's). */
export async function getImportJob(deps: Deps, principal: Principal, id: string): Promise<ImportJob> {
  return toJob(await jobRow(deps, principal, id));
}

/**
 * Writes the error file of the caller's job `id` to `out`, in the job's format and
 * language. A job still running has no error file yet (NOT_FOUND).
 */
export async function writeImportErrors(
  deps: Deps,
  principal: Principal,
  id: string,
  out: Writable,
): Promise<void> {
  const row = await jobRow(deps, principal, id);
  if (!row.errors) throw new AppError('NOT_FOUND', { entity: 'import errors', id });
  await writeErrorFile(JSON.parse(row.errors) as RejectedRows, row.format, row.lang, out);
}

/**
 * The format of job `id`'s error file (for the response's content type); NOT_FOUND while
 * the job has none yet (queued, running or failed), so nothing is streamed for it.
 */
export async function importErrorsFormat(
  deps: Deps,
  principal: Principal,
  id: string,
): Promise<'csv' | 'xlsx'> {
  const row = await jobRow(deps, principal, id);
  if (!row.errors) throw new AppError('NOT_FOUND', { entity: 'import errors', id });
  return row.format;
}
