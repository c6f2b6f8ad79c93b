/**
 * Validation problems in both languages. Every zod issue is said as a sentence about its
 * field by {@link issueSentence} (never zod's own "Too small: expected string …"); checks
 * of our own carry their sentence (`message`, and `params.zh` in Chinese).
 */
import type { z } from 'zod';
import { findFieldLabel, type IssueFacts, issueSentence } from './field-messages.js';

/** The Chinese sentence of a zod issue; `subject` names what the input is about (`customers`). */
export function issueMessageZh(issue: z.core.$ZodIssue, subject?: string): string {
  return fieldSentence(issue as unknown as IssueFacts, 'zh', subject);
}

/**
 * An issue as a sentence that names its field: ours for zod's checks, and for a check of
 * our own its words, after the field's name when they do not start with it.
 */
export function fieldSentence(issue: IssueFacts, lang: 'zh' | 'en', subject?: string): string {
  const text = issueSentence(issue, lang, subject);
  if (issue.code !== 'custom') return text;
  const label = findFieldLabel(issue.path, subject)?.[lang];
  if (!label || text.toLowerCase().includes(label.toLowerCase())) return text;
  return lang === 'zh' ? `${label}：${text}` : `${label.charAt(0).toUpperCase()}${label.slice(1)}: ${text}`;
}

/** One problem of a failed validation, in both languages. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
  readonly messageZh: string;
}

/**
 * The issues of a failed parse as field problems; `root` names the whole input, `subject`
 * what it is about (the API collection: `customers`, `members` …), for the fields' names.
 */
export function fieldProblems(
  issues: readonly z.core.$ZodIssue[],
  root: string,
  subject?: string,
): FieldProblem[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || root,
    message: fieldSentence(issue as unknown as IssueFacts, 'en', subject),
    messageZh: fieldSentence(issue as unknown as IssueFacts, 'zh', subject),
  }));
}

/**
 * One problem as a line of a summary. A message that names its field stands alone; one
 * that does not gets the field's name in front. A path with a position in a list
 * (`markets.1.share`) is kept in front, because which item is wrong is what a person
 * editing a plan file needs; an unknown field keeps its path.
 */
function problemLine(f: FieldProblem, lang: 'zh' | 'en'): string {
  const message = lang === 'zh' ? f.messageZh : f.message;
  const separator = lang === 'zh' ? '：' : ': ';
  if (/(^|\.)\d+(\.|$)/.test(f.path)) return `${f.path}${separator}${message}`;
  if (f.path.startsWith('(')) return message;
  const label = findFieldLabel(f.path.split('.'))?.[lang];
  if (label === undefined) return `${f.path}${separator}${message}`;
  if (message.toLowerCase().includes(label.toLowerCase())) return message;
  return `${lang === 'zh' ? label : `${label.charAt(0).toUpperCase()}${label.slice(1)}`}${separator}${message}`;
}

/**
 * Details of a validation error: the fields, and their summary in both languages, each
 * line naming its field (and its position, for an item of a list such as a plan's markets).
 */
export function problemDetails(fields: readonly FieldProblem[]): Record<string, unknown> {
  return {
    fields,
    problems: fields.map((f) => problemLine(f, 'en')),
    problemsZh: fields.map((f) => problemLine(f, 'zh')),
  };
}

/** Details whose summary is the sentences alone: each already names its field. */
export function sentenceDetails(fields: readonly FieldProblem[]): Record<string, unknown> {
  return {
    fields,
    problems: fields.map((f) => f.message),
    problemsZh: fields.map((f) => f.messageZh),
  };
}
