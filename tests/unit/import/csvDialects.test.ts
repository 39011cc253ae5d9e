// CSV as spreadsheets in Europe export it: `;` between fields (the comma is the decimal
// mark), tab-separated text, and Windows-1252 instead of UTF-8. The separator is found
// from the header line or given with --delimiter; the encoding is given with --encoding.
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../../server/cli/main';
import { detectDelimiter } from '../../../server/import/csvDelimiter';
import { loadDataset } from '../../../server/load/loadDataset';
import { fixture, temporaryFolder } from './helpers';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function imported(file: string, ...flags: string[]) {
  const outDir = path.join(temporaryFolder(), 'out');
  const result = await run('import', '--format', 'csv', fixture(file), '--out', outDir, ...flags);
  // Only notes (no node type column), no error.
  expect(result.err.split('\n').filter((line) => !line.startsWith('claimgraph import: note: '))).toEqual([]);
  expect(result.code).toBe(0);
  const dataset = loadDataset(outDir);
  const names = [...dataset.entities.values()].map((e) => e.name).sort();
  const claims = dataset.claims.map((c) => [c.subject, c.type, c.object, c.attributes ?? {}]);
  return { names, claims, outDir };
}

describe('detectDelimiter', () => {
  it.each([
    ['source,target\n', ','],
    ['source;target;type\n', ';'],
    ['source\ttarget\n', '\t'],
    ['a|b|c\n', '|'],
    ['"a;b",c\n', ','],
    ['single\n', ','],
    ['\uFEFFx;y\n', ';'],
  ])('%j is separated by %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

describe('claimgraph import --format csv', () => {
  it('reads a ; file, a quoted field with a comma staying one field', async () => {
    const { names, claims } = await imported('semicolon.csv');
    expect(names).toEqual(['Acme, Inc.', 'Bob Jones', 'Carol White']);
    expect(claims).toEqual([
      ['Acme-Inc.', 'linked_to', 'Bob-Jones', { type: 'owns', amount: '1.234,50' }],
      ['Bob-Jones', 'linked_to', 'Carol-White', { type: 'associate_of' }],
    ]);
  });

  it('reads a tab-separated file, found from its header or given as --delimiter tab', async () => {
    const found = await imported('tab.tsv');
    expect(found.names).toEqual(['Acme', 'Alice Smith', 'Bob\tJones', 'Bob Jones']);
    expect((await imported('tab.tsv', '--delimiter', 'tab')).claims).toEqual(found.claims);
  });

  it('refuses a delimiter that is not one character', async () => {
    const result = await run(
      'import',
      '--format',
      'csv',
      fixture('tab.tsv'),
      '--out',
      temporaryFolder(),
      '--delimiter',
      ';;',
    );
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe(
      'claimgraph import: --delimiter expects one character such as , ; | or the word tab, not ";;"',
    );
  });

  it('decodes Windows-1252 with --encoding windows-1252 and keeps the source bytes as they were', async () => {
    const bytes = fs.readFileSync(fixture('windows-1252.csv'));
    expect([bytes.indexOf(0xe9), bytes.indexOf(0xfc), bytes.indexOf(0x80)].every((i) => i > 0)).toBe(true);
    const { names, claims, outDir } = await imported('windows-1252.csv', '--encoding', 'windows-1252');
    expect(names).toEqual(['René Müller', 'Zoë Café']);
    expect(claims).toEqual([['Rene-Muller', 'linked_to', 'Zoe-Cafe', { type: 'associate_of', note: 'Spende 500 €' }]]);
    expect(fs.readFileSync(path.join(outDir, 'sources', 'windows-1252.csv'))).toEqual(bytes);
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'import.json'), 'utf8')).options).toEqual({
      encoding: 'windows-1252',
    });
  });

  it('without --encoding, says the Windows-1252 bytes are not UTF-8', async () => {
    const outDir = path.join(temporaryFolder(), 'out');
    const result = await run('import', '--format', 'csv', fixture('windows-1252.csv'), '--out', outDir);
    expect(result.code).toBe(0);
    expect(result.err).toContain('not UTF-8');
  });

  it('refuses an unknown encoding, and --encoding on a format that is not csv', async () => {
    const out = path.join(temporaryFolder(), 'out');
    const unknown = await run(
      'import',
      '--format',
      'csv',
      fixture('semicolon.csv'),
      '--out',
      out,
      '--encoding',
      'klingon',
    );
    expect([unknown.code, unknown.err.split('\n')[0]]).toEqual([
      2,
      'claimgraph import: --encoding: unknown encoding "klingon"; use e.g. utf-8, windows-1252, iso-8859-15',
    ]);
    const gexf = await run(
      'import',
      '--format',
      'gexf',
      fixture('unclosed.gexf'),
      '--out',
      out,
      '--encoding',
      'latin1',
    );
    expect([gexf.code, gexf.err.split('\n')[0]]).toEqual([
      2,
      'claimgraph import: --encoding applies to --format csv only (XML and JSON say their own)',
    ]);
  });
});
