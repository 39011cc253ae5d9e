// The lint's boundary rules (eslint.config.js) refuse the reverse arrows of the two flows:
// each case lints a one-line module as if it were a file at that place in the tree, and
// the allowed counterpart of each refusal passes. The last case runs the eslint command
// itself on a forbidden import, which exits 1 as `npm run lint` (and so CI) would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(__dirname, '..', '..');
// The config array itself: jest's module sandbox cannot import the config file the way
// ESLint loads it (a dynamic import), so it is handed over as the CLI would read it.
const config = require('../../eslint.config.js');
const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: true, overrideConfig: config });

const CLIENT = 'the client imports only server/model/ from the server (the shared schemas and rules).';
const QUERIES = 'server/queries/ are pure functions of the graph: they never import http, the store or the CLI.';
const LOAD =
  'server/load/ starts the read flow: it reads the files and the journal the store wrote, and imports nothing of ours but server/model/ and server/paths.ts.';
const STORE =
  "server/store/ is the write path under http: it never imports http or the CLI, and replays through server/load/index.ts, not the loader's files.";
const MODEL =
  'server/model/ imports nothing of ours: it is the schemas and rules everyone shares, the client included.';

/** The boundary errors for `code` placed at `file` (relative to the repository). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const refused = (specifier: string, why: string) =>
  `no-restricted-imports: '${specifier}' import is restricted from being used by a pattern. ${why}`;

describe('the boundary lint', () => {
  it('refuses the client importing server/queries, and accepts server/model', async () => {
    expect(
      await boundaryErrors(
        'client/src/probe.ts',
        "import { claimKnownOn } from '../../server/queries/claimFilters';\n",
      ),
    ).toEqual([refused('../../server/queries/claimFilters', CLIENT)]);
    expect(
      await boundaryErrors('client/src/ui/probe.ts', "import type { RouteSpec } from '../../../server/http/route';\n"),
    ).toEqual([refused('../../../server/http/route', CLIENT)]);
    expect(
      await boundaryErrors(
        'client/src/ui/probe.ts',
        "import { claimKnownOn } from '../../../server/model/claimFilters';\n",
      ),
    ).toEqual([]);
  });

  it('refuses queries importing http, as an import or a re-export', async () => {
    expect(
      await boundaryErrors('server/queries/probe.ts', "import type { RouteContext } from '../http/route';\n"),
    ).toEqual([refused('../http/route', QUERIES)]);
    expect(await boundaryErrors('server/queries/probe.ts', "export { createApp } from '../http/app';\n")).toEqual([
      refused('../http/app', QUERIES),
    ]);
    expect(
      await boundaryErrors('server/queries/probe.ts', "import type { EvidenceGraph } from '../model/evidenceGraph';\n"),
    ).toEqual([]);
  });

  it('refuses load importing the store, its entry included', async () => {
    expect(await boundaryErrors('server/load/probe.ts', "import { JournalWriter } from '../store/journal';\n")).toEqual(
      [refused('../store/journal', LOAD)],
    );
    expect(await boundaryErrors('server/load/probe.ts', "import { compactDataFolder } from '../store';\n")).toEqual([
      refused('../store', LOAD),
    ]);
  });

  it('lets the store take the loader only through its public entry', async () => {
    expect(
      await boundaryErrors('server/store/probe.ts', "import { readJournal } from '../load/readJournal';\n"),
    ).toEqual([refused('../load/readJournal', STORE)]);
    expect(await boundaryErrors('server/store/probe.ts', "import { readJournal } from '../load';\n")).toEqual([]);
    expect(await boundaryErrors('server/store/probe.ts', "import { readJournal } from '../load/index';\n")).toEqual([]);
    expect(await boundaryErrors('server/store/probe.ts', "import { createApp } from '../http/app';\n")).toEqual([
      refused('../http/app', STORE),
    ]);
  });

  it('keeps server/model free of every other folder of ours', async () => {
    expect(
      await boundaryErrors('server/model/probe.ts', "import type { LoadProblem } from '../load/problems';\n"),
    ).toEqual([refused('../load/problems', MODEL)]);
    expect(await boundaryErrors('server/model/probe.ts', "import { cacheDir } from '../paths';\n")).toEqual([
      refused('../paths', MODEL),
    ]);
    expect(
      await boundaryErrors(
        'server/model/probe.ts',
        "import { z } from 'zod';\nimport { claimSchema } from './records';\n",
      ),
    ).toEqual([]);
  });

  it('makes the eslint command exit 1 on a forbidden import', () => {
    const eslintBin = path.join(repoRoot, 'node_modules', 'eslint', 'bin', 'eslint.js');
    const run = spawnSync(
      process.execPath,
      [eslintBin, '--format', 'json', '--stdin', '--stdin-filename', 'server/queries/probe.ts'],
      { cwd: repoRoot, input: "import type { RouteContext } from '../http/route';\n", encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    const [result] = JSON.parse(run.stdout) as ESLint.LintResult[];
    expect(path.relative(repoRoot, result.filePath)).toBe(path.join('server', 'queries', 'probe.ts'));
    expect(result.messages.map((m) => `${m.ruleId}: ${m.message}`)).toEqual([refused('../http/route', QUERIES)]);
  });
});
