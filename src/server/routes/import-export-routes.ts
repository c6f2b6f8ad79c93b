/**
 * Routes of import and export:
 *
 * - `POST /api/imports?type=customers&dryRun=true&format=csv&filename=…&mapping=…` with the
 *   raw file as the body (`text/csv`, `application/octet-stream` or the xlsx type, up to
 *   50 MB; no multipart) → 202 and the job; the import runs in this process after the answer.
 * - `GET /api/imports/:id` → the job's status, counts (progress) and report.
 * - `GET /api/imports/:id/errors` → the error file (rejected rows + reason column).
 * - `GET /api/exports/{customers|contacts|deals|visits|follow-ups|plan}.{csv|xlsx}` with the
 *   list's filters → the file, streamed.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../app/context.js';
import { checkExport, exportList } from '../../app/export/export-list.js';
import type { ExportFormat } from '../../app/export/write-table.js';
import {
  getImportJob,
  importErrorsFormat,
  startImport,
  writeImportErrors,
} from '../../app/import/import-jobs.js';
import { formatOfFileName } from '../../app/import/read-table.js';
import { EXPORT_FORMATS, EXPORT_LISTS, exportRoute, importRoutes } from '../../contract/imports.js';
import { requirePrincipal } from '../auth.js';
import { requestLang } from '../lang.js';
import { serve } from '../serve.js';
import { callerRoutes } from './use-case-routes.js';

/** Largest import file accepted over HTTP. */
export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: XLSX_TYPE,
};

/** An ASCII-safe Content-Disposition for a download (RFC 6266 with a UTF-8 name). */
function attachment(reply: FastifyReply, name: string): void {
  reply.header(
    'content-disposition',
    `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
}

/**
 * Answers with the file `write` streams, named `name`. The headers go out before the
 * file is written, so a failure while streaming (already checked inputs, a lost database)
 * is logged and cuts the download short: the client sees a broken transfer, never a file
 * that looks complete.
 */
function download(
  request: FastifyRequest,
  reply: FastifyReply,
  name: string,
  format: ExportFormat,
  write: (out: PassThrough) => Promise<void>,
): FastifyReply {
  const out = new PassThrough();
  write(out).catch((error: unknown) => {
    request.log.error({ err: error }, `${name} failed while streaming`);
    out.destroy(error as Error);
  });
  reply.header('content-type', CONTENT_TYPES[format]);
  attachment(reply, name);
  return reply.send(out);
}

/** Registers /api/imports and /api/exports. */
export function registerImportExportRoutes(app: FastifyInstance, deps: Deps): void {
  // The raw-body parsers live in their own scope: no other route accepts CSV or bytes.
  app.register(async (scope) => {
    scope.addContentTypeParser(
      ['application/octet-stream', 'text/csv', 'text/plain', XLSX_TYPE],
      { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
      (_request, body, done) => done(null, body),
    );
    serve(
      scope,
      importRoutes.start,
      async ({ query: q }, request) => {
        const principal = requirePrincipal(request);
        const bytes = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const contentType = String(request.headers['content-type'] ?? '');
        const format =
          q.format ??
          (q.filename ? formatOfFileName(q.filename) : null) ??
          (contentType.startsWith(XLSX_TYPE) || (bytes[0] === 0x50 && bytes[1] === 0x4b) ? 'xlsx' : 'csv');
        const { job, run } = await startImport(
          deps,
          principal,
          {
            type: q.type,
            format,
            dryRun: q.dryRun === 'true' || q.dryRun === '1',
            ...(q.mapping ? { mapping: q.mapping } : {}),
            ...(q.filename ? { fileName: q.filename } : {}),
            lang: q.lang ?? requestLang(request),
          },
          bytes,
        );
        // After the answer: the job records its own outcome and never throws.
        setImmediate(() => void run());
        return job;
      },
      { bodyLimit: IMPORT_BODY_LIMIT },
    );
  });

  callerRoutes(app, deps).id(importRoutes.get, getImportJob);
  serve(app, importRoutes.errors, async ({ params }, request, reply) => {
    const principal = requirePrincipal(request);
    const format = await importErrorsFormat(deps, principal, params.id);
    return download(request, reply, `errors.${format}`, format, (out) =>
      writeImportErrors(deps, principal, params.id, out),
    );
  });

  for (const list of EXPORT_LISTS) {
    for (const format of EXPORT_FORMATS) {
      serve(app, exportRoute(list, format), async ({ query }, request, reply) => {
        const principal = requirePrincipal(request);
        const { lang: _lang, ...filters } = query as Record<string, unknown>;
        const input = { list, format, lang: requestLang(request), filters };
        await checkExport(deps, principal, input);
        return download(request, reply, `${list}.${format}`, format, (out) =>
          exportList(deps, principal, input, out),
        );
      });
    }
  }
}
