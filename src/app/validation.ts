/**
 * Input validation at the use-case boundary: every use case parses its input with a zod
 * schema, so the CLI, the API and tests get the same checks and the same error.
 */
import type { z } from 'zod';
import { AppError } from '../domain/errors.js';
import { fieldProblems, fieldSentence, sentenceDetails } from '../domain/issue-messages.js';

/**
 * Parses `input` or throws VALIDATION.FAILED with `details.fields = [{ path, message, messageZh }]`,
 * each message a sentence about its field; `subject` (`customers`, `members` …) picks the
 * field names ("客户名称" rather than "名称").
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, subject?: string): z.output<S> {
  // The input is kept on the issues so "missing" and "wrong type" read differently.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new AppError(
    'VALIDATION.FAILED',
    sentenceDetails(fieldProblems(result.error.issues, '(input)', subject)),
  );
}

/**
 * A VALIDATION.FAILED for one field, for checks zod cannot make (references, rights). The
 * summary puts the field's name before the words ("负责人：不是你可以指派的成员"), never its path.
 */
export function fieldError(path: string, message: string, messageZh = message): AppError {
  const facts = { code: 'custom', path: path.split('.'), message, params: { zh: messageZh } };
  return new AppError(
    'VALIDATION.FAILED',
    sentenceDetails([{ path, message: fieldSentence(facts, 'en'), messageZh: fieldSentence(facts, 'zh') }]),
  );
}
