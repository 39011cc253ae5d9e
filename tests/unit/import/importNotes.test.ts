// An import never changes data without a word: bytes that are not UTF-8, control
// characters, text longer than its field and attributes named "__proto__" are each fixed
// and told in the summary, counted by record, with the fields they touched. Inputs too
// large to read, nested too deep or malformed deep are refused naming the file.
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../../server/cli/main';
import { importData, MAX_INPUT_FILE_BYTES, readInputFiles } from '../../../server/import/importData';
import type { EntityInput } from '../../../server/model/records';
import { temporaryFolder } from './helpers';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
const note = (text: string) => `claimgraph import: note: ${text}`;
const entitiesOf = (outDir: string) =>
  JSON.parse(fs.readFileSync(path.join(outDir, 'entities.json'), 'utf8')) as EntityInput[];

describe('the import summary tells every change to the data', () => {
  const longName = 'L'.repeat(5_000_000);

  it('CSV: invalid UTF-8, control characters, a 5 MB label and "__proto__" columns, counted by record and field', async () => {
    const folder = temporaryFolder();
    const nodes = path.join(folder, 'nodes.csv');
    const edges = path.join(folder, 'edges.csv');
    fs.writeFileSync(
      nodes,
      bytes(
        'id,label,type,city,__proto__\n',
        'a,Al',
        [0xff],
        'ice,person,Par',
        [0xe9],
        'is,x\n', // two sequences that are not UTF-8
        'b,B',
        [0xc3],
        'ob,person,Berlin,\n', // a lead byte without its continuation
        'c,Carol,person,Rome\uFFFD,z\n', // a U+FFFD the file itself holds: kept, not counted
        'd,Dan\u0000 Doe,person,Oslo\u0001,\n',
        `e,${longName},person,Lima,\n`,
        'f,Fay',
        [0xf0, 0x9f],
        ',person,Kyiv,\n', // a four-byte sequence cut short
      ),
    );
    fs.writeFileSync(edges, 'source,target,type\na,b,associate_of\n');
    const outDir = path.join(folder, 'out');
    const result = await run('import', '--format', 'csv', nodes, edges, '--out', outDir);
    expect(result.code).toBe(0);
    expect(result.err.split('\n')).toEqual([
      note('nodes.csv: 4 byte sequences are not UTF-8 (each replaced by U+FFFD)'),
      note('3 entities had invalid UTF-8 in name, attributes.city (replaced by U+FFFD)'),
      note('1 entity had control characters in name, attributes.city (removed)'),
      note('1 entity had more than 500 characters in name (cut to 500, ending in …)'),
      note('2 entities had an attribute named "__proto__" in attributes (left out: JSON readers drop that name)'),
    ]);
    expect(entitiesOf(outDir)).toEqual([
      { id: 'a', type: 'person', name: 'Al\uFFFDice', aliases: [], attributes: { city: 'Par\uFFFDis' } },
      { id: 'b', type: 'person', name: 'B\uFFFDob', aliases: [], attributes: { city: 'Berlin' } },
      { id: 'c', type: 'person', name: 'Carol', aliases: [], attributes: { city: 'Rome\uFFFD' } },
      { id: 'd', type: 'person', name: 'Dan Doe', aliases: [], attributes: { city: 'Oslo' } },
      { id: 'e', type: 'person', name: `${'L'.repeat(499)}…`, aliases: [], attributes: { city: 'Lima' } },
      { id: 'f', type: 'person', name: 'Fay\uFFFD', aliases: [], attributes: { city: 'Kyiv' } },
    ]);
    // The summary is kept with the folder.
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'import.json'), 'utf8')).notes).toEqual(
      result.err.split('\n').map((line) => line.replace('claimgraph import: note: ', '')),
    );
  });

  it('graph JSON: the same for nodes and edges, entities and claims told apart', () => {
    const text = JSON.stringify({
      nodes: [
        { key: 'a', attributes: { label: 'A\u0000', type: 'person', ['__proto__']: 'kept?' } },
        { key: 'b', attributes: { label: 'B', type: 'person', notes: ['ok', 'tab\tand\u0007bell'] } },
      ],
      edges: [
        {
          key: 'e1',
          source: 'a',
          target: 'b',
          attributes: { type: 'associate_of', label: `${'S'.repeat(1500)}\u001b` },
        },
      ],
    }).replace('"__proto__":"kept?"', '"__proto__":{"polluted":true}');
    const data = importData('json', [{ path: 'g.json', name: 'g.json', text }]);
    expect(data.notes).toEqual([
      '2 entities had control characters in name, attributes.notes (removed)',
      '1 entity had an attribute named "__proto__" in attributes (left out: JSON readers drop that name)',
      '1 claim had control characters in summary (removed)',
      '1 claim had more than 1000 characters in summary (cut to 1000, ending in …)',
    ]);
    expect(data.entities).toEqual([
      { id: 'a', type: 'person', name: 'A', aliases: [] },
      { id: 'b', type: 'person', name: 'B', aliases: [], attributes: { notes: ['ok', 'tab\tandbell'] } },
    ]);
    expect(data.claims[0].summary).toBe(`${'S'.repeat(999)}…`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('GEXF: an attribute named "__proto__" is told, not lost inside the parser', () => {
    const text = `<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
<attributes class="node"><attribute id="0" title="__proto__" type="string"/><attribute id="1" title="type" type="string"/></attributes>
<nodes><node id="a" label="A"><attvalues><attvalue for="0" value="v"/><attvalue for="1" value="person"/></attvalues></node>
<node id="b" label="B&#1;"><attvalues><attvalue for="1" value="person"/></attvalues></node></nodes>
<edges><edge id="e" source="a" target="b"/></edges></graph></gexf>`;
    const data = importData('gexf', [{ path: 'p.gexf', name: 'p.gexf', text }]);
    expect(data.notes).toEqual([
      'p.gexf: no edge has an attribute "type", so every edge is imported as "linked_to"; name the edge type attribute with --edge-type-attr NAME (edge attributes: none)',
      '1 entity had control characters in name (removed)',
      '1 entity had an attribute named "__proto__" in attributes (left out: JSON readers drop that name)',
    ]);
    expect(data.entities.map((e) => [e.name, e.attributes])).toEqual([
      ['A', undefined],
      ['B', undefined],
    ]);
  });

  it('FtM: invalid UTF-8 and text too long for description and aliases', () => {
    const folder = temporaryFolder();
    const file = path.join(folder, 'e.ftm.json');
    const line = (id: string, properties: Record<string, string[]>) =>
      `${JSON.stringify({ id, schema: 'Person', properties })}\n`;
    fs.writeFileSync(
      file,
      bytes(
        line('p1', { name: ['Ivan'], description: ['D'.repeat(6000)] }),
        '{"id":"p2","schema":"Person","properties":{"name":["Ol',
        [0xff],
        `"],"alias":["${'A'.repeat(600)}"]}}\n`,
      ),
    );
    const inputs = readInputFiles([file]);
    expect(inputs[0].invalidUtf8?.sequences).toBe(1);
    const data = importData('ftm', inputs);
    expect(data.notes).toEqual([
      'e.ftm.json: 1 byte sequence is not UTF-8 (each replaced by U+FFFD)',
      '1 entity had invalid UTF-8 in name (replaced by U+FFFD)',
      '1 entity had more than 500 characters in aliases (cut to 500, ending in …)',
      '1 entity had more than 5000 characters in description (cut to 5000, ending in …)',
    ]);
    expect(data.entities.map((e) => [e.name, e.description?.length, e.aliases?.map((a) => a.length)])).toEqual([
      ['Ivan', 5000, []],
      ['Ol\uFFFD', undefined, [500]],
    ]);
  });

  it('a file without any change has no such note', () => {
    const data = importData('json', [
      {
        path: 'ok.json',
        name: 'ok.json',
        text: '{"nodes":[{"key":"a","attributes":{"label":"Zoë \uFFFD","type":"person"}}],"edges":[]}',
      },
    ]);
    expect(data.notes).toEqual([]);
    expect(data.entities[0].name).toBe('Zoë \uFFFD');
  });
});

describe('inputs an import refuses, naming the file', () => {
  it('an input over 512 MB, from its size alone (a sparse file)', async () => {
    expect(MAX_INPUT_FILE_BYTES).toBe(512_000_000);
    const folder = temporaryFolder();
    const file = path.join(folder, 'big.ftm.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 600 * 1024 * 1024);
    const outDir = path.join(folder, 'out');
    expect(await run('import', '--format', 'ftm', file, '--out', outDir)).toEqual({
      code: 1,
      out: '',
      err: `claimgraph import: ${file}: the file is 629 MB; input files over 512 MB are refused (split it into several files: every format but csv takes several FILEs); nothing was written to ${outDir}`,
    });
  });

  it('graph JSON attributes nested 5,000 levels, naming the record and the field', () => {
    const text = `{"nodes":[{"key":"a","attributes":{"label":"A"}},{"key":"deep","attributes":{"profile":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}],"edges":[]}`;
    expect(() => importData('json', [{ path: 'deep.json', name: 'deep.json', text }])).toThrow(
      `deep.json: record "deep": field "attributes.profile${'.a'.repeat(32)}": nested more than 32 levels deep; attributes may nest objects and arrays at most 32 levels`,
    );
  });

  it('FtM properties nested 5,000 levels', () => {
    const text = `{"id":"p1","schema":"Person","properties":{"name":["P"],"notes":[${'['.repeat(5000)}${']'.repeat(5000)}]}}\n`;
    expect(() => importData('ftm', [{ path: 'deep.ftm.json', name: 'deep.ftm.json', text }])).toThrow(
      `deep.ftm.json: line 1: record "p1": field "attributes.notes${'[0]'.repeat(32)}": nested more than 32 levels deep; attributes may nest objects and arrays at most 32 levels`,
    );
  });

  it('malformed graph JSON nested 8,000 levels gets its line, not a crash', () => {
    const text = `{"nodes":\n${'['.repeat(8000)}`;
    expect(() => importData('json', [{ path: 'bad.json', name: 'bad.json', text }])).toThrow(
      'bad.json: line 2: malformed JSON: expected a value but found the end of the file',
    );
  });
});
