import type { Lang } from '../domain/errors.js';

/** What a CLI command may touch of the outside world: injected so tests run it in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The clock. */
  readonly now: () => Date;
  /** Directory that relative paths are resolved against. */
  readonly cwd: string;
  /** Environment, for the default language (CLOSER_LANG, LANG). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  readonly stderrIsTTY?: boolean;
}

/** The language of messages before options are read: CLOSER_LANG, then LANG, then English. */
export function defaultLang(env: CliIo['env']): Lang {
  const value = env?.CLOSER_LANG ?? env?.LANG ?? '';
  return value.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
