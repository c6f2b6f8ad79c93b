import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { databaseArgs, engines, type TestDatabase } from '../../test/harness/databases.js';
import { SESSION_TTL_MS } from '../app/auth/sessions.js';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { migrateToLatest, schemaStatus } from '../db/migrate.js';
import type { Schema } from '../db/schema.js';
import { dateInTimeZone } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import { buildApp } from './app.js';
import { startServer } from './main.js';

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

describe.each(engines)('HTTP app on $name', (engine) => {
  let created: TestDatabase | undefined;
  let database: Database | undefined;
  let app: FastifyInstance | undefined;

  const start = async (): Promise<FastifyInstance> => {
    created = await engine.create();
    database = created.open();
    await migrateToLatest(database.db);
    app = await buildApp({
      db: database.db as Kysely<Schema>,
      dialect: database.dialect,
      clock: () => new Date('2026-03-02T02:00:00Z'),
      newId: () => '0190a000-0000-7000-8000-000000000001',
    });
    return app;
  };

  afterEach(async () => {
    await app?.close();
    await database?.close();
    await created?.dispose();
    app = undefined;
    database = undefined;
    created = undefined;
  });

  it('answers /api/health after a query, naming the engine, with the security headers', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: engine.name });
    expect(res.headers).toMatchObject(SECURITY_HEADERS);
  });

  it('answers 503 DB.UNAVAILABLE when the database does not answer', async () => {
    const server = await start();
    await database?.close();
    database = undefined;
    const res = await server.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toMatchObject({
      code: 'DB.UNAVAILABLE',
      message: expect.stringMatching(/^Cannot reach the database \(ref [0-9a-f-]{36}\)$/),
    });
    expect(res.headers).toMatchObject(SECURITY_HEADERS);
  });

  it('serves an OpenAPI 3.1 document with the health path', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Closer API', version: '0.1.0' });
    // The whole health body schema, so a lost field or a loosened type shows up here.
    expect(doc.paths['/api/health'].get.responses['200'].content['application/json'].schema).toEqual({
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['ok'] },
        database: { type: 'string', enum: ['sqlite', 'postgres'] },
      },
      required: ['status', 'database'],
      additionalProperties: false,
    });
    expect(Object.keys(doc.paths)).not.toContain('/api/openapi.json');
    expect(Object.keys(doc.paths).some((p) => p.startsWith('/api/docs'))).toBe(false);
  });

  it('serves browsable docs whose assets come from the package', async () => {
    const server = await start();
    let res = await server.inject({ method: 'GET', url: '/api/docs' });
    if (res.statusCode >= 300 && res.statusCode < 400) {
      res = await server.inject({ method: 'GET', url: String(res.headers.location) });
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('swagger-ui');
    expect(res.body).not.toMatch(/src="https?:/);
    const assets = [...res.body.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets).toContain('/api/docs/static/swagger-ui-bundle.js');
    for (const asset of assets) {
      const answer = await server.inject({ method: 'GET', url: asset });
      expect({ asset, status: answer.statusCode }).toEqual({ asset, status: 200 });
      expect(answer.headers).toMatchObject(SECURITY_HEADERS);
    }
    const spec = await server.inject({ method: 'GET', url: '/api/docs/json' });
    expect(spec.json().openapi).toBe('3.1.0');
  });

  it('answers an unknown route with 404 NOT_FOUND in the error shape', async () => {
    const res = await (await start()).inject({ method: 'GET', url: '/api/nope?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'This could not be found: it may have been deleted, or you may not have access to it',
        details: { method: 'GET', path: '/api/nope' },
      },
    });
    expect(res.headers).toMatchObject(SECURITY_HEADERS);
  });

  it('speaks the language of ?lang=, else of Accept-Language, else English', async () => {
    const server = await start();
    const zhMessage = '找不到这条记录，它可能已被删除，或者您无权查看';
    const byQuery = await server.inject({ method: 'GET', url: '/api/nope?lang=zh' });
    expect(byQuery.json().error.message).toBe(zhMessage);
    const byHeader = await server.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(byHeader.json().error.message).toBe(zhMessage);
    const queryWins = await server.inject({
      method: 'GET',
      url: '/api/nope?lang=en',
      headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
    });
    expect(queryWins.json().error.message).toMatch(/^This could not be found/);
    const preferred = await server.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'accept-language': 'fr-FR, en;q=0.8, zh;q=0.5' },
    });
    expect(preferred.json().error.message).toMatch(/^This could not be found/);
  });

  describe('with a test route', () => {
    const withRoutes = async () => {
      const server = await start();
      const routes = server.withTypeProvider<ZodTypeProvider>();
      routes.post(
        '/api/test/things',
        { schema: { body: z.object({ name: z.string(), amount: z.number().int().optional() }).strict() } },
        async (request) => ({ saved: request.body.name }),
      );
      routes.get('/api/test/boom', async () => {
        throw new Error('secret connection string postgres://admin:pw@db');
      });
      routes.get('/api/test/app-error', async () => {
        throw new AppError('AMOUNT.NEGATIVE', { input: '-5' });
      });
      return server;
    };

    it('accepts a valid body', async () => {
      const res = await (await withRoutes()).inject({
        method: 'POST',
        url: '/api/test/things',
        payload: { name: '杭州' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ saved: '杭州' });
    });

    it('refuses a wrong type with 400 VALIDATION.FAILED naming the field', async () => {
      const res = await (await withRoutes()).inject({
        method: 'POST',
        url: '/api/test/things',
        payload: { name: 42 },
      });
      expect(res.statusCode).toBe(400);
      const fields = [{ path: 'body.name', message: 'Name must be text' }];
      expect(res.json()).toEqual({
        error: {
          code: 'VALIDATION.FAILED',
          message: 'Some of the information is not valid: Name must be text',
          details: { fields, problems: ['Name must be text'] },
        },
      });
      expect(res.headers).toMatchObject(SECURITY_HEADERS);
    });

    it('refuses unknown fields (no mass assignment), one problem per field', async () => {
      const res = await (await withRoutes()).inject({
        method: 'POST',
        url: '/api/test/things',
        payload: { name: 'ok', role: 'owner', workspaceId: 'w2' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION.FAILED');
      expect(res.json().error.details.fields).toEqual([
        { path: 'body.role', message: '"role" is not a field here' },
        { path: 'body.workspaceId', message: '"workspaceId" is not a field here' },
      ]);
    });

    it('gives field messages in the caller language', async () => {
      const res = await (await withRoutes()).inject({
        method: 'POST',
        url: '/api/test/things?lang=zh',
        payload: { name: 42, extra: 1 },
      });
      expect(res.statusCode).toBe(400);
      const error = res.json().error;
      expect(error.details.fields).toEqual([
        { path: 'body.name', message: '名称必须是文字' },
        { path: 'body.extra', message: '不能填写“extra”（没有这一项）' },
      ]);
      expect(error.message).toBe('填写的内容有误：名称必须是文字；不能填写“extra”（没有这一项）');
    });

    it('refuses malformed JSON with 400 VALIDATION.FAILED', async () => {
      const res = await (await withRoutes()).inject({
        method: 'POST',
        url: '/api/test/things',
        headers: { 'content-type': 'application/json' },
        payload: '{"name":',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION.FAILED',
        details: { fields: [{ path: 'body', message: 'Not valid JSON' }] },
      });
    });

    it('refuses a body over 1 MB with 413 REQUEST.TOO_LARGE naming the limit', async () => {
      const res = await (await withRoutes()).inject({
        method: 'POST',
        url: '/api/test/things?lang=zh',
        payload: { name: 'x'.repeat(1_100_000) },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toEqual({
        code: 'REQUEST.TOO_LARGE',
        message: '内容太大：最多 1 MB，请拆分后再发送',
        details: { limitMb: 1 },
      });
    });

    it('answers an AppError with its status and localised message', async () => {
      const res = await (await withRoutes()).inject({ method: 'GET', url: '/api/test/app-error?lang=zh' });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: { code: 'AMOUNT.NEGATIVE', message: '金额“-5”不能为负数', details: { input: '-5' } },
      });
    });

    it('hides the details of a server-side AppError', async () => {
      const server = await withRoutes();
      server.get('/api/test/internal', async () => {
        throw new AppError('FILE.UNWRITABLE', { path: '/srv/closer/secret.xlsx', reason: 'EACCES' });
      });
      const res = await server.inject({ method: 'GET', url: '/api/test/internal' });
      expect(res.statusCode).toBe(500);
      expect(res.json().error.code).toBe('INTERNAL');
      expect(res.body).not.toContain('secret');
    });

    it("answers the router's own refusal (an id longer than any of ours) with a code and a sentence", async () => {
      const res = await (await withRoutes()).inject({
        method: 'DELETE',
        url: `/api/customers/${'0'.repeat(300)}`,
        // The router refuses before the query is read: the language comes from the header.
        headers: { 'accept-language': 'zh-CN,zh;q=0.9' },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'VALIDATION.FAILED',
        details: { fields: [{ path: 'request', message: '地址中的编号太长' }] },
      });
      expect(res.body).not.toContain('FST_');
    });

    it('refuses a NUL character in a body field, the query or the path with the field named, before validation', async () => {
      const server = await withRoutes();
      server.get('/api/test/things/:id', async () => ({ reached: true }));
      const body = await server.inject({
        method: 'POST',
        url: '/api/test/things?lang=zh',
        payload: { name: 'a\u0000b' },
      });
      expect(body.statusCode).toBe(400);
      expect(body.json().error).toMatchObject({
        code: 'VALIDATION.FAILED',
        details: { fields: [{ path: 'body.name', message: expect.stringContaining('不能含有空字符') }] },
      });
      const query = await server.inject({ method: 'GET', url: '/api/test/things/x?q=a%00b' });
      expect(query.statusCode).toBe(400);
      expect(query.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['query.q']);
      const path = await server.inject({ method: 'GET', url: '/api/test/things/%00' });
      expect(path.statusCode).toBe(400);
      expect(path.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['params.id']);
    });

    it('answers a unique violation its use case did not settle with 409 CONFLICT.DUPLICATE, not 500', async () => {
      const server = await withRoutes();
      const db = database?.db as Kysely<Schema>;
      // The same primary key twice: the database's own refusal, as a race would give it.
      server.post('/api/test/twice', async () => {
        for (let i = 0; i < 2; i++) {
          await db
            .insertInto('login_attempts')
            .values({ id: 'same-id', key: 'k', at: '2026-03-02T02:00:00Z', succeeded: 0 })
            .execute();
        }
        return {};
      });
      const res = await server.inject({ method: 'POST', url: '/api/test/twice?lang=zh' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error).toMatchObject({
        code: 'CONFLICT.DUPLICATE',
        message: '同一条记录刚刚被同时保存了两次，这一次没有保存；请刷新后查看',
        details: { ref: expect.any(String) },
      });
      expect(res.body).not.toMatch(/login_attempts|duplicate key|UNIQUE constraint/);
    });

    it('answers any other error with 500 INTERNAL, without its message or stack', async () => {
      const res = await (await withRoutes()).inject({ method: 'GET', url: '/api/test/boom' });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body.error.code).toBe('INTERNAL');
      expect(body.error.message).toMatch(
        /^Internal error, please tell your administrator \(ref [0-9a-f-]{36}\)$/,
      );
      expect(res.body).not.toContain('secret');
      expect(res.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
      expect(res.headers).toMatchObject(SECURITY_HEADERS);
    });
  });
});

describe.each(engines)('startServer on $name', (engine) => {
  /** A config for a fresh database of `created`. */
  function configOf(created: TestDatabase): Config {
    const [flag, value = ''] = databaseArgs(created.target);
    return {
      port: 0,
      host: '127.0.0.1',
      trustProxy: false,
      dataDir: flag === '--data-dir' ? value : '/nonexistent',
      database:
        created.target.kind === 'sqlite'
          ? { kind: 'sqlite', file: created.target.file }
          : { kind: 'postgres', url: value },
      logLevel: 'silent',
    };
  }

  it('runs on the clock it is given: dates and sessions follow it, the cookie lifetime stays relative', async () => {
    const created = await engine.create();
    // Further back than a session lives: an absolute cookie expiry would be in the past.
    const offset = SESSION_TTL_MS + 10 * 86_400_000;
    const clock = () => new Date(Date.now() - offset);
    const server = await startServer(configOf(created), { clock });
    try {
      const json = { 'content-type': 'application/json' };
      const setup = await fetch(`${server.url}/api/setup`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          workspace: { name: 'Clock' },
          manager: { email: 'clock@example.com', name: 'Clock', password: 'correct horse 1' },
        }),
      });
      expect(setup.status).toBe(201);
      const login = await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'clock@example.com', password: 'correct horse 1' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.get('set-cookie') ?? '';
      // The session's full lifetime from now (the clock runs: a second may have passed).
      const maxAge = Number(/Max-Age=(\d+)/.exec(cookie)?.[1]);
      expect(maxAge).toBeGreaterThan(SESSION_TTL_MS / 1000 - 5);
      expect(maxAge).toBeLessThanOrEqual(SESSION_TTL_MS / 1000);
      expect(cookie).not.toMatch(/Expires=/i);
      const session = cookie.split(';')[0] ?? '';
      const me = await fetch(`${server.url}/api/auth/me`, { headers: { cookie: session } });
      expect(me.status).toBe(200);
      const today = await fetch(`${server.url}/api/today`, { headers: { cookie: session } });
      expect(today.status).toBe(200);
      expect(((await today.json()) as { date: string }).date).toBe(dateInTimeZone(clock(), 'Asia/Shanghai'));
    } finally {
      await server.close();
      await created.dispose();
    }
  });

  it('migrates, listens on a real port, answers over HTTP, and closes the database on close()', async () => {
    const created = await engine.create();
    try {
      const server = await startServer(configOf(created));
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.url}/api/health`);
      expect(await res.json()).toEqual({ status: 'ok', database: engine.name });
      await Promise.all([server.close(), server.close()]);
      await expect(fetch(`${server.url}/api/health`)).rejects.toThrow();
      const check = created.open();
      try {
        expect((await schemaStatus(check.db)).pending).toEqual([]);
      } finally {
        await check.close();
      }
    } finally {
      await created.dispose();
    }
  });
});
