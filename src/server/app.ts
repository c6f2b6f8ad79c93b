/**
 * The HTTP application: Fastify with zod schemas, the OpenAPI 3.1 document generated from
 * them, the browsable API docs, and the one error mapping of the API (the error body's
 * shape is in error-body.ts). `buildApp` never listens (main.ts does); tests call
 * `app.inject()`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import type { Deps } from '../app/context.js';
import type { ErrorBody } from '../contract/error-body.js';
import { systemRoutes } from '../contract/system.js';
import type { DialectName } from '../db/client.js';
import { isUniqueViolation } from '../db/errors.js';
import { AppError, type ErrorCode, isAppError, type Lang } from '../domain/errors.js';
import type { IssueFacts } from '../domain/field-messages.js';
import { fieldSentence } from '../domain/issue-messages.js';
import { registerAuth } from './auth.js';
import { requestLang } from './lang.js';
import { nulPaths } from './no-nul.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerWorkspaceRoutes } from './routes/index.js';
import { serve } from './serve.js';
import { defaultWebRoot, isWebPath, registerWeb, sendAppShell, WEB_CSP, wantsAppShell } from './web.js';

/** What the server needs: the use cases' dependencies plus server-only settings. */
export type ServerDeps = Deps & {
  /** The engine behind `db`, reported by /api/health. */
  readonly dialect: DialectName;
  /** Fastify's pino logger: false (the default) for none, true or pino options to log. */
  readonly logger?: FastifyServerOptions['logger'];
  /** Trust X-Forwarded-* headers (set TRUST_PROXY=true only behind your own proxy). */
  readonly trustProxy?: boolean;
  /** The built web app to serve at `/`: a directory, false for none; default `dist/web` when built. */
  readonly webRoot?: string | false;
};

/** Largest request body accepted (1 MB). */
export const BODY_LIMIT = 1_048_576;

/** One invalid field of a request: `body.name`, `query.page`, … */
export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
} as const;

/** Builds the application (routes registered, not listening). */
export async function buildApp(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    // Behind a TLS-terminating proxy, X-Forwarded-Proto tells that the client used https
    // (so the session cookie gets Secure) and X-Forwarded-For gives the IP that throttling counts.
    trustProxy: deps.trustProxy ?? false,
    // The router's own refusals (an id longer than any of ours, a malformed address) answer
    // like every other refusal: a code and a sentence, not Fastify's text.
    frameworkErrors: (error, request, reply) => sendError(error, request, reply),
  });
  // The use cases log where the server does (an import job's internal failure, …).
  const useCaseDeps: ServerDeps = { ...deps, log: deps.log ?? app.log };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const webRoot = deps.webRoot === undefined ? defaultWebRoot() : deps.webRoot || undefined;
  app.addHook('onSend', async (request, reply, payload) => {
    reply.headers(SECURITY_HEADERS);
    if (isWebPath(request.url)) reply.header('content-security-policy', WEB_CSP);
    return payload;
  });
  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.addHook('preValidation', async (request) => {
    const paths = [
      ...nulPaths(request.params, 'params'),
      ...nulPaths(request.query, 'query'),
      ...nulPaths(request.body, 'body'),
    ];
    if (paths.length === 0) return;
    const lang = requestLang(request);
    const subject = subjectOf(request);
    const sentence = (path: string) =>
      fieldSentence(
        {
          code: 'custom',
          path: path.split('.').slice(1),
          message: 'must not contain a NUL character (U+0000)',
          params: { zh: '不能含有空字符（U+0000）' },
        },
        lang,
        subject,
      );
    throw validationFailed(
      paths.map((path) => ({ path, message: sentence(path) })),
      lang,
    );
  });
  app.setNotFoundHandler((request, reply) => {
    // A client-side route of the web app (/customers/…): the app shell decides what to show.
    if (webRoot && wantsAppShell(request)) return sendAppShell(reply, webRoot);
    const lang = requestLang(request);
    const notFound = new AppError('NOT_FOUND', { method: request.method, path: request.url.split('?')[0] });
    reply.code(notFound.httpStatus).send(errorBody(notFound, lang));
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Closer API',
        version: packageVersion(),
        description: "Closer: from an annual sales target to today's number. 从年度目标到今天的数字。",
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  await registerAuth(app, useCaseDeps);

  const routes = app.withTypeProvider<ZodTypeProvider>();
  routes.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  serve(app, systemRoutes.health, async (_, request) => {
    try {
      await sql`select 1`.execute(deps.db);
    } catch (error) {
      request.log.error({ err: error }, 'health check: database query failed');
      throw new AppError('DB.UNAVAILABLE', { reason: `${deps.dialect} did not answer` });
    }
    return { status: 'ok' as const, database: deps.dialect };
  });
  registerAuthRoutes(app, useCaseDeps);
  registerWorkspaceRoutes(app, useCaseDeps);
  if (webRoot) await registerWeb(app, webRoot);
  return app;
}

function errorBody(error: AppError, lang: Lang): ErrorBody {
  return { error: { code: error.code, message: error.messageIn(lang), details: error.details } };
}

/** Maps anything thrown to the error answer; never sends a stack trace. */
function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const lang = requestLang(request);
  let appError: AppError;
  if (isAppError(error)) {
    appError = error.httpStatus < 500 ? error : withoutInternals(error, request);
  } else if (isValidationError(error)) {
    appError = validationFailed(validationFields(error, request, lang), lang);
  } else if (isClientError(error) && error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    // The route's own limit (an import takes 50 MB, other bodies 1 MB), as 413.
    const limit = request.routeOptions.bodyLimit ?? BODY_LIMIT;
    appError = new AppError('REQUEST.TOO_LARGE', { limitMb: Math.round(limit / (1024 * 1024)) });
  } else if (isClientError(error)) {
    // Fastify's own other 4xx (malformed JSON, unsupported media type …).
    const path = error.code?.startsWith('FST_ERR_CTP_') ? 'body' : 'request';
    appError = validationFailed([{ path, message: clientErrorMessage(error, lang) }], lang);
  } else if (isUniqueViolation(error)) {
    // A race the use case does not settle itself (two saves of one record at once): the
    // transaction rolled back, so the caller hears a conflict to reload, not a server fault.
    request.log.warn({ err: error }, 'unique key refused a concurrent write');
    appError = new AppError('CONFLICT.DUPLICATE', { ref: request.id });
  } else {
    request.log.error({ err: error }, 'unhandled error');
    appError = new AppError('INTERNAL', { reason: `ref ${request.id}` });
  }
  if (appError.httpStatus < 500) request.log.info({ code: appError.code }, 'request refused');
  return reply.code(appError.httpStatus).send(errorBody(appError, lang));
}

/**
 * A server-side failure's details (paths, driver messages, SQL) are for the log, not the
 * caller: the answer keeps DB.UNAVAILABLE (so clients can retry) or becomes INTERNAL, with
 * the request id as the only detail.
 */
function withoutInternals(error: AppError, request: FastifyRequest): AppError {
  request.log.error({ err: error }, 'request failed');
  return new AppError(error.code === 'DB.UNAVAILABLE' ? 'DB.UNAVAILABLE' : 'INTERNAL', {
    reason: `ref ${request.id}`,
  });
}

/** Each field's message already names its field, so the summary is the sentences alone. */
function validationFailed(fields: readonly FieldProblem[], _lang: Lang): AppError {
  return new AppError('VALIDATION.FAILED' satisfies ErrorCode, {
    problems: fields.map((f) => f.message),
    fields,
  });
}

interface SchemaIssue {
  readonly keyword: string;
  readonly instancePath: string;
  readonly message?: string;
  readonly params?: Record<string, unknown>;
}

interface ValidationError {
  readonly validation: readonly SchemaIssue[];
  readonly validationContext?: string;
}

function isValidationError(error: unknown): error is ValidationError {
  return typeof error === 'object' && error !== null && Array.isArray((error as ValidationError).validation);
}

function isClientError(error: unknown): error is { statusCode: number; code?: string; message: string } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

const CLIENT_ERRORS: Record<string, Record<Lang, string>> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { en: 'Not valid JSON', zh: '不是有效的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    en: 'Empty body with content type application/json',
    zh: '内容类型为 application/json，但内容为空',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { en: 'Unsupported content type', zh: '不支持的内容类型' },
  FST_ERR_MAX_PARAM_LENGTH: { en: 'An id in the address is too long', zh: '地址中的编号太长' },
  FST_ERR_BAD_URL: { en: 'The address is not valid', zh: '地址无效' },
};

function clientErrorMessage(error: { code?: string; message: string }, lang: Lang): string {
  return (error.code ? CLIENT_ERRORS[error.code]?.[lang] : undefined) ?? error.message;
}

const CONTEXT_NAMES: Record<string, string> = { querystring: 'query' };

/**
 * What a route's input is about, for the fields' names: its last fixed URL segment
 * (`/api/customers/:id` → `customers`, `/api/setup` → `setup`).
 */
function subjectOf(request: FastifyRequest): string | undefined {
  const url = request.routeOptions.url ?? '';
  const fixed = url
    .split('?')[0]
    ?.split('/')
    .filter((s) => s !== '' && s !== 'api' && !s.startsWith(':'));
  return fixed?.[fixed.length - 1];
}

/**
 * One problem per invalid field, `body.name`-style paths, each message a sentence about
 * its field in the caller's language (never zod's own text). An unknown field (a
 * `.strict()` schema) is reported once per key, at the key's path.
 */
function validationFields(error: ValidationError, request: FastifyRequest, lang: Lang): FieldProblem[] {
  const context = error.validationContext ?? 'body';
  const data = requestPart(request, context);
  const fromZod = hasZodFastifySchemaValidationErrors(error);
  const subject = subjectOf(request);
  const fields: FieldProblem[] = [];
  for (const issue of error.validation) {
    const segments = issue.instancePath.split('/').filter((s) => s !== '');
    const at = (extra: readonly string[]) =>
      [CONTEXT_NAMES[context] ?? context, ...segments, ...extra].join('.');
    const facts = (path: readonly string[], keys?: readonly string[]): IssueFacts => ({
      ...(issue.params as Omit<IssueFacts, 'code' | 'path'>),
      code: issue.keyword,
      path,
      message: issue.message,
      // zod leaves the input off its issues; "missing" and "wrong type" need it back.
      input: valueAt(data, path),
      ...(keys ? { keys } : {}),
    });
    const keys = issue.params?.keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      for (const key of keys.map(String)) {
        const message = fromZod
          ? fieldSentence(facts(segments, [key]), lang, subject)
          : (issue.message ?? key);
        fields.push({ path: at([key]), message });
      }
      continue;
    }
    fields.push({
      path: at([]),
      message: fromZod ? fieldSentence(facts(segments), lang, subject) : (issue.message ?? issue.keyword),
    });
  }
  return fields;
}

function requestPart(request: FastifyRequest, context: string): unknown {
  if (context === 'body') return request.body;
  if (context === 'querystring') return request.query;
  if (context === 'params') return request.params;
  if (context === 'headers') return request.headers;
  return undefined;
}

function valueAt(data: unknown, segments: readonly string[]): unknown {
  let value = data;
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** The version in Closer's package.json (found upwards from this file, in src/ or dist/). */
const packageVersion = (() => {
  let cached: string | undefined;
  return (): string => {
    cached ??= findPackageVersion(dirname(fileURLToPath(import.meta.url)));
    return cached;
  };
})();

function findPackageVersion(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'closer' && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) return '0.0.0';
  }
}
