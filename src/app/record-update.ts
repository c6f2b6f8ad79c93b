/**
 * The one shape of a use case that edits a record from a form the user read: parse the input
 * (its `version` apart), open a transaction, find the row the caller may see, let the use
 * case apply its rules, and write under the version guard with the audit entry. Each update
 * use case states only its rules (`defineUpdate(store, input, rules)`); the shape is here
 * once. See docs/ARCHITECTURE.md, "How to add a record type".
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Schema } from '../db/schema.js';
import type { Deps, Principal } from './context.js';
import type { RecordChanges, RecordRow, RecordStore, RecordTable } from './record-store.js';
import { parseInput } from './validation.js';

/** What an update use case's rules see: the row before, the parsed fields, and the write. */
export interface RecordUpdate<T extends RecordTable, View, Fields> {
  readonly trx: Kysely<Schema>;
  readonly deps: Deps;
  readonly principal: Principal;
  /** The row as the transaction found it (the caller may see it, or NOT_FOUND was thrown). */
  readonly before: RecordRow<T>;
  /** The version the form was read at. */
  readonly version: number;
  /** The input's fields but `version`; a field left out is undefined. */
  readonly fields: Fields;
  /**
   * CONFLICT.STALE unless `before` is at `version`: called first by rules whose stale form
   * must hear that before a field error (the guarded write checks it again).
   */
  requireVersion(): void;
  /** The input's fields as columns (`store.columnsOf`), for a use case that writes itself. */
  changes(): RecordChanges<T>;
  /** The audited write of the fields (`store.updateAudited`): what most rules end with. */
  save(): Promise<View>;
}

/**
 * Builds the update use case `(deps, principal, id, input) => result` of a record type:
 * `input` is parsed with `inputSchema` (VALIDATION.FAILED with a sentence per field), the row
 * is found in a transaction (NOT_FOUND outside the caller's rights), then `rules` runs in the
 * same transaction and returns the result — usually `update.save()` after its checks.
 */
export function defineUpdate<
  T extends RecordTable,
  View,
  Fields,
  Input extends z.ZodType<{ readonly version: number } & Partial<Fields>>,
  Result,
>(
  store: RecordStore<T, View, Fields>,
  inputSchema: Input,
  rules: (update: RecordUpdate<T, View, Omit<z.output<Input>, 'version'>>) => Promise<Result>,
): (deps: Deps, principal: Principal, id: string, input: unknown) => Promise<Result> {
  return async (deps, principal, id, input) => {
    const { version, ...fields } = parseInput(inputSchema, input);
    return deps.db.transaction().execute(async (trx) => {
      const before = await store.find(trx, principal, id);
      const changes = () => store.columnsOf(fields as Partial<Fields>);
      return rules({
        trx,
        deps,
        principal,
        before,
        version,
        fields,
        requireVersion: () => store.requireVersion(before, version),
        changes,
        save: () => store.updateAudited(trx, deps, principal, before, version, changes()),
      });
    });
  };
}
