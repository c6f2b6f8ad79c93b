/**
 * Client-side validation with the server's own zod schemas, each message a sentence about
 * its field in the user's language (the same words the API answers with), keyed like the
 * server's fields.
 */
import type { z } from 'zod';
import { fieldProblems } from '../../domain/issue-messages.js';
import type { FieldMessages } from './api';

/**
 * Parses `value`; on failure returns the field messages instead. `subject` is the API
 * collection the form writes to (`customers`, `members`, `setup` …): it names the fields.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  lang: 'zh' | 'en',
  subject?: string,
): { ok: true; data: z.output<S> } | { ok: false; fields: FieldMessages } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const fields: FieldMessages = {};
  for (const p of fieldProblems(result.error.issues, '', subject)) {
    fields[p.path] ??= lang === 'zh' ? p.messageZh : p.message;
  }
  return { ok: false, fields };
}
