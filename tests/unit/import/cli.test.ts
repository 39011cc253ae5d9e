// `claimgraph import` as a user meets it: the summary, the notes, the folder that
// `claimgraph validate` accepts; and for a malformed or foreign file, an error naming the
// file and the record or line, exit code 1, and nothing left where --out points.
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../../server/cli/main';
import { importData, readInputFiles } from '../../../server/import/importData';
import { OutputFolderError, writeDataFolder } from '../../../server/import/writeDataFolder';
import { DataIntegrityError } from '../../../server/load/problems';
import { dataset, fixture, temporaryFolder } from './helpers';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('claimgraph import', () => {
  it('imports FtM entities into a folder that validate accepts', async () => {
    const outDir = path.join(temporaryFolder(), 'zala');
    const imported = await run('import', '--format', 'ftm', dataset('yente__zala.entities.ftm.json'), '--out', outDir);
    expect(imported.code).toBe(0);
    expect(imported.out).toBe(
      [
        `imported yente__zala.entities.ftm.json (ftm) into ${outDir}`,
        '  entities  30',
        '  claims    91',
        '  edges     58',
      ].join('\n'),
    );
    expect(imported.err.split('\n')).toEqual([
      'claimgraph import: note: 11 Address entities are not nodes: 11 address references were copied as text into the "addresses" attribute of the entities that make them',
      'claimgraph import: note: skipped 1 entity of schemata with no mapping: 1 Passport',
      'claimgraph import: note: 16 references to entities not in the input were left out: 16 addressEntity',
    ]);
    const validated = await run('validate', '--data', outDir);
    expect(validated.code).toBe(0);
    expect(validated.out.split('\n').slice(0, 5)).toEqual([
      `${outDir}: valid`,
      '  documents 0',
      '  entities  30',
      '  claims    91',
      '  edges     58 (confirmed 0, reported 58, alleged 0, disputed 0, denied 0)',
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(outDir, 'import.json'), 'utf8'));
    expect(manifest).toMatchObject({
      format: 'ftm',
      options: {},
      entities: 30,
      claims: 91,
      files: [{ file: 'yente__zala.entities.ftm.json', bytes: 146373 }],
    });
  });

  it('passes the CSV column flags through', async () => {
    const outDir = path.join(temporaryFolder(), 'donations');
    const result = await run(
      'import',
      '--format',
      'csv',
      dataset('nomenklatura__donations.csv'),
      '--out',
      outDir,
      '--source-col',
      'Donor',
      '--target-col',
      'Party',
      '--source-type-col',
      'DonorType',
      '--default-node-type',
      'party',
      '--default-edge-type',
      'funded',
    );
    expect(result).toEqual({
      code: 0,
      err: '',
      out: [
        `imported nomenklatura__donations.csv (csv) into ${outDir}`,
        '  entities  95',
        '  claims    292',
        '  edges     116',
      ].join('\n'),
    });
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'import.json'), 'utf8')).options).toEqual({
      'default-node-type': 'party',
      'default-edge-type': 'funded',
      'source-col': 'Donor',
      'target-col': 'Party',
      'source-type-col': 'DonorType',
    });
  });

  const failures: Array<[string, string[], string]> = [
    [
      'an unclosed XML element',
      ['gexf', fixture('unclosed.gexf')],
      'unclosed.gexf: line 5: malformed XML: Opening and ending tag mismatch: "node" != "nodes"',
    ],
    [
      'an edge to a node that does not exist',
      ['gexf', fixture('dangling-edge.gexf')],
      'dangling-edge.gexf: line 10: record "e1": the edge\'s target "zz" is not a node of the file',
    ],
    [
      'an SVG given as GEXF',
      ['gexf', fixture('not-a-graph.svg')],
      'not-a-graph.svg: line 2: not a GEXF file: the root element is <svg>, expected <gexf>',
    ],
    [
      'GraphML given as GEXF',
      ['gexf', fixture('small.graphml')],
      'small.graphml: line 2: not a GEXF file: the root element is <graphml>, expected <gexf>',
    ],
    [
      'a duplicate node id',
      ['graphml', fixture('duplicate-node.graphml')],
      'duplicate-node.graphml: line 7: record "n1": duplicate node id (first at line 5)',
    ],
    [
      'malformed JSON',
      ['json', fixture('broken.json')],
      "broken.json: line 3: malformed JSON: expected ',' or '}' after the property value but found \"\\\"\"",
    ],
    [
      'a node without a key',
      ['json', fixture('no-key.json')],
      'no-key.json: record "nodes[1]": field "nodes[1].key": expected a key: a non-empty string or a number',
    ],
    [
      'an FtM array given as graph JSON',
      ['json', fixture('entity-array.json')],
      'entity-array.json: not a graph JSON file: expected an object with "nodes" and "edges" arrays (a graphology SerializedGraph or a sigma.js demo dataset)',
    ],
    [
      'a ragged CSV row',
      ['csv', fixture('ragged.csv')],
      'ragged.csv: line 3: malformed CSV: Invalid Record Length: columns length is 3, got 2 on line 3',
    ],
    [
      'a CSV edge to an unknown node',
      ['csv', fixture('nodes.csv'), fixture('edges-unknown-node.csv'), '--source-col', 'from', '--target-col', 'to'],
      'edges-unknown-node.csv: line 3: record "line 3": the edge refers to a node "ghost" that is not defined',
    ],
    [
      'a CSV column that does not exist',
      ['csv', fixture('edges.csv'), '--source-col', 'Donor'],
      'edges.csv: line 1: no column "Donor" (--source-col); the columns are: from, to, rel, amount',
    ],
    [
      'a CSV date that is not a date',
      ['csv', fixture('bad-date.csv'), '--date-col', 'when'],
      'bad-date.csv: line 3: record "line 3": "when" is "29.12.2011", expected a date as YYYY, YYYY-MM or YYYY-MM-DD',
    ],
    [
      'a line that is not JSON in FtM',
      ['ftm', fixture('not-json.ftm.json')],
      'not-json.ftm.json: line 3: not a JSON line: Unexpected token \'<\', "<gexf version="1.3">" is not valid JSON (FtM files hold one JSON entity per line)',
    ],
    [
      'an FtM entity without a schema',
      ['ftm', fixture('no-schema.ftm.json')],
      'no-schema.ftm.json: line 2: record "p2": not a FollowTheMoney entity: field "schema": Invalid input: expected string, received undefined',
    ],
    [
      'an unknown delta operation',
      ['ftm', fixture('bad-delta.ftm.json')],
      'bad-delta.ftm.json: line 2: record "p2": not a yente delta operation: field "op": Invalid option: expected one of "ADD"|"MOD"|"DEL"',
    ],
    [
      'a named type attribute that no node has',
      ['graphml', fixture('small.graphml'), '--node-type-attr', 'colour'],
      'small.graphml: no node has the attribute "colour" named by --node-type-attr; the node attributes are: kind, label, since',
    ],
    [
      'a missing input file',
      ['ftm', fixture('missing.json')],
      `${fixture('missing.json')}: no such file; check the path`,
    ],
  ];

  it.each(failures)(
    'refuses %s: names the file and record, exits 1, writes nothing',
    async (_what, [format, ...rest], message) => {
      const parent = temporaryFolder();
      const outDir = path.join(parent, 'out');
      const result = await run('import', '--format', format, ...rest, '--out', outDir);
      expect(result).toEqual({
        code: 1,
        out: '',
        err: `claimgraph import: ${message}; nothing was written to ${outDir}`,
      });
      expect(fs.readdirSync(parent)).toEqual([]);
    },
  );

  it.each([
    ['small.graphml', 'graphml'],
    ['links.ftm.json', 'ftm'],
    ['tab.tsv', 'csv'],
  ])('takes the format from the name %s when --format is not given', async (file, format) => {
    const outDir = path.join(temporaryFolder(), 'by-name');
    const imported = await run('import', fixture(file), '--out', outDir);
    expect(imported.code).toBe(0);
    expect(imported.out.split('\n')[0]).toBe(`imported ${file} (${format}) into ${outDir}`);
  });

  it('asks for --format when the names say nothing or disagree, and for standard input', async () => {
    expect((await run('import', 'export.xml', '--out', 'x')).err.split('\n')[0]).toBe(
      'claimgraph import: --format is required: export.xml does not say it by its name (.gexf, .graphml, .csv, .tsv, .json, .ftm.json, .ijson); one of gexf, graphml, json, csv, ftm',
    );
    expect((await run('import', 'nodes.csv', 'edges.json', '--out', 'x')).err.split('\n')[0]).toBe(
      'claimgraph import: --format is required: nodes.csv, edges.json do not say it by their name (.gexf, .graphml, .csv, .tsv, .json, .ftm.json, .ijson); one of gexf, graphml, json, csv, ftm',
    );
    expect((await run('import', 'nodes.csv', 'edges.json', '--out', 'x')).code).toBe(2);
  });

  it('refuses usage mistakes with exit code 2', async () => {
    expect((await run('import', '--format', 'xml', 'a.xml', '--out', 'x')).err).toMatch(
      /^claimgraph import: unknown format "xml"; expected one of gexf, graphml, json, csv, ftm\nusage: claimgraph import \[--format/,
    );
    expect((await run('import', '--format', 'gexf', 'a.gexf')).err).toMatch(
      /^claimgraph import: --out DIR is required: the data folder to create\n/,
    );
    expect((await run('import', '--format', 'ftm', 'a.json', '--out', 'x', '--node-type-attr', 'kind')).code).toBe(2);
    expect((await run('import', '--format', 'gexf', 'a.gexf', '--out', 'x', '--source-col', 'a')).err).toMatch(
      /^claimgraph import: --source-col applies to --format csv only\n/,
    );
  });

  it('will not overwrite a folder that holds something, unless --force; a failed --force keeps the old folder', async () => {
    const outDir = path.join(temporaryFolder(), 'existing');
    fs.mkdirSync(outDir);
    fs.writeFileSync(path.join(outDir, 'keep.txt'), 'mine');
    const refused = await run('import', '--format', 'ftm', fixture('links.ftm.json'), '--out', outDir);
    expect(refused).toEqual({
      code: 1,
      out: '',
      err: `claimgraph import: ${outDir} already exists and is not empty; choose a new --out folder or pass --force to replace it; nothing was written to ${outDir}`,
    });
    const failed = await run('import', '--format', 'ftm', fixture('no-schema.ftm.json'), '--out', outDir, '--force');
    expect(failed.code).toBe(1);
    expect(fs.readdirSync(outDir)).toEqual(['keep.txt']);
    const forced = await run('import', '--format', 'ftm', fixture('links.ftm.json'), '--out', outDir, '--force');
    expect(forced.code).toBe(0);
    expect(fs.readdirSync(outDir).sort()).toEqual([
      'claims.json',
      'entities.json',
      'import.json',
      'sources',
      'vocabulary.json',
    ]);
    expect(fs.readdirSync(path.dirname(outDir))).toEqual(['existing']);
  });

  it('an empty existing folder is used as is', async () => {
    const outDir = path.join(temporaryFolder(), 'empty');
    fs.mkdirSync(outDir);
    expect((await run('import', '--format', 'ftm', fixture('links.ftm.json'), '--out', outDir)).code).toBe(0);
    expect(fs.existsSync(path.join(outDir, 'entities.json'))).toBe(true);
  });
});

describe('writeDataFolder', () => {
  it('loads what it wrote back with the real loader, and leaves nothing behind when that fails', () => {
    const inputs = readInputFiles([fixture('links.ftm.json')]);
    const data = importData('ftm', inputs);
    data.claims.push({
      id: 'bad',
      subject: 'p1',
      type: 'owns',
      object: 'nobody',
      stance: 'asserts',
      record: { file: 'links.ftm.json', id: 'bad' },
    });
    const parent = temporaryFolder();
    const write = () =>
      writeDataFolder(
        path.join(parent, 'out'),
        data,
        inputs.map((i) => ({ path: i.path, name: i.name })),
        { format: 'ftm', options: {}, notes: [] },
      );
    expect(write).toThrow(DataIntegrityError);
    expect(write).toThrow('claims.json: record [11] id "bad": field "object": unknown entity "nobody"');
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it('is an OutputFolderError to write over a file', () => {
    const parent = temporaryFolder();
    const file = path.join(parent, 'a-file');
    fs.writeFileSync(file, 'x');
    const data = importData('ftm', readInputFiles([fixture('links.ftm.json')]));
    expect(() => writeDataFolder(file, data, [], { format: 'ftm', options: {}, notes: [] })).toThrow(OutputFolderError);
    expect(fs.readdirSync(parent)).toEqual(['a-file']);
  });
});
