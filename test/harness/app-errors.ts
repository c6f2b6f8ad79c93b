/**
 * Assertions on the AppErrors a use case rejects with, shared by the database tests
 * instead of a `codeOf` / try-catch copy in each file.
 */
import { expect } from 'vitest';
import { AppError, type ErrorCode } from '../../src/domain/errors.js';

/**
 * Awaits `promise`, expects it to reject with an AppError of `code` (and, when `field` is
 * given, one whose validation details name that field), and returns the error so the test
 * can check more of it.
 */
export async function expectAppError(
  promise: Promise<unknown>,
  code: ErrorCode,
  field?: string,
): Promise<AppError> {
  let outcome: { rejected: false } | { rejected: true; error: unknown };
  try {
    await promise;
    outcome = { rejected: false };
  } catch (error) {
    outcome = { rejected: true, error };
  }
  if (!outcome.rejected) expect.fail(`expected a rejection with ${code}, but the promise resolved`);
  const { error } = outcome;
  if (!(error instanceof AppError)) throw error;
  expect(error.code).toBe(code);
  if (field !== undefined) expect(fieldPaths(error)).toContain(field);
  return error;
}

/** The paths of the fields a validation error names, in its order. */
export function fieldPaths(error: AppError): string[] {
  const fields = error.details.fields as Array<{ path: string }> | undefined;
  return (fields ?? []).map((f) => f.path);
}

/** The fields a rejected promise's AppError names (any code): for exact field-list checks. */
export async function rejectedFields(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return fieldPaths(error);
    throw error;
  }
  return expect.fail('expected a rejection naming fields, but the promise resolved');
}
