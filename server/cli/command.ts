// The shape of a CLI command and the small argument parser they share (node:util's
// parseArgs, strict, so a misspelt flag is an error instead of being ignored).
import type { Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, parseSetting, type ServerConfig } from '../config';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Where streamed output goes (`export` without --out): process.stdout unless a test gives another. */
  stdout?: Writable;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Thrown for bad command-line input; main prints the message and the command's usage. */
export class UsageError extends Error {}

/** The author the command line's writes are journalled under (the API's are `token`). */
export const CLI_AUTHOR = 'cli';

export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** A setting given by a flag (--port, --data), checked by server/config.ts; a bad one is a usage error naming the flag. */
export function flagSetting<K extends keyof ServerConfig>(
  key: K,
  text: string | undefined,
  flag: string,
): ServerConfig[K] | undefined {
  if (text === undefined) return undefined;
  try {
    return parseSetting(key, text, flag);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
}
