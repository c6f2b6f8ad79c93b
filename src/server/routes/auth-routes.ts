/**
 * Identity and access over HTTP: first-run set-up, sign-in and sign-out (cookie session),
 * the caller, password change, personal API tokens and the workspace's members. Each route
 * is a zod schema plus a call to a use case of src/app/auth.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireManager } from '../../app/access.js';
import { createApiToken, revokeApiToken } from '../../app/auth/api-tokens.js';
import { initWorkspace, initWorkspaceInput } from '../../app/auth/init-workspace.js';
import { createMember, createMemberInput, listMembers } from '../../app/auth/members.js';
import { changePassword, login, logout } from '../../app/auth/sessions.js';
import type { Deps } from '../../app/context.js';
import { changePasswordInput, createApiTokenInput } from '../../contract/auth.js';
import { errorResponses } from '../../contract/error-body.js';
import { AppError } from '../../domain/errors.js';
import { requirePrincipal, SESSION_COOKIE } from '../auth.js';

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

const memberSchema = z
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

const noContent = z.null().describe('No content');

/** Refuses a request without a principal (401) before its body is validated. */
async function authenticated(request: FastifyRequest): Promise<void> {
  requirePrincipal(request);
}

/** Refuses anyone but a manager (401 / 403) before the body is validated. */
async function managerOnly(request: FastifyRequest): Promise<void> {
  requireManager(requirePrincipal(request));
}

function cookieOptions(request: FastifyRequest) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: request.protocol === 'https',
  };
}

function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request));
}

/** Registers the identity and access routes. Needs {@link registerAuth} first. */
export function registerAuthRoutes(app: FastifyInstance, deps: Deps): void {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.post(
    '/api/setup',
    {
      schema: {
        summary: 'First run: create the workspace and its manager (refused once any user exists)',
        tags: ['auth'],
        body: initWorkspaceInput,
        response: {
          201: z.object({ workspaceId: z.string(), userId: z.string() }),
          ...errorResponses(400, 409),
        },
      },
    },
    async (request, reply) => {
      const { workspaceId, userId } = await initWorkspace(deps, request.body);
      return reply.code(201).send({ workspaceId, userId });
    },
  );

  routes.post(
    '/api/auth/login',
    {
      schema: {
        summary: 'Sign in: sets the closer_session cookie and returns the CSRF token',
        tags: ['auth'],
        body: loginBody,
        response: { 200: loginResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      let result: Awaited<ReturnType<typeof login>>;
      try {
        result = await login(deps, { ...request.body, ip: request.ip });
      } catch (error) {
        if (error instanceof AppError && error.code === 'AUTH.THROTTLED') {
          reply.header('retry-after', String(error.details.retryAfterSeconds));
        }
        throw error;
      }
      const maxAge = Math.max(
        0,
        Math.floor((new Date(result.expiresAt).getTime() - deps.clock().getTime()) / 1000),
      );
      reply.setCookie(SESSION_COOKIE, result.token, { ...cookieOptions(request), maxAge });
      return {
        user: { id: result.principal.userId },
        workspaceId: result.principal.workspaceId,
        role: result.principal.role,
        csrfToken: result.csrfToken,
      };
    },
  );

  routes.post(
    '/api/auth/logout',
    {
      schema: {
        summary: 'Sign out: ends the cookie session and clears the cookie',
        tags: ['auth'],
        response: { 204: noContent, ...errorResponses(403) },
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(deps, token);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  routes.get(
    '/api/auth/me',
    {
      onRequest: authenticated,
      schema: {
        summary: 'The signed-in caller',
        tags: ['auth'],
        response: { 200: meResponse, ...errorResponses(401) },
      },
    },
    async (request) => ({ ...requirePrincipal(request), csrfToken: request.sessionCsrfToken }),
  );

  routes.post(
    '/api/auth/password',
    {
      onRequest: authenticated,
      schema: {
        summary: "Change the caller's password; ends all their sessions",
        tags: ['auth'],
        body: changePasswordInput,
        response: { 204: noContent, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await changePassword(deps, requirePrincipal(request), request.body);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );

  routes.post(
    '/api/tokens',
    {
      onRequest: authenticated,
      schema: {
        summary: 'Create a personal API token (shown once)',
        tags: ['auth'],
        body: createApiTokenInput,
        response: {
          201: z.object({ id: z.string(), token: z.string() }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const created = await createApiToken(deps, requirePrincipal(request), request.body);
      return reply.code(201).send(created);
    },
  );

  routes.delete(
    '/api/tokens/:id',
    {
      onRequest: authenticated,
      schema: {
        summary: 'Revoke an API token (its owner or a manager)',
        tags: ['auth'],
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 204: noContent, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await revokeApiToken(deps, requirePrincipal(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  routes.post(
    '/api/members',
    {
      onRequest: managerOnly,
      schema: {
        summary: 'Add a member to the workspace (managers only)',
        tags: ['members'],
        body: createMemberInput,
        response: {
          201: z.object({ userId: z.string(), membershipId: z.string() }),
          ...errorResponses(400, 401, 403, 409),
        },
      },
    },
    async (request, reply) => {
      const created = await createMember(deps, requirePrincipal(request), request.body);
      return reply.code(201).send(created);
    },
  );

  routes.get(
    '/api/members',
    {
      onRequest: authenticated,
      schema: {
        summary: "The workspace's members",
        tags: ['members'],
        response: { 200: z.object({ members: z.array(memberSchema) }), ...errorResponses(401) },
      },
    },
    async (request) => ({ members: await listMembers(deps, requirePrincipal(request)) }),
  );
}
