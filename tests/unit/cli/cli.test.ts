// The CLI as a user meets it: help, validate's summary and problems, export, and usage
// errors with exit code 2. Runs main() in-process with captured output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../../server/cli/main';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const streamed: Buffer[] = [];
  const stdout = new Writable({
    highWaterMark: 64,
    write(chunk: Buffer, _encoding, callback) {
      streamed.push(Buffer.from(chunk));
      setImmediate(callback);
    },
  });
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t), stdout });
  return { code, out: out.join('\n'), err: err.join('\n'), stdout: Buffer.concat(streamed) };
}

const root = path.join(__dirname, '..', '..', '..');
const fixture = (name: string) => path.join(root, 'tests', 'fixtures', 'data', name);

describe('claimgraph CLI', () => {
  it('--help lists the commands', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('usage: claimgraph <command> [options]');
    expect(result.out).toMatch(/^ {2}validate +check a data folder and print a summary, or every problem$/m);
    expect(result.out).toMatch(/^ {2}export +write the built graph with its claims, in any export format$/m);
  });

  it('validate prints the seed dataset summary', async () => {
    const { stdout, ...result } = await run('validate');
    expect(stdout).toHaveLength(0);
    expect(result).toEqual({
      code: 0,
      err: '',
      out: [
        `${path.join(root, 'graph-data')}: valid`,
        '  documents 1',
        '  entities  15',
        '  claims    23',
        '  edges     19 (confirmed 1, reported 13, alleged 4, disputed 1, denied 0)',
      ].join('\n'),
    });
  });

  it('validate honours CLAIMGRAPH_DATA', async () => {
    process.env.CLAIMGRAPH_DATA = fixture('tiny');
    try {
      expect((await run('validate')).out).toContain(
        '  edges     2 (confirmed 0, reported 1, alleged 0, disputed 1, denied 0)',
      );
    } finally {
      delete process.env.CLAIMGRAPH_DATA;
    }
  });

  it('validate prints every problem and exits 1', async () => {
    const result = await run('validate', '--data', fixture('broken-duplicate-ids'));
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      [
        `${fixture('broken-duplicate-ids')}: 2 problems`,
        '  entities.json: record [4] id "bob": duplicate entity id "bob" (first defined in entities.json record [1])',
        '  claims.json: record [2] id "c1": duplicate claim id "c1" (first defined in claims.json record [0])',
      ].join('\n'),
    );
  });

  it('export --format json writes a SerializedGraph with claims', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-cli-')), 'graph.json');
    const result = await run('export', '--format', 'json', '--data', fixture('tiny'), '--out', out);
    expect(result.code).toBe(0);
    expect(result.err).toBe(`wrote 4 entities and 2 relations to ${out}`);
    const graph = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(graph.options).toEqual({ type: 'mixed', multi: true, allowSelfLoops: true });
    const contact = graph.edges.find((e: { key: string }) => e.key === 'alice|in_contact_with|bob');
    expect(contact.undirected).toBe(true);
    expect(contact.attributes.claims.map((c: { quote: string }) => c.quote)).toEqual([
      'Alice Smith reportedly met Bob Jones in Paris in March 2023',
      'Bob Jones denied any meeting.',
    ]);
    expect(typeof graph.nodes[0].attributes.x).toBe('number');
  });

  it.each([[[]], [['--out', '-']]])(
    'export without --out or with --out - streams to standard output the bytes --out writes (%j)',
    async (outFlags) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-cli-')), 'graph.gexf');
      await run('export', '--format', 'gexf', '--data', fixture('tiny'), '--out', file);
      const result = await run('export', '--format', 'gexf', '--data', fixture('tiny'), ...outFlags);
      expect([result.code, result.err, result.out]).toEqual([0, '', '']);
      expect(result.stdout.equals(fs.readFileSync(file))).toBe(true);
    },
  );

  it('export --static writes the GEXF without its timeline, and is refused for other formats', async () => {
    const fixed = await run('export', '--format', 'gexf', '--static', '--data', fixture('tiny'));
    expect(fixed.stdout.toString()).toContain('<graph defaultedgetype="directed">');
    const dynamic = await run('export', '--format', 'gexf', '--data', fixture('tiny'));
    expect(dynamic.stdout.toString()).toContain('<graph defaultedgetype="directed" mode="dynamic" timeformat="date">');
    const refused = await run('export', '--format', 'graphml', '--static');
    expect(refused.code).toBe(2);
    expect(refused.err.split('\n')[0]).toBe(
      'claimgraph export: --static: only the gexf format has a timeline to leave out; format "graphml" is always static',
    );
  });

  it('refuses an unknown command, an unknown flag and an unknown format with exit 2', async () => {
    expect((await run('frobnicate')).code).toBe(2);
    const flag = await run('validate', '--dta', 'x');
    expect(flag.code).toBe(2);
    expect(flag.err).toContain("claimgraph validate: Unknown option '--dta'");
    const format = await run('export', '--format', 'docx');
    expect(format.code).toBe(2);
    expect(format.err).toMatch(/^claimgraph export: unknown format "docx"; expected one of json/);
  });
});
