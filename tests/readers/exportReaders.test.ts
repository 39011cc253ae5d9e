// The exports as their real readers open them: the built `claimgraph` exports the seed
// dataset and an imported third-party file (Les Misérables, GEXF from gephi-lite) in every
// format, and Debian's NetworkX, igraph and pandas (/usr/bin/python3, read_exports.py)
// read each file back: counts, direction, types, statuses, weights, and the claims JSON
// giving the quotes back. A missing reader fails the test, saying what to install. The
// export to standard output is held to be byte for byte the --out file.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertServerBuilt, repoRoot } from '../api/childServer';

const PYTHON = '/usr/bin/python3';
const cli = path.join(repoRoot, 'bin', 'claimgraph.js');
const lesMiserables = path.join(repoRoot, '..', 'shared', 'datasets', 'gephi-lite__les-miserables.gexf');

/** Every format the readers are given: the file name after `claimgraph.`, the CLI flags. */
const EXPORTS: Array<[file: string, flags: string[]]> = [
  ['gexf', ['--format', 'gexf']],
  ['static.gexf', ['--format', 'gexf', '--static']],
  ['graphml', ['--format', 'graphml']],
  ['json', ['--format', 'json']],
  ['nodes.csv', ['--format', 'nodes.csv']],
  ['edges.csv', ['--format', 'edges.csv']],
  ['neo4j-admin.tar', ['--format', 'neo4j-admin']],
  ['cypher', ['--format', 'cypher']],
];

function assertReadersInstalled(): void {
  const probe = spawnSync(PYTHON, ['-c', 'import networkx, igraph, pandas'], { encoding: 'utf8' });
  if (probe.status !== 0)
    throw new Error(
      `the export readers are missing for ${PYTHON} (${(probe.stderr || String(probe.error)).trim().split('\n').pop()}): ` +
        'apt-get install python3-networkx python3-igraph python3-pandas',
    );
}

function claimgraph(...args: string[]): Buffer {
  return execFileSync(process.execPath, [cli, ...args], { maxBuffer: 256 * 1024 * 1024, stdio: 'pipe' });
}

/**
 * Exports the data folder in every format into `folder`. With `compareStdout`, each is
 * also written to standard output (no --out, and once `--out -`): the same bytes as the file.
 */
function exportAll(dataDir: string, folder: string, compareStdout: boolean): void {
  fs.mkdirSync(folder, { recursive: true });
  for (const [file, flags] of EXPORTS) {
    const out = path.join(folder, `claimgraph.${file}`);
    claimgraph('export', ...flags, '--data', dataDir, '--out', out);
    if (!compareStdout) continue;
    const stdout = claimgraph('export', ...flags, '--data', dataDir);
    expect([file, stdout.length > 0 && stdout.equals(fs.readFileSync(out))]).toEqual([file, true]);
  }
  if (compareStdout) {
    const dash = claimgraph('export', '--format', 'gexf', '--data', dataDir, '--out', '-');
    expect(dash.equals(fs.readFileSync(path.join(folder, 'claimgraph.gexf')))).toBe(true);
  }
}

interface NetworkxSummary {
  nodes: number;
  edges: number;
  directed: boolean;
  undirectedRelations: number;
  nodeTypes: Record<string, number>;
  edgeTypes: Record<string, number>;
  statuses: Record<string, number>;
  degreeTypes: string[];
  degreeSum: number;
  weightSum: number | null;
  claims: number;
  probe: Array<{
    quotes: Array<string | null>;
    records: Array<string | null>;
    directed: boolean;
    claimCount: number;
    weight: number | null;
    spells: Array<[string, string]> | null;
  }>;
}

type IgraphSummary = Omit<NetworkxSummary, 'edgeTypes' | 'weightSum' | 'probe'> & {
  probe: Array<Array<string | null>>;
};

interface Readings {
  networkx: Record<'gexf' | 'static.gexf' | 'graphml' | 'json' | 'csv', NetworkxSummary>;
  igraph: Record<'gexf' | 'graphml' | 'json' | 'csv', IgraphSummary>;
}

function read(folder: string, edgeKey: string): Readings {
  const script = path.join(__dirname, 'read_exports.py');
  const result = spawnSync(PYTHON, [script, folder, edgeKey], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`read_exports.py failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as Readings;
}

const SEED_CONTACT_QUOTES = [
  'Tech billionaire Elon Musk has allegedly been in regular touch with Russian President Vladimir Putin since late 2022, a report by The Wall Street Journal has said',
  'The report cites intelligence sources who claim that these discussions continued into 2024',
  'The conversations were reportedly on personal topics, business, and geopolitical tensions and took place between October 2022—when he proposed a controversial peace deal—and "into this year."',
  'Responding to the allegations, Kremlin spokesperson Dmitry Peskov said their only communication with Musk was a phone call discussing "space, as well as current and future technologies."',
];

let work: string;
beforeAll(() => {
  assertReadersInstalled();
  assertServerBuilt();
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-readers-'));
});
afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('the seed dataset, read back by NetworkX, igraph and pandas', () => {
  let readings: Readings;
  beforeAll(() => {
    exportAll(path.join(repoRoot, 'graph-data'), path.join(work, 'seed'), true);
    readings = read(path.join(work, 'seed'), 'elon-musk|in_contact_with|vladimir-putin');
  }, 240_000);

  const counts = {
    nodes: 15,
    edges: 19,
    directed: true,
    undirectedRelations: 3,
    nodeTypes: { country: 5, person: 5, organization: 4, service: 1 },
    statuses: { reported: 13, alleged: 4, confirmed: 1, disputed: 1 },
    degreeSum: 38,
    claims: 23,
  };
  const edgeTypes = {
    acted_on_behalf_of: 1,
    attacked: 1,
    criticized: 1,
    holds_position: 3,
    in_contact_with: 2,
    linked_to: 1,
    owns: 1,
    part_of: 2,
    provided_access: 1,
    requested: 1,
    restricted_access: 1,
    supported: 2,
    used: 2,
  };

  it.each(['gexf', 'static.gexf', 'graphml', 'json', 'csv'] as const)('NetworkX reads the %s export', (name) => {
    const summary = readings.networkx[name];
    expect(summary).toMatchObject({ ...counts, edgeTypes, degreeTypes: ['int'] });
    // The weight of an edge of our own claims is its claim count; the JSON has the claims only.
    expect(summary.weightSum).toBe(name === 'json' ? null : 23);
    expect(summary.probe).toEqual([
      {
        quotes: SEED_CONTACT_QUOTES,
        records: [null, null, null, null],
        directed: false,
        claimCount: 4,
        weight: name === 'json' ? null : 4,
        // The dynamic GEXF alone has the timeline: the four claims' days (2022-10, 2022, 2024, none) in one spell.
        spells: name === 'gexf' ? [['2022-10-01', '2024-12-31']] : null,
      },
    ]);
  });

  it.each(['gexf', 'graphml', 'json', 'csv'] as const)('igraph reads the %s export', (name) => {
    const summary = readings.igraph[name];
    // igraph keeps every number as a double (its C core has no integer attributes), whatever GraphML declares.
    expect(summary).toMatchObject({ ...counts, degreeTypes: [name === 'graphml' ? 'float' : 'int'] });
    expect(summary.probe).toEqual([SEED_CONTACT_QUOTES]);
  });
});

describe('Les Misérables (GEXF from gephi-lite), imported, exported and read back', () => {
  let readings: Readings;
  beforeAll(() => {
    const dataDir = path.join(work, 'les-miserables-data');
    claimgraph('import', '--format', 'gexf', lesMiserables, '--out', dataDir);
    exportAll(dataDir, path.join(work, 'les-miserables'), false);
    readings = read(path.join(work, 'les-miserables'), '0|linked_to|11');
  }, 240_000);

  const counts = {
    nodes: 77,
    edges: 254,
    directed: true,
    // Co-appearance is undirected: every edge is linked_to, written subject → object with directed false.
    undirectedRelations: 254,
    nodeTypes: { unspecified: 77 },
    statuses: { reported: 254 },
    degreeSum: 508,
    claims: 254,
  };

  it.each(['gexf', 'static.gexf', 'graphml', 'json', 'csv'] as const)('NetworkX reads the %s export', (name) => {
    const summary = readings.networkx[name];
    expect(summary).toMatchObject({ ...counts, edgeTypes: { linked_to: 254 }, degreeTypes: ['int'] });
    // The file's own weights (723 on 157 edges) and GEXF's default 1 on the other 97: 820, as Gephi reads it.
    expect(summary.weightSum).toBe(name === 'json' ? null : 820);
    expect(summary.probe).toEqual([
      {
        quotes: [null],
        records: ['geid_138_10'],
        directed: false,
        claimCount: 1,
        weight: name === 'json' ? null : 5,
        spells: null,
      },
    ]);
  });

  it.each(['gexf', 'graphml', 'json', 'csv'] as const)('igraph reads the %s export', (name) => {
    expect(readings.igraph[name]).toMatchObject({ ...counts, degreeTypes: [name === 'graphml' ? 'float' : 'int'] });
    expect(readings.igraph[name].probe).toEqual([[null]]);
  });
});
