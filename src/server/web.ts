/**
 * Serves the built web app (`dist/web`, made by `vite build`) from the API's own origin:
 * hashed assets cached for a year, index.html revalidated every time, a history-API
 * fallback (any GET outside /api and /assets that matches no file answers index.html) and
 * a strict Content-Security-Policy on everything that is not /api.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The web app's policy. Scripts only from our origin (Vite emits no inline script).
 * Styles need 'unsafe-inline': antd 6 styles its components with CSS-in-JS, inserting
 * `<style>` elements at run time (and ECharts/rc-components set `style` attributes); a
 * nonce would need index.html rendered per request and every insertion path to pass it on.
 * Inline styles cannot run code, so the script policy — the one that stops XSS — stays strict.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** `dist/web` of this package (found upwards from this file, in src/ or dist/), if it was built. */
export function defaultWebRoot(): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const root = join(dir, 'dist', 'web');
      return existsSync(join(root, 'index.html')) ? root : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/** Whether a request is for the web app (not the API). */
export function isWebPath(url: string): boolean {
  return !(url === '/api' || url.startsWith('/api/') || url.startsWith('/api?'));
}

/** Registers the static files of `root` at `/`. */
export async function registerWeb(app: FastifyInstance, root: string): Promise<void> {
  // In a plugin of its own: @fastify/static declares JSON-schema route schemas, which the
  // app's zod compilers (set on the root) cannot compile.
  await app.register(async (web) => {
    web.setValidatorCompiler(() => () => true);
    web.setSerializerCompiler(() => (data) => JSON.stringify(data));
    // `/` is the app itself (the static handler refuses a directory without an index).
    web.get('/', { schema: { hide: true } }, (_request, reply) => sendAppShell(reply, root));
    await web.register(fastifyStatic, {
      root,
      prefix: '/',
      index: false,
      // Cache-Control is set below, per file.
      cacheControl: false,
      setHeaders(reply, path) {
        // Vite puts every content-hashed file under assets/: its name changes with its content.
        const hashed = /[/\\]assets[/\\]/.test(path);
        reply.header('cache-control', hashed ? IMMUTABLE : 'no-cache');
      },
    });
  });
}

/** Whether a request that matched nothing should get the app's index.html (client-side route). */
export function wantsAppShell(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const path = request.url.split('?')[0] ?? '/';
  return isWebPath(path) && !path.startsWith('/assets/');
}

/** Sends `root`/index.html (never cached without revalidation; read each time, it is tiny). */
export async function sendAppShell(reply: FastifyReply, root: string): Promise<FastifyReply> {
  const html = await readFile(join(root, 'index.html'));
  return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
}
