// The shape of a CLI command and the small argument parser they share (node:util's
// parseArgs, strict, so a misspelt flag is an error instead of being ignored).
import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ConfigError, parseSetting, resolveDataDir, type ServerConfig } from '../config';
import type { ProgressStream } from './progress';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Where streamed output goes (`export` without --out): process.stdout unless a test gives another. */
  stdout?: Writable;
  /** Where progress lines go (progress.ts): process.stderr from the command line; none under --quiet or in-process. */
  progress?: ProgressStream;
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

/** The author the command line's writes are journalled under (the API's are the signed-in user's). */
export const CLI_AUTHOR = 'cli';

/** The data folder a command reads is not there; one line naming it and how to give one. */
export class DataFolderMissingError extends Error {
  constructor(readonly dataDir: string) {
    super(
      fs.existsSync(dataDir)
        ? `the data folder ${dataDir} is a file, not a folder; give the folder with --data DIR or CLAIMGRAPH_DATA`
        : `the data folder ${dataDir} does not exist; give one with --data DIR or CLAIMGRAPH_DATA, or make one with \`claimgraph import\` or \`claimgraph generate\``,
    );
    this.name = 'DataFolderMissingError';
  }
}

/** The data folder from --data, CLAIMGRAPH_DATA or the embedded one, refused at once when it is not a folder. */
export function existingDataDir(flag: string | undefined): string {
  const dataDir = resolveDataDir(flag);
  if (!fs.statSync(dataDir, { throwIfNoEntry: false })?.isDirectory()) throw new DataFolderMissingError(dataDir);
  return dataDir;
}

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

/** The file name that stands for standard input (or output) on the command line. */
export const STANDARD_STREAM = '-';

/** A text file a command reads, or standard input for `-`; a path problem is one line (userErrors.ts). */
export function readTextInput(file: string): string {
  try {
    return fs.readFileSync(file === STANDARD_STREAM ? 0 : file, 'utf8');
  } catch (error) {
    // Reading a folder fails in read(), whose error names no path.
    const systemError = error as NodeJS.ErrnoException;
    if (systemError.code !== undefined && systemError.path === undefined)
      systemError.path = file === STANDARD_STREAM ? 'standard input' : file;
    throw error;
  }
}
