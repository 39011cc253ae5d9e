// `claimgraph import --layout keep|recompute`: a file that places every node is drawn at
// its own positions, exactly; recompute lays it out with ForceAtlas2 as before; a file
// that places only some nodes is laid out, and says so. layout.json is checked on load.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { main } from '../../../server/cli/main';
import { openGraph } from '../../../server/graph/openGraph';
import { DataIntegrityError } from '../../../server/load/problems';
import { dataset, importInto, temporaryFolder } from './helpers';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const gexf = (nodes: string) => `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="directed">
    <nodes>${nodes}</nodes>
    <edges>
      <edge id="e1" source="a" target="b"/>
      <edge id="e2" source="b" target="c"/>
    </edges>
  </graph>
</gexf>
`;

const PLACED = gexf(`
      <node id="a" label="Alpha"><viz:position x="-120.5" y="33.25"/><viz:color r="186" g="41" b="68"/><viz:size value="12.5"/></node>
      <node id="b" label="Beta"><viz:position x="0" y="-7.125"/><viz:color r="0" g="128" b="255"/><viz:size value="4"/></node>
      <node id="c" label="Gamma"><viz:position x="88.0625" y="401"/></node>`);

function writeGexf(text: string): string {
  const file = path.join(temporaryFolder(), 'placed.gexf');
  fs.writeFileSync(file, text);
  return file;
}

let cacheDir: string;
let previousCacheDir: string | undefined;
beforeAll(() => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-kept-layout-cache-'));
  previousCacheDir = process.env.CLAIMGRAPH_CACHE_DIR;
  process.env.CLAIMGRAPH_CACHE_DIR = cacheDir;
});
afterAll(() => {
  if (previousCacheDir === undefined) delete process.env.CLAIMGRAPH_CACHE_DIR;
  else process.env.CLAIMGRAPH_CACHE_DIR = previousCacheDir;
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

const positionsOf = (dataDir: string) => {
  const { graph } = openGraph(dataDir);
  return Object.fromEntries(graph.mapNodes((node, { x, y }) => [node, { x, y }]));
};

describe('import --layout keep (the default)', () => {
  it("keeps a small file's positions exactly, in layout.json, and its colours and sizes as attributes", () => {
    const { data, dataset: loaded, outDir } = importInto('gexf', [writeGexf(PLACED)]);
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'layout.json'), 'utf8'))).toEqual({
      source: 'placed.gexf',
      positions: { a: { x: -120.5, y: 33.25 }, b: { x: 0, y: -7.125 }, c: { x: 88.0625, y: 401 } },
    });
    expect(loaded.entities.get('a')?.attributes).toEqual({ color: 'rgb(186,41,68)', size: 12.5 });
    expect(loaded.entities.get('c')?.attributes).toBeUndefined();
    expect(data.notes.at(-1)).toBe(
      'kept the positions of all 3 nodes from placed.gexf in layout.json; --layout recompute lays the graph out with ForceAtlas2 instead',
    );
    expect(positionsOf(outDir)).toEqual({
      a: { x: -120.5, y: 33.25 },
      b: { x: 0, y: -7.125 },
      c: { x: 88.0625, y: 401 },
    });
  });

  it("draws Gephi Lite's java.gexf at the file's 1,538 positions, exactly", () => {
    const file = dataset('gephi-lite__java.gexf');
    const text = fs.readFileSync(file, 'utf8');
    const expected: Record<string, { x: number; y: number }> = {};
    for (const match of text.matchAll(
      /<node id="([^"]+)"[^>]*>\s*(?:<viz:size[^>]*>\s*)?<viz:position x="([^"]+)" y="([^"]+)"/g,
    ))
      expected[match[1]] = { x: Number(match[2]), y: Number(match[3]) };
    expect(Object.keys(expected).length).toBe(1538);
    const { outDir } = importInto('gexf', [file]);
    expect(positionsOf(outDir)).toEqual(expected);
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });

  it('lays out a file that places only some nodes, keeps their x and y as attributes, and says why', () => {
    const partly = PLACED.replace('<viz:position x="88.0625" y="401"/>', '');
    const { data, dataset: loaded, outDir } = importInto('gexf', [writeGexf(partly)]);
    expect(fs.existsSync(path.join(outDir, 'layout.json'))).toBe(false);
    expect(loaded.entities.get('a')?.attributes).toEqual({ color: 'rgb(186,41,68)', size: 12.5, x: -120.5, y: 33.25 });
    expect(data.notes.at(-1)).toBe(
      '1 of 3 nodes have no position (x and y), so the positions of placed.gexf are not kept and the graph is laid out with ForceAtlas2; their x and y stay attributes',
    );
    expect(positionsOf(outDir).a).not.toEqual({ x: -120.5, y: 33.25 });
  });
});

describe('import --layout recompute', () => {
  it('lays the same file out with ForceAtlas2: no layout.json, other positions, x and y kept as attributes', async () => {
    const outDir = path.join(temporaryFolder(), 'recomputed');
    const result = await run('import', '--format', 'gexf', writeGexf(PLACED), '--out', outDir, '--layout', 'recompute');
    expect(result.code).toBe(0);
    expect(fs.existsSync(path.join(outDir, 'layout.json'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(outDir, 'import.json'), 'utf8')).options).toEqual({
      layout: 'recompute',
    });
    const positions = positionsOf(outDir);
    expect(Object.keys(positions).sort()).toEqual(['a', 'b', 'c']);
    expect(positions.a).not.toEqual({ x: -120.5, y: 33.25 });
    expect(positions.b).not.toEqual({ x: 0, y: -7.125 });
    expect(result.err).not.toContain('kept the positions');
    const entities = JSON.parse(fs.readFileSync(path.join(outDir, 'entities.json'), 'utf8'));
    expect(entities[0].attributes).toEqual({ color: 'rgb(186,41,68)', size: 12.5, x: -120.5, y: 33.25 });
  });

  it('refuses a layout mode it does not know', async () => {
    const outDir = path.join(temporaryFolder(), 'never');
    const result = await run('import', '--format', 'gexf', writeGexf(PLACED), '--out', outDir, '--layout', 'gephi');
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toBe('claimgraph import: unknown --layout "gephi"; expected keep or recompute');
    expect(fs.existsSync(outDir)).toBe(false);
  });
});

describe("a data folder's layout.json", () => {
  function keptFolder(): string {
    return importInto('gexf', [writeGexf(PLACED)]).outDir;
  }

  it('places an entity it does not name beside its neighbour; the others stay exactly where it says', () => {
    const outDir = keptFolder();
    const layoutFile = path.join(outDir, 'layout.json');
    const layout = JSON.parse(fs.readFileSync(layoutFile, 'utf8'));
    delete layout.positions.c;
    fs.writeFileSync(layoutFile, JSON.stringify(layout));
    const positions = positionsOf(outDir);
    expect(positions.a).toEqual({ x: -120.5, y: 33.25 });
    expect(positions.b).toEqual({ x: 0, y: -7.125 });
    // c's one neighbour is b: it is put on a ring around b, not at the origin.
    const distance = Math.hypot(positions.c.x - 0, positions.c.y + 7.125);
    expect(distance).toBeGreaterThan(0);
    expect(distance).toBeLessThan(200);
  });

  it('refuses a position of no entity and a coordinate that is not a number, naming the file and field', () => {
    const outDir = keptFolder();
    fs.writeFileSync(
      path.join(outDir, 'layout.json'),
      JSON.stringify({ positions: { a: { x: 1, y: 2 }, b: { x: 3, y: 4 }, ghost: { x: 0, y: 0 } } }),
    );
    expect(() => openGraph(outDir)).toThrow(DataIntegrityError);
    expect(() => openGraph(outDir)).toThrow(
      'the data folder has 1 problem:\nlayout.json: field "positions.ghost": no entity has the id "ghost"',
    );
    fs.writeFileSync(path.join(outDir, 'layout.json'), JSON.stringify({ positions: { a: { x: '1', y: 2 } } }));
    expect(() => openGraph(outDir)).toThrow(
      'layout.json: field "positions.a.x": Invalid input: expected number, received string',
    );
  });
});
