/**
 * Checks every record type's database test makes the same way — who may not reach a
 * record, a stale update that writes nothing, a list read to its end page by page, a
 * record's audit trail — and the customer several of them work on, written once here
 * instead of a copy per test file.
 */
import { expect } from 'vitest';
import type { Deps, Principal } from '../../src/app/context.js';
import { createCustomer } from '../../src/app/customers/create-customer.js';
import type { Page } from '../../src/app/pagination.js';
import type { AppError } from '../../src/domain/errors.js';
import { expectAppError } from './app-errors.js';
import type { Workspace } from './workspace.js';

/** The query a page reader sends: the page size and, after the first page, the cursor. */
export interface PageQuery {
  readonly limit: number;
  readonly cursor?: string;
}

/**
 * Reads a keyset-paged list to its end, `limit` items a page, following `nextCursor`;
 * returns every item in the order the pages gave them.
 */
export async function allPages<T>(list: (query: PageQuery) => Promise<Page<T>>, limit: number): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await list({ limit, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The read, update, delete and list use cases of one record type that is scoped to its customer. */
export interface RecordUseCases {
  get(deps: Deps, principal: Principal, id: string): Promise<unknown>;
  update(deps: Deps, principal: Principal, id: string, input: unknown): Promise<unknown>;
  remove(deps: Deps, principal: Principal, id: string): Promise<unknown>;
  list(deps: Deps, principal: Principal, query: unknown): Promise<Page<unknown>>;
}

/**
 * Expects the members who may not see record `id` of the team lead's customer — the other
 * lead, the other lead's assistant and the foreign workspace's manager — to be told
 * NOT_FOUND when they read it, update it with `change` or delete it, and to list none of
 * its type.
 */
export async function expectOutOfReach(
  ws: Workspace,
  id: string,
  useCases: RecordUseCases,
  change: Record<string, unknown>,
): Promise<void> {
  for (const who of [ws.team.otherLead, ws.team.otherAssistant, ws.foreign.manager]) {
    await expectAppError(useCases.get(ws.deps, who, id), 'NOT_FOUND');
    await expectAppError(useCases.update(ws.deps, who, id, change), 'NOT_FOUND');
    await expectAppError(useCases.remove(ws.deps, who, id), 'NOT_FOUND');
    expect((await useCases.list(ws.deps, who, {})).items).toEqual([]);
  }
}

/**
 * Expects `update`, made on a version already overtaken, to reject with CONFLICT.STALE and
 * to write nothing: the record `read()` gives afterwards still matches `current`, and it
 * still has exactly `auditEntries` audit entries. Returns the error for further checks.
 */
export async function expectStaleUpdate<T extends { readonly id: string }>(
  ws: Pick<Workspace, 'audit'>,
  update: Promise<unknown>,
  read: () => Promise<T>,
  current: Partial<T>,
  auditEntries: number,
): Promise<AppError> {
  const error = await expectAppError(update, 'CONFLICT.STALE');
  const record = await read();
  expect(record).toMatchObject(current);
  expect(await ws.audit(record.id)).toHaveLength(auditEntries);
  return error;
}

/** One audit entry as the tests compare them: what was changed and how. */
export interface AuditStep {
  readonly entity: string;
  readonly action: string;
}

/** The audit entries of record `id`, oldest first, as entity and action only. */
export async function auditTrail(ws: Pick<Workspace, 'audit'>, id: string): Promise<AuditStep[]> {
  return (await ws.audit(id)).map(({ entity, action }) => ({ entity, action }));
}

/**
 * Creates, as the team lead and through the use case, customer 杭州织造 with the lead's
 * assistant on it — the customer both the lead and the assistant may work on; returns its id.
 */
export async function createAssistedCustomer(ws: Workspace): Promise<string> {
  const input = { name: '杭州织造', assistantId: ws.team.assistant.membershipId };
  return (await createCustomer(ws.deps, ws.team.lead, input)).id;
}
