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
 * Details of a validation error: the fields, and their summary in both languages, each
 * line after its path (for inputs a person edits as a file, such as plan settings).
 */
export function problemDetails(fields: readonly FieldProblem[]): Record<string, unknown> {
  return {
    fields,
    problems: fields.map((f) => `${f.path}: ${f.message}`),
    problemsZh: fields.map((f) => `${f.path}：${f.messageZh}`),
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
