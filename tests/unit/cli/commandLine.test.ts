// `claimgraph` as a shell user meets it, through the built bin/claimgraph.js in a child
// process: --version, help, `-` for standard input, one line naming the path for every
// file mistake, progress on a terminal only (a real pseudo-terminal from util-linux's
// `script`) and never when piped.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertServerBuilt, repoRoot } from '../../api/childServer';

const node = path.join(repoRoot, 'node_modules', '.bin', 'node');
const tiny = path.join(repoRoot, 'tests', 'fixtures', 'data', 'tiny');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-command-line-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

const ARTICLE = [
  ' date 2024-02-01 Carol joins Acme',
  'Carol White was appointed chief executive of Acme Corp in January 2024.',
  '',
].join('\n');

function claimgraph(args: string[], input?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.CLAIMGRAPH_DATA;
  const result = spawnSync(node, [path.join(repoRoot, 'bin', 'claimgraph.js'), ...args], {
    cwd: scratch,
    input,
    env,
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout.trimEnd(), err: result.stderr.trimEnd() };
}

function tinyCopy(): string {
  const dir = fs.mkdtempSync(path.join(scratch, 'data-'));
  fs.cpSync(tiny, dir, { recursive: true });
  return dir;
}

beforeAll(() => assertServerBuilt());

describe('claimgraph --version and help', () => {
  const version = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;

  it.each([['--version'], ['-V']])('%s prints the package version', (flag) => {
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    expect(claimgraph([flag])).toEqual({ code: 0, out: version, err: '' });
  });

  it('prints the help and exits 0 when given no command', () => {
    const bare = claimgraph([]);
    expect(bare.code).toBe(0);
    expect(bare.err).toBe('');
    expect(bare.out.split('\n')[0]).toBe('claimgraph: an evidence-first entity-relationship graph explorer');
    expect(bare.out).toMatch(/^ {2}serve +serve the REST API and the web client/m);
    expect(bare.out).toBe(claimgraph(['--help']).out);
  });

  it('serve --help names --host', () => {
    expect(claimgraph(['serve', '--help']).out.split('\n')[0]).toBe(
      'usage: claimgraph serve [--port N] [--host ADDRESS] [--private | --public-reads] [--data DIR | --database URL]',
    );
  });
});

describe('- is standard input', () => {
  it('ingest - stores the article under --name', () => {
    const dir = tinyCopy();
    const result = claimgraph(['ingest', '-', '--name', '301_carol.txt', '--data', dir], ARTICLE);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toMatch(
      /^stored document 301_carol \(2024-02-01 "Carol joins Acme"\) with \d+ proposals? pending review:$/,
    );
    expect(fs.readFileSync(path.join(dir, 'journal.jsonl'), 'utf8')).toContain('"id":"301_carol"');
  });

  it('ingest - without --name names the document by its content hash, as the API does', () => {
    const dir = tinyCopy();
    const result = claimgraph(['ingest', '-', '--data', dir], ARTICLE);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toMatch(
      /^stored document article-[0-9a-f]{16} \(2024-02-01 "Carol joins Acme"\)/,
    );
  });

  it('extract - prints the proposals for the article read from standard input', () => {
    const result = claimgraph(['extract', '-', '--name', '301_carol.txt', '--data', tiny], ARTICLE);
    expect(result.code).toBe(0);
    const extracted = JSON.parse(result.out);
    expect(extracted.document).toEqual({ id: '301_carol', date: '2024-02-01', title: 'Carol joins Acme' });
    expect(extracted.entities.map((e: { name: string }) => e.name)).toContain('Carol White');
  });

  it('import - reads the file from standard input, with --format', () => {
    const out = path.join(scratch, 'from-stdin');
    const result = claimgraph(
      ['import', '--format', 'csv', '-', '--out', out],
      'source,target,type\nAlice,Bob,associate_of\n',
    );
    expect(result.code).toBe(0);
    expect(result.out.split('\n')).toEqual([
      `imported stdin.csv (csv) into ${out}`,
      '  entities  2',
      '  claims    1',
      '  edges     1',
    ]);
  });

  it('import - says the format is needed', () => {
    const result = claimgraph(['import', '-', '--out', path.join(scratch, 'no-format')], 'a,b\n');
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe(
      'claimgraph import: --format is required (one of gexf, graphml, json, csv, ftm)',
    );
  });
});

describe('a file mistake is one line naming the path, with exit code 1', () => {
  const missing = () => path.join(scratch, 'no-such-article.txt');

  it.each<[string, () => string[], () => string]>([
    [
      'ingest of a missing article',
      () => ['ingest', missing(), '--data', tinyCopy()],
      () => `claimgraph ingest: ${missing()}: no such file or folder; check the path`,
    ],
    [
      'extract of a missing article',
      () => ['extract', missing(), '--data', tiny],
      () => `claimgraph extract: ${missing()}: no such file or folder; check the path`,
    ],
    [
      'extract of a folder',
      () => ['extract', tiny, '--data', tiny],
      () => `claimgraph extract: ${tiny}: is a folder, not a file; give a file inside it`,
    ],
    [
      'ingest from a missing folder',
      () => ['ingest', path.join(scratch, 'nowhere', 'a.txt'), '--data', tinyCopy()],
      () =>
        `claimgraph ingest: ${path.join(scratch, 'nowhere', 'a.txt')}: the folder ${path.join(scratch, 'nowhere')} does not exist; check the path (or create the folder first)`,
    ],
    [
      'curate add of a missing body',
      () => ['curate', 'add', path.join(scratch, 'body.json'), '--data', tinyCopy()],
      () => `claimgraph curate: ${path.join(scratch, 'body.json')}: no such file or folder; check the path`,
    ],
    [
      'validate of a missing data folder',
      () => ['validate', '--data', path.join(scratch, 'no-data')],
      () =>
        `claimgraph validate: the data folder ${path.join(scratch, 'no-data')} does not exist; give one with --data DIR or CLAIMGRAPH_DATA, or make one with \`claimgraph import\` or \`claimgraph generate\``,
    ],
    [
      'compact of a file given as the data folder',
      () => ['compact', '--data', path.join(tiny, 'claims.json')],
      () =>
        `claimgraph compact: the data folder ${path.join(tiny, 'claims.json')} is a file, not a folder; give the folder with --data DIR or CLAIMGRAPH_DATA`,
    ],
    [
      'import of a missing file',
      () => ['import', '--format', 'csv', missing(), '--out', path.join(scratch, 'never')],
      () =>
        `claimgraph import: ${missing()}: no such file; check the path; nothing was written to ${path.join(scratch, 'never')}`,
    ],
  ])('%s', (_what, args, expected) => {
    const result = claimgraph(args());
    expect(result).toEqual({ code: 1, out: '', err: expected() });
  });

  it('an unreadable article (permission denied) names it', () => {
    const file = path.join(scratch, 'locked.txt');
    fs.writeFileSync(file, ARTICLE, { mode: 0o000 });
    // root reads any file: the check needs a user the permissions apply to.
    const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const result = spawnSync(
      asNobody[0] ?? node,
      [
        ...asNobody.slice(1),
        ...(asNobody.length ? [node] : []),
        path.join(repoRoot, 'bin', 'claimgraph.js'),
        'extract',
        file,
        '--data',
        tiny,
      ],
      { encoding: 'utf8', cwd: '/' },
    );
    expect(result.stderr.trimEnd()).toBe(
      `claimgraph extract: ${file}: permission denied; check who owns it and its permissions (ls -l ${scratch})`,
    );
    expect(result.status).toBe(1);
  });
});

describe('progress', () => {
  const generateArgs = (out: string) => ['generate', '--entities', '3000', '--out', out];

  it('is never written when stderr is piped', () => {
    const out = path.join(scratch, 'generated-piped');
    const result = claimgraph(generateArgs(out));
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatch(/^.*generated-piped: 3000 entities, 30000 claims, \d+ documents \(seed 1, [\d.]+ s\)$/m);
  });

  /** Runs the command on a pseudo-terminal (util-linux `script`), which stands for both stdout and stderr. */
  function onTerminal(args: string[]): string {
    const command = [node, path.join(repoRoot, 'bin', 'claimgraph.js'), ...args]
      .map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`)
      .join(' ');
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: scratch, encoding: 'utf8' });
    expect(result.status).toBe(0);
    return result.stdout;
  }

  it('rewrites one line of the terminal with counts and the elapsed time, then clears it', () => {
    const shown = onTerminal(generateArgs(path.join(scratch, 'generated-tty')));
    expect(shown).toMatch(/\r\x1b\[2Kgenerate: making 3,000 entities · \d+\.\d s/);
    expect(shown).toMatch(/\r\x1b\[2Kgenerate: 3,000 entities, [\d,]+ of 30,000 claims \(\d+ %\) · \d+\.\d s/);
    // Cleared before the summary.
    expect(shown).toMatch(/\r\x1b\[2K[^\r]*generated-tty: 3000 entities/);
  });

  it('validate and import show their phases on a terminal', () => {
    expect(onTerminal(['validate', '--data', tiny])).toContain(`\r\x1b[2Kvalidate: loading and checking ${tiny} · `);
    const edges = path.join(scratch, 'edges.csv');
    fs.writeFileSync(edges, 'source,target\nAlice,Bob\n');
    const shown = onTerminal(['import', '--format', 'csv', edges, '--out', path.join(scratch, 'imported-tty')]);
    expect(shown).toContain('\r\x1b[2Kimport: reading ');
    expect(shown).toContain('\r\x1b[2Kimport: writing 2 entities and 1 claims · ');
  });

  it('is off on a terminal with --quiet', () => {
    const shown = onTerminal([...generateArgs(path.join(scratch, 'generated-quiet')), '--quiet']);
    expect(shown).not.toContain('\x1b[2K');
    expect(shown).toMatch(/generated-quiet: 3000 entities/);
  });
});
