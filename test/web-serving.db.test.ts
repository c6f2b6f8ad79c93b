/**
 * The web app served by the API server: static files with their cache rules, the SPA
 * fallback, and the security headers (CSP on the app, /api unchanged). A small stand-in
 * build in a temp folder keeps this test independent of `vite build`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Schema } from '../src/db/schema.js';
import { buildApp } from '../src/server/app.js';
import { WEB_CSP } from '../src/server/web.js';
import { testDeps } from './factories.js';
import { engines, type TestDatabase } from './harness/databases.js';

const sqlite = engines[0];
if (!sqlite) throw new Error('no SQLite engine');

const INDEX =
  '<!doctype html><html><head><script type="module" src="/assets/index-abc123.js"></script></head></html>';

describe('web app serving', () => {
  let database: TestDatabase;
  let open: Database<Schema>;
  let app: FastifyInstance;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'closer-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), INDEX);
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1);');
    database = await sqlite.create();
    open = database.open() as Database<Schema>;
    await migrateToLatest(open.db as Kysely<unknown>);
    app = await buildApp({ ...testDeps(open.db), dialect: open.dialect, webRoot: root });
  });
  afterAll(async () => {
    await app.close();
    await open.close();
    await database.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('serves index.html at / with no-cache and the strict policy', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(INDEX);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(WEB_CSP);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('the policy allows scripts from the origin only and forbids framing', () => {
    const directives = new Map(
      WEB_CSP.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(WEB_CSP).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('serves hashed assets as immutable for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(1);');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-security-policy']).toBe(WEB_CSP);
  });

  it('answers a client-side route with index.html (SPA fallback)', async () => {
    for (const url of ['/customers', '/customers/0190c4a2-0000-7000-8000-000000000000', '/plan?year=2026']) {
      const res = await app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).toBe(INDEX);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('a missing asset is a 404, not the app shell', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/gone-000000.js' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toBe(INDEX);
  });

  it('leaves /api as it was: JSON 404s, no CSP, no fallback', async () => {
    const missing = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect(missing.headers['content-security-policy']).toBeUndefined();
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', database: 'sqlite' });
    expect(health.headers['content-security-policy']).toBeUndefined();
    expect(health.headers['x-content-type-options']).toBe('nosniff');
  });

  it('a POST to a web path is not answered with the app shell', async () => {
    const res = await app.inject({ method: 'POST', url: '/customers', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('without a build the server serves the API only', async () => {
    const bare = await buildApp({ ...testDeps(open.db), dialect: open.dialect, webRoot: false });
    try {
      const res = await bare.inject({ method: 'GET', url: '/' });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    } finally {
      await bare.close();
    }
  });
});
