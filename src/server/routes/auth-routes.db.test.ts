/**
 * The auth routes over HTTP on both databases: set-up, sign-in with its cookie and CSRF
 * token, throttling, password changes, API tokens, members, and their OpenAPI entries.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { withApi } from '../../../test/harness/api.js';
import { engines } from '../../../test/harness/databases.js';
import { withWorkspace } from '../../../test/harness/workspace.js';
import type { Schema } from '../../db/schema.js';
import { buildApp } from '../app.js';

const EMAIL = 'boss@example.com';
const PASSWORD = 'right password 1';
const SETUP = {
  workspace: { name: '华东区' },
  manager: { email: EMAIL, name: '王经理', password: PASSWORD },
};

/** The closer_session cookie a response sets. */
function sessionCookie(res: LightMyRequestResponse) {
  const cookie = res.cookies.find((c) => c.name === 'closer_session');
  if (!cookie) throw new Error('no closer_session cookie');
  return cookie;
}

describe.each(engines)('auth routes on $name', (engine) => {
  const ws = withWorkspace(engine, { team: false });
  const api = withApi(ws);

  /** Asks for a new API token named `name` with these headers. */
  const postToken = (headers: Record<string, string>, name: string) =>
    api.app.inject({ method: 'POST', url: '/api/tokens', headers, payload: { name } });

  const setup = () => api.app.inject({ method: 'POST', url: '/api/setup', payload: SETUP });
  const login = (email = EMAIL, password = PASSWORD) =>
    api.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

  /** Signs in: the cookie header to send and the CSRF token. */
  async function signIn(email = EMAIL, password = PASSWORD) {
    const res = await login(email, password);
    expect(res.statusCode).toBe(200);
    return { cookie: `closer_session=${sessionCookie(res).value}`, csrf: res.json().csrfToken as string };
  }

  it('marks the cookie Secure behind a trusted https proxy, and only a trusted one', async () => {
    await setup();
    const behindProxy = await buildApp({
      ...ws.deps,
      dialect: ws.open.dialect,
      trustProxy: true,
    });
    try {
      const forwarded = { 'x-forwarded-proto': 'https' };
      const payload = { email: EMAIL, password: PASSWORD };
      const secure = await behindProxy.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload,
        headers: forwarded,
      });
      expect(sessionCookie(secure).secure).toBe(true);
      // Without TRUST_PROXY a client cannot claim https by sending the header itself.
      const direct = await api.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload,
        headers: forwarded,
      });
      expect(sessionCookie(direct).secure).toBeUndefined();
    } finally {
      await behindProxy.close();
    }
  });

  it('sets up, signs in with a safe cookie, guards cookie writes with the CSRF token, signs out', async () => {
    const made = await setup();
    expect(made.statusCode).toBe(201);
    const { workspaceId, userId } = made.json();
    expect(Object.keys(made.json()).sort()).toEqual(['userId', 'workspaceId']);

    const signedIn = await login(' Boss@Example.com ');
    expect(signedIn.statusCode).toBe(200);
    const body = signedIn.json();
    expect(body).toEqual({
      user: { id: userId },
      workspaceId,
      role: 'manager',
      csrfToken: expect.any(String),
    });
    const cookie = sessionCookie(signedIn);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 30 * 24 * 3600 });
    expect(cookie.secure).toBeUndefined();
    const raw = String(signedIn.headers['set-cookie']);
    expect(raw).toMatch(/HttpOnly/);
    expect(raw).toMatch(/SameSite=Lax/);
    expect(raw).not.toMatch(/Secure/);
    const auth = { cookie: `closer_session=${cookie.value}` };

    const me = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      userId,
      workspaceId,
      membershipId: expect.any(String),
      role: 'manager',
      worksFor: null,
      via: 'session',
      csrfToken: body.csrfToken,
    });

    const noCsrf = await postToken(auth, 'x');
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error).toMatchObject({ code: 'AUTH.FORBIDDEN', details: { reason: 'csrf' } });
    const wrongCsrf = await postToken({ ...auth, 'x-csrf-token': `${body.csrfToken.slice(1)}x` }, 'x');
    expect(wrongCsrf.statusCode).toBe(403);
    const withCsrf = await postToken({ ...auth, 'x-csrf-token': body.csrfToken }, 'script');
    expect(withCsrf.statusCode).toBe(201);
    expect(withCsrf.json().token).toMatch(/^clo_/);

    const loggedOut = await api.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { ...auth, 'x-csrf-token': body.csrfToken },
    });
    expect(loggedOut.statusCode).toBe(204);
    expect(loggedOut.body).toBe('');
    const cleared = sessionCookie(loggedOut);
    expect(cleared.value).toBe('');
    expect(cleared.expires?.getTime()).toBeLessThan(Date.now());
    expect(await (ws.db as Kysely<Schema>).selectFrom('sessions').selectAll().execute()).toEqual([]);

    const after = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('signs in again from a browser that still holds a session, without a CSRF token', async () => {
    await setup();
    const { cookie } = await signIn();
    const again = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie },
      payload: { email: EMAIL, password: PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    expect(sessionCookie(again).value).not.toBe(cookie.split('=')[1]);
  });

  it('closes set-up once a user exists (409 SETUP.ALREADY_DONE)', async () => {
    expect((await setup()).statusCode).toBe(201);
    const again = await setup();
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SETUP.ALREADY_DONE');
  });

  it('throttles sign-in: the 4th attempt after 3 failures from one address is 429 with Retry-After', async () => {
    await setup();
    for (let i = 0; i < 3; i++) {
      const res = await login(EMAIL, 'wrong password');
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('AUTH.INVALID_CREDENTIALS');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const fourth = await login();
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error).toMatchObject({
      code: 'AUTH.THROTTLED',
      details: { retryAfterSeconds: 30, retryAfterMinutes: 1 },
    });
    expect(fourth.headers['retry-after']).toBe('30');
    expect(fourth.headers['set-cookie']).toBeUndefined();
  });

  it('keeps the device known in a 180-day closer_device cookie, and shows managers the attempts', async () => {
    await setup();
    const first = await login();
    const device = first.cookies.find((c) => c.name === 'closer_device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 180 * 24 * 3600 });
    // The same device signing in again keeps its token.
    const again = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: EMAIL, password: PASSWORD },
      headers: { cookie: `closer_device=${device?.value}` },
    });
    expect(again.cookies.find((c) => c.name === 'closer_device')?.value).toBe(device?.value);
    expect((await login(EMAIL, 'wrong password')).statusCode).toBe(401);
    expect((await login('stranger@example.com', 'wrong password')).statusCode).toBe(401);
    const { cookie } = await signIn();
    const listed = await api.app.inject({ url: '/api/auth/sign-in-attempts', headers: { cookie } });
    expect(listed.statusCode).toBe(200);
    // Newest first; the stranger's email is nobody's here and is not listed.
    expect(
      listed
        .json()
        .attempts.map((a: { email: string; address: string; succeeded: boolean }) => [
          a.email,
          a.address,
          a.succeeded,
        ]),
    ).toEqual([
      [EMAIL, '127.0.0.1', true],
      [EMAIL, '127.0.0.1', false],
      [EMAIL, '127.0.0.1', true],
      [EMAIL, '127.0.0.1', true],
    ]);
    expect((await api.app.inject({ url: '/api/auth/sign-in-attempts' })).statusCode).toBe(401);
  });

  it('a password change ends the session; the new password signs in', async () => {
    await setup();
    const { cookie, csrf } = await signIn();
    const changed = await api.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { current: PASSWORD, next: 'brand new password' },
    });
    expect(changed.statusCode).toBe(204);
    expect(sessionCookie(changed).value).toBe('');
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode,
    ).toBe(401);
    expect((await login()).statusCode).toBe(401);
    expect((await login(EMAIL, 'brand new password')).statusCode).toBe(200);
  });

  it('a bearer API token works without CSRF and stops working once deleted', async () => {
    await setup();
    const { cookie, csrf } = await signIn();
    const made = await postToken({ cookie, 'x-csrf-token': csrf }, 'ci');
    const { id, token } = made.json();
    const bearer = { authorization: `Bearer ${token}` };

    const me = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ role: 'manager', via: 'token', csrfToken: null });
    const write = await postToken(bearer, 'b');
    expect(write.statusCode).toBe(201);

    const deleted = await api.app.inject({ method: 'DELETE', url: `/api/tokens/${id}`, headers: bearer });
    expect(deleted.statusCode).toBe(204);
    const after = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer });
    expect(after.statusCode).toBe(401);
    // An invalid bearer header is not rescued by a valid cookie.
    const both = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: { ...bearer, cookie } });
    expect(both.statusCode).toBe(401);
    const unknown = await api.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${uuidv7()}`,
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('managers add members, everyone lists them, a lead cannot add (403)', async () => {
    /** Adds a member through the API as the signed-in `session` (its cookie and CSRF token). */
    const addMember = (session: { cookie: string; csrf: string }, payload: Record<string, unknown>) =>
      api.app.inject({
        method: 'POST',
        url: '/api/members',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
        payload,
      });
    const { userId } = (await setup()).json();
    const manager = await signIn();
    const added = await addMember(manager, {
      email: 'Lead@Example.com',
      name: '李组长',
      password: 'lead password 1',
      role: 'lead',
    });
    expect(added.statusCode).toBe(201);
    const lead = added.json();
    expect(Object.keys(lead).sort()).toEqual(['membershipId', 'userId']);

    const leadSession = await signIn('lead@example.com', 'lead password 1');
    const list = await api.app.inject({
      method: 'GET',
      url: '/api/members',
      headers: { cookie: leadSession.cookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      members: [
        {
          id: expect.any(String),
          userId,
          name: '王经理',
          email: EMAIL,
          role: 'manager',
          duty: null,
          worksFor: null,
        },
        {
          id: lead.membershipId,
          userId: lead.userId,
          name: '李组长',
          email: 'lead@example.com',
          role: 'lead',
          duty: null,
          worksFor: null,
        },
      ],
    });

    const refused = await addMember(leadSession, {
      email: 'x@example.com',
      name: 'X',
      password: 'some password 1',
      role: 'lead',
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('AUTH.FORBIDDEN');

    const anonymous = await api.app.inject({ method: 'GET', url: '/api/members' });
    expect(anonymous.statusCode).toBe(401);
    const anonymousWrite = await api.app.inject({
      method: 'POST',
      url: '/api/members',
      payload: { bogus: 1 },
    });
    expect(anonymousWrite.statusCode).toBe(401);
  });

  it('refuses unknown body fields with 400 VALIDATION.FAILED', async () => {
    const setupExtra = await api.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { ...SETUP, admin: true },
    });
    expect(setupExtra.statusCode).toBe(400);
    expect(setupExtra.json().error).toMatchObject({
      code: 'VALIDATION.FAILED',
      details: { fields: [{ path: 'body.admin' }] },
    });
    await setup();
    const loginExtra = await api.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: EMAIL, password: PASSWORD, remember: true },
    });
    expect(loginExtra.statusCode).toBe(400);
    expect(loginExtra.json().error.details.fields).toEqual([
      { path: 'body.remember', message: expect.any(String) },
    ]);
  });

  it('documents every route in the OpenAPI document', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    // Exactly these operations, each with its success answer and the error answers (413:
    // every route that takes a body can be sent one too large).
    const operations = (path: string) =>
      Object.fromEntries(
        Object.entries(doc.paths[path] ?? {}).map(([method, op]) => [
          method,
          Object.keys((op as { responses: object }).responses).sort(),
        ]),
      );
    expect(operations('/api/setup')).toEqual({ post: ['201', '400', '409', '413'] });
    expect(operations('/api/auth/login')).toEqual({ post: ['200', '400', '401', '413', '429'] });
    expect(operations('/api/auth/logout')).toEqual({ post: ['204', '403'] });
    expect(operations('/api/auth/password')).toEqual({ post: ['204', '400', '401', '403', '413'] });
    expect(operations('/api/auth/me')).toEqual({ get: ['200', '401'] });
    expect(operations('/api/auth/sign-in-attempts')).toEqual({ get: ['200', '401', '403'] });
    expect(operations('/api/members')).toEqual({
      get: ['200', '401'],
      post: ['201', '400', '401', '403', '409', '413'],
    });
    expect(operations('/api/tokens')).toEqual({ post: ['201', '400', '401', '403', '413'] });
    expect(operations('/api/tokens/{id}')).toEqual({ delete: ['204', '401', '403', '404'] });
    // The sign-in body is required, as JSON.
    const login = doc.paths['/api/auth/login'].post.requestBody;
    expect({ required: login.required, types: Object.keys(login.content) }).toEqual({
      required: true,
      types: ['application/json'],
    });
  });
});
