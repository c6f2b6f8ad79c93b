/**
 * `closer serve`: runs the HTTP server (API, OpenAPI document and docs) on the configured
 * database until SIGINT or SIGTERM.
 */
import type { Command } from 'commander';
import { runServer } from '../server/main.js';
import { type DatabaseOptions, databaseConfig, databaseOptions } from './database-options.js';
import { writeDemo } from './demo-command.js';
import type { CliIo } from './io.js';

interface ServeOptions extends DatabaseOptions {
  port?: string;
  host?: string;
  demo?: boolean;
}

/** Adds the `serve` command to `program`. */
export function registerServeCommand(program: Command, io: CliIo): void {
  databaseOptions(
    program
      .command('serve')
      .description('Run the web server (API at /api, docs at /api/docs) · 启动服务')
      .option('--port <n>', 'port to listen on (default: PORT or 3000)')
      .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)'),
  )
    .option('--demo', 'first fill an empty database with the demo region and print its logins')
    .action(async (options: ServeOptions) => {
      const config = databaseConfig(io, options, {
        ...(options.port !== undefined ? { PORT: options.port } : {}),
        ...(options.host !== undefined ? { HOST: options.host } : {}),
      });
      if (options.demo) await writeDemo(config, io, { onlyIfEmpty: true });
      await runServer(config, { log: true, say: io.stdout });
    });
}
