/**
 * Input validation at the use-case boundary: every use case parses its input with a zod
 * schema, so the CLI, the API and tests get the same checks and the same error.
 */
import { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { fieldProblems, problemDetails } from '../domain/issue-messages.js';

/** Parses `input` or throws VALIDATION.FAILED with `details.fields = [{ path, message, messageZh }]`. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError('VALIDATION.FAILED', problemDetails(fieldProblems(result.error.issues, '(input)')));
}

/** A VALIDATION.FAILED for one field, for checks zod cannot make (references, rights). */
export function fieldError(path: string, message: string, messageZh = message): AppError {
  return new AppError('VALIDATION.FAILED', problemDetails([{ path, message, messageZh }]));
}

/** A boolean query parameter, given as JSON or as a query-string word ("true" / "false"). */
export const queryFlag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
