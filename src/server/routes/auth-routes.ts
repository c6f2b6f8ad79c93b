/**
 * Identity and access over HTTP: first-run set-up, sign-in and sign-out (cookie session),
 * the caller, password change, personal API tokens and the workspace's members. Each route
 * is an entry of the contract (src/contract/auth.ts) plus a call to a use case of src/app/auth.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireManager } from '../../app/access.js';
import { createApiToken, revokeApiToken } from '../../app/auth/api-tokens.js';
import { initWorkspace } from '../../app/auth/init-workspace.js';
import { createMember, listMembers } from '../../app/auth/members.js';
import { changePassword, KNOWN_DEVICE_MS, login, logout } from '../../app/auth/sessions.js';
import { listSignInAttempts } from '../../app/auth/sign-in-attempts.js';
import type { Deps } from '../../app/context.js';
import { authRoutes } from '../../contract/auth.js';
import { AppError } from '../../domain/errors.js';
import { requirePrincipal, SESSION_COOKIE } from '../auth.js';
import { serve } from '../serve.js';
import { callerRoutes } from './use-case-routes.js';

/** Refuses a request without a principal (401) before its body is validated. */
async function authenticated(request: FastifyRequest): Promise<void> {
  requirePrincipal(request);
}

/** Refuses anyone but a manager (401 / 403) before the body is validated. */
async function managerOnly(request: FastifyRequest): Promise<void> {
  requireManager(requirePrincipal(request));
}

/** The cookie that makes a browser a device its accounts know (see `login`). */
export const DEVICE_COOKIE = 'closer_device';

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
  /** Routes of a signed-in caller: refused (401) before the body is validated. */
  const signedIn = callerRoutes(app, deps, { onRequest: authenticated });

  serve(app, authRoutes.setup, async ({ body }) => {
    const { workspaceId, userId } = await initWorkspace(deps, body);
    return { workspaceId, userId };
  });

  serve(app, authRoutes.login, async ({ body }, request, reply) => {
    let result: Awaited<ReturnType<typeof login>>;
    try {
      result = await login(deps, { ...body, ip: request.ip, device: request.cookies[DEVICE_COOKIE] });
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
    // Kept after sign-out: the device stays known to the account (a throttled account still
    // lets its owner in from here with the right password).
    reply.setCookie(DEVICE_COOKIE, result.deviceToken, {
      ...cookieOptions(request),
      maxAge: Math.floor(KNOWN_DEVICE_MS / 1000),
    });
    return {
      user: { id: result.principal.userId },
      workspaceId: result.principal.workspaceId,
      role: result.principal.role,
      csrfToken: result.csrfToken,
    };
  });

  serve(app, authRoutes.logout, async (_, request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(deps, token);
    clearSessionCookie(request, reply);
    return null;
  });

  serve(
    app,
    authRoutes.me,
    async (_, request) => ({ ...requirePrincipal(request), csrfToken: request.sessionCsrfToken }),
    { onRequest: authenticated },
  );

  serve(
    app,
    authRoutes.changePassword,
    async ({ body }, request, reply) => {
      await changePassword(deps, requirePrincipal(request), body);
      clearSessionCookie(request, reply);
      return null;
    },
    { onRequest: authenticated },
  );

  signedIn.body(authRoutes.createToken, createApiToken);
  signedIn.remove(authRoutes.revokeToken, revokeApiToken);
  callerRoutes(app, deps, { onRequest: managerOnly }).body(authRoutes.createMember, createMember);

  serve(
    app,
    authRoutes.signInAttempts,
    async (_, request) => ({ attempts: await listSignInAttempts(deps, requirePrincipal(request)) }),
    { onRequest: authenticated },
  );

  serve(
    app,
    authRoutes.members,
    async (_, request) => ({ members: await listMembers(deps, requirePrincipal(request)) }),
    {
      onRequest: authenticated,
    },
  );
}
