/**
 * Use case: read a plan file (YAML or JSON) into plain data for {@link computePlan}.
 * Problems are the user's to fix, so they become AppErrors with the file and line named.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { AppError } from '../../domain/errors.js';

/** Largest plan file we accept; a plan with every actual of a big team stays far below. */
const MAX_PLAN_FILE_BYTES = 50 * 1024 * 1024;

/**
 * UTF-8 (with or without BOM) first; files that are not valid UTF-8 are read as GB18030,
 * the superset of GBK that Chinese Windows and Excel write by default.
 */
export function decodeText(buffer: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    return new TextDecoder('gb18030').decode(buffer);
  }
}

/** Reads and parses `path`; `.json` is JSON, anything else YAML (a superset of JSON). */
export async function readPlanFile(path: string): Promise<unknown> {
  let text: string;
  try {
    const buffer = await readFile(path);
    if (buffer.length > MAX_PLAN_FILE_BYTES) {
      throw new AppError('FILE.UNREADABLE', { path, reason: 'larger than 50 MB' });
    }
    text = decodeText(buffer);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('FILE.NOT_FOUND', { path });
    throw new AppError('FILE.UNREADABLE', { path, reason: (error as Error).message });
  }
  try {
    const data: unknown = extname(path).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text);
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      throw new AppError('FILE.UNREADABLE', { path, reason: 'the file must hold a plan (target, year, …)' });
    }
    return data;
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason =
      error instanceof YAMLParseError
        ? `line ${error.linePos?.[0]?.line ?? '?'}: ${error.message.split('\n')[0]}`
        : (error as Error).message;
    throw new AppError('FILE.UNREADABLE', { path, reason });
  }
}
