import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import type { Deps, LogFields, Logger } from '../context.js';
import { getImportJob, startImport } from './import-jobs.js';

/** A logger that keeps what it is given (the log is not our storage: this is its only reader). */
function collectingLogger() {
  const entries: { level: string; fields: LogFields; message: string }[] = [];
  const at =
    (level: string) =>
    (fields: LogFields, message: string): void => {
      entries.push({ level, fields, message });
    };
  const log: Logger = { error: at('error'), warn: at('warn'), info: at('info') };
  return { log, entries };
}

describe.each(engines)('import jobs on $name', (engine) => {
  const ws = withWorkspace(engine);

  // 3 rows fail in the last batch, 600 in a batch written while the file is still being read.
  it.each([3, 600])(
    'a job that fails inside (%i rows) shows only a reference; the log has the error with the same reference',
    async (count) => {
      const { log, entries } = collectingLogger();
      const deps: Deps = { ...ws.deps, log };
      // A database that lost a table the import needs: the driver's message names it.
      await sql`drop table import_keys`.execute(ws.db);
      const names = Array.from({ length: count }, (_, i) => `客户${i + 1}`);
      const file = Buffer.from(['客户名称', ...names].join('\n'));
      const { job, run } = await startImport(
        deps,
        ws.team.lead,
        { type: 'customers', format: 'csv', lang: 'en' },
        file,
      );
      await run();
      const failed = await getImportJob(deps, ws.team.lead, job.id);
      expect(failed.status).toBe('failed');
      const reference = entries[0]?.fields.reference;
      expect(typeof reference).toBe('string');
      expect(failed.failure).toEqual({
        code: 'INTERNAL',
        message: `Internal error, please tell your administrator (ref ${reference})`,
        details: { reason: `ref ${reference}` },
      });
      expect(JSON.stringify(failed)).not.toMatch(/import_keys/);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ level: 'error', message: 'import job failed' });
      expect(entries[0]?.fields.jobId).toBe(job.id);
      const err = entries[0]?.fields.err as Error;
      expect(err).toBeInstanceOf(Error);
      expect(err.message).toMatch(/import_keys/);
      expect(err.stack).toBeTruthy();
      // Nothing of the failed batch was written.
      expect(await ws.db.selectFrom('customers').select('id').execute()).toEqual([]);
    },
  );

  it('a file the import cannot read fails with its own error, not a reference, and logs nothing', async () => {
    const { log, entries } = collectingLogger();
    const { job, run } = await startImport(
      { ...ws.deps, log },
      ws.team.lead,
      { type: 'customers', format: 'csv', lang: 'en' },
      Buffer.from('甲,乙\n1,2\n'),
    );
    await run();
    const failed = await getImportJob(ws.deps, ws.team.lead, job.id);
    expect(failed.status).toBe('failed');
    expect(failed.failure?.code).toBe('IMPORT.MISSING_COLUMNS');
    expect(entries).toEqual([]);
  });
});
