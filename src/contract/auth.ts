/**
 * Identity and access in the API: first-run set-up, sign-in, the caller, password change,
 * API tokens and the workspace's members — the schemas (without the node-only code that
 * acts on them: hashing, database), shared by the server, its use cases and the web forms.
 */
import { z } from 'zod';
import { noContent, route } from './http.js';

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

/** Input of createApiToken; unknown fields are refused. */
export const createApiTokenInput = z.object({ name: z.string().trim().min(1).max(100) }).strict();

const roleSchema = z.enum(['manager', 'lead', 'assistant']);

const dutySchema = z.enum(['prospecting', 'after_sales']);

const loginBody = z
  .object({ email: z.string().max(320), password: z.string().max(1000) })
  .strict()
  .meta({ id: 'LoginRequest' });

const loginResponse = z.object({
  user: z.object({ id: z.string() }),
  workspaceId: z.string(),
  role: roleSchema,
  /** Must be sent as `x-csrf-token` with every write made with the session cookie. */
  csrfToken: z.string(),
});

const meResponse = z.object({
  userId: z.string(),
  workspaceId: z.string(),
  membershipId: z.string(),
  role: roleSchema,
  worksFor: z.string().nullable(),
  via: z.enum(['session', 'token']),
  /** The session's CSRF token (null when signed in with an API token). */
  csrfToken: z.string().nullable(),
});

/** A workspace member as GET /api/members lists it. */
export const memberSchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    role: roleSchema,
    duty: dutySchema.nullable(),
    worksFor: z.string().nullable(),
  })
  .meta({ id: 'Member' });

/** A workspace member. */
export type Member = z.infer<typeof memberSchema>;
/** The signed-in caller as GET /api/auth/me answers. */
export type Me = z.infer<typeof meResponse>;

/** One sign-in attempt on an account, as a manager sees it. */
export const signInAttemptView = z.object({
  email: z.string(),
  /** The address it came from (the proxy's, unless TRUST_PROXY is set behind your own proxy). */
  address: z.string(),
  at: z.string(),
  succeeded: z.boolean(),
});

/** A sign-in attempt on one of the workspace's accounts. */
export type SignInAttempt = z.infer<typeof signInAttemptView>;

/** The identity and access routes. */
export const authRoutes = {
  setup: route({
    method: 'POST',
    path: '/api/setup',
    summary: 'First run: create the workspace and its manager (refused once any user exists)',
    tags: ['auth'],
    body: initWorkspaceInput,
    status: 201,
    response: z.object({ workspaceId: z.string(), userId: z.string() }),
    errors: [400, 409],
  }),
  login: route({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in: sets the closer_session cookie and returns the CSRF token',
    tags: ['auth'],
    body: loginBody,
    status: 200,
    response: loginResponse,
    errors: [400, 401, 429],
  }),
  logout: route({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Sign out: ends the cookie session and clears the cookie',
    tags: ['auth'],
    status: 204,
    response: noContent,
    errors: [403],
  }),
  me: route({
    method: 'GET',
    path: '/api/auth/me',
    summary: 'The signed-in caller',
    tags: ['auth'],
    status: 200,
    response: meResponse,
    errors: [401],
  }),
  changePassword: route({
    method: 'POST',
    path: '/api/auth/password',
    summary: "Change the caller's password; ends all their sessions",
    tags: ['auth'],
    body: changePasswordInput,
    status: 204,
    response: noContent,
    errors: [400, 401, 403],
  }),
  createToken: route({
    method: 'POST',
    path: '/api/tokens',
    summary: 'Create a personal API token (shown once)',
    tags: ['auth'],
    body: createApiTokenInput,
    status: 201,
    response: z.object({ id: z.string(), token: z.string() }),
    errors: [400, 401, 403],
  }),
  revokeToken: route({
    method: 'DELETE',
    path: '/api/tokens/:id',
    summary: 'Revoke an API token (its owner or a manager)',
    tags: ['auth'],
    params: z.object({ id: z.string().min(1).max(100) }),
    status: 204,
    response: noContent,
    errors: [401, 403, 404],
  }),
  createMember: route({
    method: 'POST',
    path: '/api/members',
    summary: 'Add a member to the workspace (managers only)',
    tags: ['members'],
    body: createMemberInput,
    status: 201,
    response: z.object({ userId: z.string(), membershipId: z.string() }),
    errors: [400, 401, 403, 409],
  }),
  signInAttempts: route({
    method: 'GET',
    path: '/api/auth/sign-in-attempts',
    summary: "Managers: the last 7 days' sign-in attempts on the workspace's accounts, newest first",
    tags: ['auth'],
    status: 200,
    response: z.object({ attempts: z.array(signInAttemptView) }),
    errors: [401, 403],
  }),
  members: route({
    method: 'GET',
    path: '/api/members',
    summary: "The workspace's members",
    tags: ['members'],
    status: 200,
    response: z.object({ members: z.array(memberSchema) }),
    errors: [401],
  }),
};
