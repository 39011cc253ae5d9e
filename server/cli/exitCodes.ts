// The one table from errors to the exit codes of `claimgraph` and `npm start`: 1 when
// the data or something around the program is wrong (a broken or locked data folder, a
// file that cannot be read or written, a full disk, a port in use), 2 when the command line or a
// setting is (a bad flag, a bad environment variable). Anything else is an internal
// error, 70 (EX_SOFTWARE), reported by the entry points with its stack.
import { ConfigError } from '../config';
import { ImportError } from '../import/importError';
import { OutputFolderError } from '../import/writeDataFolder';
import { ArticleFormatError } from '../ingest/extractArticle';
import { ArticleTooLargeError, ExtractionLimitError } from '../ingest/extractionLimits';
import { DocumentFormatError } from '../ingest/formats';
import { DataIntegrityError } from '../load/problems';
import { DataFolderInUseError } from '../store/dataFolderLock';
import { UsersFileError } from '../load/readUsers';
import { UsersChangeError } from '../store/usersFile';
import { DatabaseUnavailableError } from '../store/postgres/connect';
import { ExportFolderError } from '../store/postgres/exportFolder';
import { DatabaseNotEmptyError } from '../store/postgres/importFolder';
import { SchemaNotReadyError } from '../store/postgres/loadDatasetFromDatabase';
import { SchemaTooNewError } from '../store/postgres/migrate';
import {
  CurationNotFoundError,
  DiskFullError,
  StaleVersionError,
  WriteConflictError,
  WriteInputError,
} from '../store/writeErrors';
import { DataFolderMissingError, UsageError } from './command';

export const EXIT_DATA_PROBLEM = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL_ERROR = 70;

type ErrorClass = abstract new (...args: never[]) => Error;

const exitCodes: ReadonlyArray<readonly [ErrorClass, number]> = [
  [UsageError, EXIT_USAGE],
  [ConfigError, EXIT_USAGE],
  [DataIntegrityError, EXIT_DATA_PROBLEM],
  [DataFolderMissingError, EXIT_DATA_PROBLEM],
  [DataFolderInUseError, EXIT_DATA_PROBLEM],
  [ImportError, EXIT_DATA_PROBLEM],
  [OutputFolderError, EXIT_DATA_PROBLEM],
  [ArticleFormatError, EXIT_DATA_PROBLEM],
  [DocumentFormatError, EXIT_DATA_PROBLEM],
  [ArticleTooLargeError, EXIT_DATA_PROBLEM],
  [ExtractionLimitError, EXIT_DATA_PROBLEM],
  [WriteInputError, EXIT_DATA_PROBLEM],
  [WriteConflictError, EXIT_DATA_PROBLEM],
  [CurationNotFoundError, EXIT_DATA_PROBLEM],
  [StaleVersionError, EXIT_DATA_PROBLEM],
  [DiskFullError, EXIT_DATA_PROBLEM],
  [UsersFileError, EXIT_DATA_PROBLEM],
  [UsersChangeError, EXIT_DATA_PROBLEM],
  [DatabaseUnavailableError, EXIT_DATA_PROBLEM],
  [DatabaseNotEmptyError, EXIT_DATA_PROBLEM],
  [SchemaNotReadyError, EXIT_DATA_PROBLEM],
  [SchemaTooNewError, EXIT_DATA_PROBLEM],
  [ExportFolderError, EXIT_DATA_PROBLEM],
];

/** System errors (error.code) a user can fix: a missing or unreadable file, a full disk, a port in use, an address this machine does not have. */
const systemErrorCodes: Readonly<Record<string, number>> = {
  ENOENT: EXIT_DATA_PROBLEM,
  EACCES: EXIT_DATA_PROBLEM,
  EPERM: EXIT_DATA_PROBLEM,
  EISDIR: EXIT_DATA_PROBLEM,
  ENOTDIR: EXIT_DATA_PROBLEM,
  EROFS: EXIT_DATA_PROBLEM,
  ENAMETOOLONG: EXIT_DATA_PROBLEM,
  ELOOP: EXIT_DATA_PROBLEM,
  ENOSPC: EXIT_DATA_PROBLEM,
  EDQUOT: EXIT_DATA_PROBLEM,
  EADDRINUSE: EXIT_DATA_PROBLEM,
  EADDRNOTAVAIL: EXIT_DATA_PROBLEM,
  ENOTFOUND: EXIT_DATA_PROBLEM,
};

/** The exit code the table gives `error`, or undefined for an internal error. */
export function exitCodeOf(error: unknown): number | undefined {
  for (const [errorClass, code] of exitCodes) if (error instanceof errorClass) return code;
  const systemCode = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof systemCode === 'string' && Object.hasOwn(systemErrorCodes, systemCode)
    ? systemErrorCodes[systemCode]
    : undefined;
}

/** The exit code of an error the table knows; any other is thrown on, to be reported as an internal error. */
export function exitCodeFor(error: unknown): number {
  const code = exitCodeOf(error);
  if (code === undefined) throw error;
  return code;
}
