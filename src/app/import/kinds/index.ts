/** The import's record types: one ImportKind per type of IMPORT_TYPES, each run by the same engine. */
import type { ImportType } from '../../../domain/import/fields.js';
import { type ImportRun, importBatch } from '../import-batch.js';
import type { MappedRow } from '../import-kind.js';
import { contactKind } from './contacts.js';
import { customerKind } from './customers.js';
import { dealKind } from './deals.js';
import { visitKind } from './visits.js';

/** Handles one batch of rows of a run. */
export type BatchHandler = (run: ImportRun, rows: readonly MappedRow[]) => Promise<void>;

// One closure per type keeps each kind's own column and record types (a union of kinds
// could not be passed to the generic engine).
const HANDLERS: Record<ImportType, BatchHandler> = {
  customers: (run, rows) => importBatch(customerKind, run, rows),
  contacts: (run, rows) => importBatch(contactKind, run, rows),
  deals: (run, rows) => importBatch(dealKind, run, rows),
  visits: (run, rows) => importBatch(visitKind, run, rows),
};

/** The batch handler of record type `type`. */
export function batchHandler(type: ImportType): BatchHandler {
  return HANDLERS[type];
}
