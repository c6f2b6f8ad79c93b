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
          .refine(isTimeZone, {
            message: 'Enter a time zone such as Asia/Shanghai',
            params: { zh: '请填写时区，例如 Asia/Shanghai' },
          })
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

/** What an assistant must have and nobody else may: the sentences of its two checks. */
const ASSISTANT_ONLY = {
  duty: {
    missing: { zh: '助理需要选择职责', en: 'Choose the duty of the assistant' },
    extra: { zh: '只有助理才有职责', en: 'Only an assistant has a duty' },
  },
  worksFor: {
    missing: { zh: '助理需要选择协助的业务员', en: 'Choose the salesperson the assistant works for' },
    extra: { zh: '只有助理才协助业务员', en: 'Only an assistant works for a salesperson' },
  },
} as const;

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
      const words = ASSISTANT_ONLY[field];
      if (assistant && value[field] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: words.missing.en,
          params: { zh: words.missing.zh },
        });
      }
      if (!assistant && value[field] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: words.extra.en,
          params: { zh: words.extra.zh },
        });
      }
    }
  });

/** What initWorkspace accepts (before defaults). */
export type InitWorkspaceInput = z.input<typeof initWorkspaceInput>;

/** What createMember accepts. */
export type CreateMemberInput = z.input<typeof createMemberInput>;

/** Input of changePassword; unknown fields are refused. */
export const changePasswordInput = z.object({ current: z.string().max(1000), next: passwordSchema }).strict();

/** What changePassword accepts. */
export type ChangePasswordInput = z.input<typeof changePasswordInput>;

/** Input of createApiToken; unknown fields are refused. */
export const createApiTokenInput = z.object({ name: z.string().trim().min(1).max(100) }).strict();

/** What createApiToken accepts. */
export type CreateApiTokenInput = z.input<typeof createApiTokenInput>;
