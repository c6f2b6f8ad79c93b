/**
 * The one configuration of Closer: environment variables (and, for the CLI, options that
 * override them), validated once at start by a zod schema. Everything else receives the
 * parsed `Config`, never `process.env`.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from './domain/errors.js';
import { type IssueFacts, issueSentence } from './domain/field-messages.js';

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Folder of the embedded SQLite file (and, later, uploads and backups). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… to use PostgreSQL; unset for the embedded SQLite file. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** true behind a TLS-terminating reverse proxy that sets X-Forwarded-Proto / -For. */
  TRUST_PROXY: z.enum(['true', 'false', '1', '0']).default('false'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Validated configuration. */
export interface Config {
  readonly port: number;
  readonly host: string;
  /** Absolute path of the data folder. */
  readonly dataDir: string;
  readonly database:
    | { readonly kind: 'sqlite'; readonly file: string }
    | { readonly kind: 'postgres'; readonly url: string };
  readonly logLevel: z.infer<typeof configSchema>['LOG_LEVEL'];
  readonly trustProxy: boolean;
}

/**
 * Parses environment variables into a {@link Config}; `cwd` anchors a relative DATA_DIR.
 * Throws AppError CONFIG.INVALID naming each bad variable.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>, cwd: string): Config {
  // Empty strings mean "not set" (a common result of `FOO= npm start`).
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(present, { reportInput: true });
  if (!parsed.success) {
    // Said about the variable by its own name ("PORT must be 65535 or less"), not in zod's words.
    const fields = parsed.error.issues.map((i) => {
      const name = { zh: i.path.join('.'), en: i.path.join('.') };
      const facts = i as unknown as IssueFacts;
      return {
        path: name.en,
        message: issueSentence(facts, 'en', undefined, name),
        messageZh: issueSentence(facts, 'zh', undefined, name),
      };
    });
    throw new AppError('CONFIG.INVALID', {
      problems: fields.map((f) => f.message),
      problemsZh: fields.map((f) => f.messageZh),
      fields,
    });
  }
  const c = parsed.data;
  const dataDir = resolve(cwd, c.DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    database: c.DATABASE_URL
      ? { kind: 'postgres', url: c.DATABASE_URL }
      : { kind: 'sqlite', file: resolve(dataDir, 'closer.sqlite') },
    logLevel: c.LOG_LEVEL,
    trustProxy: c.TRUST_PROXY === 'true' || c.TRUST_PROXY === '1',
  };
}
