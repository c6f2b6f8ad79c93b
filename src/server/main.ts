/**
 * Starts the HTTP server: opens the configured database, brings its schema up to date,
 * builds the app and listens. `runServer` adds the process's signals for `closer serve`.
 */
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { migrateDatabase } from '../app/database-admin.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/client.js';
import type { Schema } from '../db/schema.js';
import { AppError } from '../domain/errors.js';
import { buildApp } from './app.js';

/** A listening server. */
export interface RunningServer {
  readonly app: FastifyInstance;
  /** Where it listens, e.g. http://127.0.0.1:3000 (the real port when config.port is 0). */
  readonly url: string;
  /** Stops accepting requests, finishes running ones, then closes the database. Idempotent. */
  close(): Promise<void>;
}

/** Options of {@link startServer}. */
export interface StartOptions {
  /** Request logging (pino, at config.logLevel). */
  readonly log?: boolean;
  /**
   * The server's "now" (default: the real time). Tests pass a clock shifted to a chosen day;
   * sessions, throttling and every business date then follow it consistently.
   */
  readonly clock?: () => Date;
}

/** Migrates the database (migrateToLatest), opens it, builds the app and listens on config.host:config.port. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  // Migrates on its own short-lived connection, turning connection failures into DB.UNAVAILABLE.
  await migrateDatabase(config);
  const database = openDatabase<Schema>(config.database);
  let app: FastifyInstance | undefined;
  try {
    app = await buildApp({
      db: database.db,
      dialect: database.dialect,
      clock: options.clock ?? (() => new Date()),
      newId: uuidv7,
      logger: options.log ? { level: config.logLevel } : false,
      trustProxy: config.trustProxy,
    });
    await listen(app, config);
  } catch (error) {
    await app?.close();
    await database.close();
    throw error;
  }
  const running = app;
  let closing: Promise<void> | undefined;
  return {
    app: running,
    url: urlOf(config.host, (running.server.address() as AddressInfo).port),
    close() {
      closing ??= (async () => {
        try {
          await running.close();
        } finally {
          await database.close();
        }
      })();
      return closing;
    },
  };
}

async function listen(app: FastifyInstance, config: Config): Promise<void> {
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      const reason =
        code === 'EADDRINUSE' ? 'is in use' : code === 'EACCES' ? 'is not allowed' : 'is not here';
      throw new AppError('CONFIG.INVALID', {
        problems: [`${config.host}:${config.port} ${reason} (${code})`],
      });
    }
    throw error;
  }
}

function urlOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** Options of {@link runServer}. */
export interface RunOptions {
  /** Request logging (pino, at config.logLevel). */
  readonly log?: boolean;
  /** Where the human lines go ("serving on …", "stopping …"). */
  readonly say: (text: string) => void;
}

/**
 * Runs the server until SIGINT or SIGTERM: then stops gracefully and resolves, so the
 * process ends with exit code 0. A second signal while stopping exits at once (128 + signal).
 */
export async function runServer(config: Config, options: RunOptions): Promise<void> {
  const server = await startServer(config, { log: options.log ?? false });
  options.say(`Closer is serving on ${server.url}\n`);
  await new Promise<void>((resolve, reject) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) {
        options.say(`${signal} again: exiting now\n`);
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
      stopping = true;
      options.say(`${signal}: stopping (finishing requests, closing the database)…\n`);
      server.close().then(
        () => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          options.say('Stopped.\n');
          // Should a stray handle keep the event loop alive, do not hang: leave anyway.
          setTimeout(() => process.exit(process.exitCode ?? 0), 5_000).unref();
          resolve();
        },
        (error: unknown) => {
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
          reject(error);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
