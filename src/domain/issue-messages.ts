/**
 * Validation messages in Chinese. Our own checks put their Chinese text in the issue's
 * `params.zh`; zod's built-in checks are rendered with zod's zh-CN locale.
 */
import { z } from 'zod';

const ZH = z.locales.zhCN();

/** The Chinese message of a zod issue (English when no translation is known). */
export function issueMessageZh(issue: z.core.$ZodIssue): string {
  const own = (issue as { params?: { zh?: unknown } }).params?.zh;
  if (typeof own === 'string') return own;
  // A custom check without a Chinese text: its own words beat the locale's generic "无效输入".
  if (issue.code === 'custom') return issue.message;
  const out = (ZH.localeError as (issue: unknown) => unknown)(issue);
  if (typeof out === 'string') return out;
  const message = (out as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : issue.message;
}

/** One problem of a failed validation, in both languages. */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
  readonly messageZh: string;
}

/** The issues of a failed parse as field problems; `root` names the whole input. */
export function fieldProblems(issues: readonly z.core.$ZodIssue[], root: string): FieldProblem[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.') || root,
    message: issue.message,
    messageZh: issueMessageZh(issue),
  }));
}

/** Details of a validation error: the fields, and their summary in both languages. */
export function problemDetails(fields: readonly FieldProblem[]): Record<string, unknown> {
  return {
    fields,
    problems: fields.map((f) => `${f.path}: ${f.message}`),
    problemsZh: fields.map((f) => `${f.path}：${f.messageZh}`),
  };
}
