/**
 * Client-side validation with the server's own zod schemas, messages in the user's
 * language (the domain's zh texts and zod's zh-CN locale), keyed like the server's fields.
 */
import type { z } from 'zod';
import { fieldProblems } from '../../domain/issue-messages.js';
import type { FieldMessages } from './api';

/** Parses `value`; on failure returns the field messages instead. */
export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  lang: 'zh' | 'en',
): { ok: true; data: z.output<S> } | { ok: false; fields: FieldMessages } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const fields: FieldMessages = {};
  for (const p of fieldProblems(result.error.issues, '')) {
    fields[p.path] ??= lang === 'zh' ? p.messageZh : p.message;
  }
  return { ok: false, fields };
}
