// Deep XML cannot stall an import: nesting past MAX_XML_DEPTH is refused naming the line,
// node hierarchies within it are read in one pass with each node's own attributes (not
// its descendants'), and DTD entities are never expanded. Fixtures are generated here.
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../../server/cli/main';
import { importData } from '../../../server/import/importData';
import { MAX_XML_DEPTH } from '../../../server/import/xml';
import { temporaryFolder } from './helpers';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const input = (name: string, text: string) => ({ path: name, name, text });

/** A GEXF whose node i holds node i+1, one node per line from line 5; each node's rank is its own depth. */
function nestedGexf(levels: number, rankValues = false): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '<graph defaultedgetype="directed"><attributes class="node"><attribute id="0" title="rank" type="integer"/></attributes>',
    '<nodes>',
  ];
  for (let i = 0; i < levels; i++) {
    const attvalues = rankValues ? `<attvalues><attvalue for="0" value="${i}"/></attvalues>` : '';
    // Every other node also holds an edge to its parent, GEXF's other kind of nesting.
    const edges =
      rankValues && i > 0 && i % 2 === 0 ? `<edges><edge id="up${i}" source="n${i}" target="n${i - 1}"/></edges>` : '';
    lines.push(`<node id="n${i}" label="N${i}">${attvalues}${edges}<nodes>`);
  }
  lines.push(
    '</nodes></node>'.repeat(levels),
    '</nodes>',
    '<edges><edge id="top" source="n0" target="n1"/></edges>',
    '</graph>',
    '</gexf>',
  );
  return lines.join('\n');
}

/** A GraphML whose node i holds a graph holding node i+1, one node per line from line 5. */
function nestedGraphml(levels: number): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '<key id="rank" for="node" attr.name="rank" attr.type="int"/>',
    '<graph edgedefault="directed">',
  ];
  for (let i = 0; i < levels; i++)
    lines.push(
      `<node id="n${i}"><data key="rank">${i}</data><graph edgedefault="directed">${i > 0 ? `<edge id="up${i}" source="n${i}" target="n${i - 1}"/>` : ''}`,
    );
  lines.push('</graph></node>'.repeat(levels), '</graph>', '</graphml>');
  return lines.join('\n');
}

describe('XML nesting is bounded', () => {
  it('the limit is 256 levels', () => {
    expect(MAX_XML_DEPTH).toBe(256);
  });

  it('refuses GEXF nodes nested 10,000 deep, naming the line, exit 1, nothing written', async () => {
    const folder = temporaryFolder();
    const file = path.join(folder, 'deep.gexf');
    fs.writeFileSync(file, nestedGexf(10_000));
    expect(fs.statSync(file).size).toBeGreaterThan(480_000);
    const outDir = path.join(folder, 'out');
    // Node i is at level 4 + 2i, its <nodes> at 5 + 2i: node 126's <nodes>, on line 131, is the 257th level.
    expect(await run('import', '--format', 'gexf', file, '--out', outDir)).toEqual({
      code: 1,
      out: '',
      err: `claimgraph import: deep.gexf: line 131: elements are nested more than 256 levels deep (this <nodes> is at level 257); files nested deeper are refused; nothing was written to ${outDir}`,
    });
    expect(fs.existsSync(outDir)).toBe(false);
  });

  it('refuses GraphML graphs nested 10,000 deep, naming the line', () => {
    // Node i is at level 3 + 2i, the edge in its graph at 5 + 2i: node 126's edge, on line 131, is the 257th level.
    expect(() => importData('graphml', [input('deep.graphml', nestedGraphml(10_000))])).toThrow(
      'deep.graphml: line 131: elements are nested more than 256 levels deep (this <edge> is at level 257); files nested deeper are refused',
    );
  });

  it('refuses any element past the limit, not only nodes', () => {
    const text = `<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a">\n${'<x>'.repeat(100_000)}${'</x>'.repeat(100_000)}</node></nodes></graph></gexf>`;
    expect(() => importData('gexf', [input('junk.gexf', text)])).toThrow(
      'junk.gexf: line 2: elements are nested more than 256 levels deep (this <x> is at level 257); files nested deeper are refused',
    );
  });
});

describe('node hierarchies within the limit', () => {
  it('GEXF: 120 nested nodes each keep their own attributes; nested edges are kept; the summary says the hierarchy is flattened', () => {
    const data = importData('gexf', [input('tree.gexf', nestedGexf(120, true))]);
    expect(data.entities).toHaveLength(120);
    // Before, each node took the rank of its last descendant (n0 got 119).
    expect(data.entities.map((e) => [e.name, e.attributes?.rank])).toEqual(
      Array.from({ length: 120 }, (_, i) => [`N${i}`, i]),
    );
    expect(data.claims.map((c) => c.record?.id)).toEqual([
      ...Array.from({ length: 59 }, (_, k) => `up${2 * (k + 1)}`),
      'top',
    ]);
    expect(data.notes[0]).toBe(
      'tree.gexf: 119 nodes nested inside other nodes were imported as nodes of their own (the hierarchy is not kept)',
    );
  });

  it('GraphML: 100 nested graphs, each node with its own data and the edges of its graph', () => {
    const data = importData('graphml', [input('tree.graphml', nestedGraphml(100))]);
    expect(data.entities.map((e) => [e.id, e.attributes?.rank])).toEqual(
      Array.from({ length: 100 }, (_, i) => [`n${i}`, i]),
    );
    expect(data.claims).toHaveLength(99);
    expect(data.claims[98]).toMatchObject({
      subject: 'n99',
      object: 'n98',
      record: { file: 'tree.graphml', id: 'up99' },
    });
    expect(data.notes[0]).toBe(
      'tree.graphml: 99 nodes nested inside other nodes were imported as nodes of their own (the hierarchy is not kept)',
    );
  });
});

describe('other XML hazards', () => {
  const gexfWith = (doctype: string, label: string) =>
    `<?xml version="1.0"?>\n<!DOCTYPE gexf [\n${doctype}\n]>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="${label}"/></nodes><edges/></graph></gexf>`;

  it('never expands entities a DTD declares (billion laughs)', () => {
    const lol = [
      '<!ENTITY lol "lol">',
      ...Array.from({ length: 8 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`),
    ].join('\n');
    expect(() => importData('gexf', [input('lol.gexf', gexfWith(lol, '&lol8;'))])).toThrow(
      'lol.gexf: line 13: malformed XML: entity not found:&lol8;',
    );
  });

  it('never reads external entities', () => {
    expect(() =>
      importData('gexf', [input('xxe.gexf', gexfWith('<!ENTITY xxe SYSTEM "file:///etc/passwd">', '&xxe;'))]),
    ).toThrow('xxe.gexf: line 5: malformed XML: entity not found:&xxe;');
  });

  it('reads a node with 100,000 XML attributes', () => {
    const attributes = Array.from({ length: 100_000 }, (_, i) => ` a${i}="v"`).join('');
    const data = importData('gexf', [
      input(
        'wide.gexf',
        `<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="A"${attributes}/></nodes><edges/></graph></gexf>`,
      ),
    ]);
    expect(data.entities).toEqual([{ id: 'a', type: 'unspecified', name: 'A', aliases: [] }]);
  });
});
