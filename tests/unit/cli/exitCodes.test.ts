// The one table from errors to exit codes (server/cli/exitCodes.ts): 2 for the command
// line and the settings, 1 for the data and the machine around the program, none (an
// internal error) for anything else.
import {
  EXIT_DATA_PROBLEM,
  EXIT_INTERNAL_ERROR,
  EXIT_USAGE,
  exitCodeFor,
  exitCodeOf,
} from '../../../server/cli/exitCodes';
import { UsageError } from '../../../server/cli/command';
import { ConfigError } from '../../../server/config';
import { ImportError } from '../../../server/import/importError';
import { OutputFolderError } from '../../../server/import/writeDataFolder';
import { ArticleFormatError } from '../../../server/ingest/extractArticle';
import { DataIntegrityError } from '../../../server/load/problems';
import { DataFolderInUseError } from '../../../server/store/dataFolderLock';
import { ProposalNotFoundError, WriteConflictError, WriteInputError } from '../../../server/store/writeErrors';

const systemError = (code: string) => Object.assign(new Error(`${code}: something`), { code });

describe('exit codes', () => {
  it('are 1, 2 and 70', () => {
    expect([EXIT_DATA_PROBLEM, EXIT_USAGE, EXIT_INTERNAL_ERROR]).toEqual([1, 2, 70]);
  });

  it.each([
    ['a usage error', new UsageError('--x'), 2],
    ['a bad setting', new ConfigError('PORT must be …'), 2],
    ['a broken data folder', new DataIntegrityError([{ file: 'claims.json', message: 'bad' }]), 1],
    ['a locked data folder', new DataFolderInUseError('/data', 1234), 1],
    ['an import that cannot be read', new ImportError({ file: 'a.gexf', line: 3 }, 'bad'), 1],
    ['an output folder in the way', new OutputFolderError('not empty'), 1],
    ['an article in the wrong format', new ArticleFormatError('line 1: …'), 1],
    ['a write the data refuses', new WriteInputError([{ path: 'type', message: 'unknown' }]), 1],
    ['a write that contradicts an earlier one', new WriteConflictError('already rejected'), 1],
    ['a missing file', systemError('ENOENT'), 1],
    ['an unreadable file', systemError('EACCES'), 1],
    ['a folder given as a file', systemError('EISDIR'), 1],
    ['a port in use', systemError('EADDRINUSE'), 1],
    ['an address the machine does not have', systemError('EADDRNOTAVAIL'), 1],
    ['a host name that does not resolve', systemError('ENOTFOUND'), 1],
  ])('%s is %d', (_what, error, code) => {
    expect(exitCodeOf(error)).toBe(code);
    expect(exitCodeFor(error)).toBe(code);
  });

  it.each([
    ['a TypeError', new TypeError('x is undefined')],
    ['an error the CLI never expects', new ProposalNotFoundError('p1')],
    ['another system error', systemError('EPIPE')],
    ['a thrown string', 'oops'],
    ['undefined', undefined],
  ])('%s is an internal error: none, and thrown on', (_what, error) => {
    expect(exitCodeOf(error)).toBeUndefined();
    expect(() => exitCodeFor(error)).toThrow();
  });
});
