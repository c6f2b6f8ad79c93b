/**
 * The zod schemas of first-run set-up and of adding a member, without the node-only code
 * that acts on them (hashing, database): shared by the server's use cases and the web forms.
 */
import { z } from 'zod';

/** Password policy: length in characters. */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

/** The password policy as a zod schema, for the use cases' input schemas. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `at most ${PASSWORD_MAX_LENGTH} characters`);

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Input of initWorkspace; unknown fields are refused. */
export const initWorkspaceInput = z
  .object({
    workspace: z
      .object({
        name: z.string().trim().min(1).max(100),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'a 3-letter ISO 4217 code such as CNY')
          .default('CNY'),
        timeZone: z
          .string()
          .refine(isTimeZone, 'an IANA time zone such as Asia/Shanghai')
          .default('Asia/Shanghai'),
        locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
      })
      .strict(),
    manager: z
      .object({
        email: z.string().trim().toLowerCase().pipe(z.email()),
        name: z.string().trim().min(1).max(100),
        password: passwordSchema,
      })
      .strict(),
  })
  .strict();

/** Input of createMember; unknown fields are refused. */
export const createMemberInput = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email()),
    name: z.string().trim().min(1).max(100),
    password: passwordSchema,
    role: z.enum(['manager', 'lead', 'assistant']),
    duty: z.enum(['prospecting', 'after_sales']).optional(),
    worksFor: z.string().min(1).max(100).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const assistant = value.role === 'assistant';
    for (const field of ['duty', 'worksFor'] as const) {
      if (assistant && value[field] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'required for an assistant' });
      }
      if (!assistant && value[field] !== undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'only an assistant has this' });
      }
    }
  });

/** What initWorkspace accepts (before defaults). */
export type InitWorkspaceInput = z.input<typeof initWorkspaceInput>;

/** What createMember accepts. */
export type CreateMemberInput = z.input<typeof createMemberInput>;
