// `claimgraph ingest` and `claimgraph extract` with CLAIMGRAPH_LLM_URL and
// CLAIMGRAPH_LLM_MODEL set, against a scripted model server on a free port: the model's
// checked claims are stored (or printed) as its, a made-up one is dropped with its reason,
// a failing model server leaves the rules to stand in with a warning on stderr, and half a
// configuration is refused with exit code 2 before anything is read.
import fs from 'node:fs';
import path from 'node:path';
import { main } from '../../../server/cli/main';
import { readJournal } from '../../../server/load/readJournal';
import { answersJson, startScriptedModelServer, type ScriptedModelServer } from '../../api/scriptedModelServer';
import { ARTICLE, tempDataFolder } from './storeFixtures';

const ID = '202_carol-joins-acme';
const KEY = 'sk-cli-9f3a';

/** What the model answers about ARTICLE ("Carol White was appointed chief executive of Acme Corp in January 2024. Alice Smith reportedly called Carol White the same week."). */
const ANSWER = {
  entities: [
    { name: 'Carol White', type: 'person', aliases: ['White'] },
    { name: 'ACME Corp', type: 'organization', aliases: [] },
    { name: 'Alice Smith', type: 'person', aliases: [] },
  ],
  claims: [
    {
      subject: 'Carol White',
      type: 'holds_position',
      object: 'ACME Corp',
      stance: 'asserts',
      quote: 'Carol White was appointed chief executive of Acme Corp',
      date: '2024-01',
      attributedTo: null,
      confidence: 0.9,
    },
    {
      subject: 'Alice Smith',
      type: 'in_contact_with',
      object: 'Carol White',
      stance: 'alleges',
      quote: 'Alice Smith reportedly called Carol White',
      date: null,
      attributedTo: null,
      confidence: 0.7,
    },
    {
      subject: 'Alice Smith',
      type: 'funded',
      object: 'ACME Corp',
      stance: 'asserts',
      quote: 'Alice Smith funded Acme Corp',
      date: null,
      attributedTo: null,
      confidence: 0.6,
    },
  ],
};

const VARIABLES = ['CLAIMGRAPH_LLM_URL', 'CLAIMGRAPH_LLM_MODEL', 'CLAIMGRAPH_LLM_KEY', 'CLAIMGRAPH_LLM_TIMEOUT_MS'];
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
let model: ScriptedModelServer;

beforeAll(async () => {
  model = await startScriptedModelServer();
});
afterAll(() => model.close());
beforeEach(() => {
  model.requests.length = 0;
  Object.assign(process.env, { CLAIMGRAPH_LLM_URL: model.url, CLAIMGRAPH_LLM_MODEL: 'test-model' });
});
afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function articleIn(dir: string): string {
  fs.mkdirSync(path.join(dir, 'incoming'), { recursive: true });
  const file = path.join(dir, 'incoming', `${ID}.txt`);
  fs.writeFileSync(file, ARTICLE);
  return file;
}

const REVIEW_LINE = (dir: string) =>
  `Review them in the client's review panel or with POST /api/proposals/<id>/accept or /reject; \`claimgraph compact\` folds ${path.join(dir, 'journal.jsonl')} into the data files.`;

describe('claimgraph ingest with a model', () => {
  it("stores the model's checked claims as its proposals, and lists the one it dropped", async () => {
    process.env.CLAIMGRAPH_LLM_KEY = KEY;
    model.answerWith(answersJson(ANSWER));
    const dir = tempDataFolder();
    const result = await run('ingest', articleIn(dir), '--data', dir);
    expect(result).toEqual({
      code: 0,
      err: '',
      out: [
        `stored document ${ID} (2024-02-01 "Carol joins Acme") with 2 proposals pending review:`,
        `  ${ID}.p1  carol-white holds_position acme (asserts, confidence 0.9, by llm:test-model)`,
        '    "Carol White was appointed chief executive of Acme Corp"',
        `  ${ID}.p2  alice in_contact_with carol-white (alleges, confidence 0.7, by llm:test-model)`,
        '    "Alice Smith reportedly called Carol White"',
        '  skipped extracted claim [2]: its quote is not a verbatim passage of the article body',
        REVIEW_LINE(dir),
      ].join('\n'),
    });
    expect(model.requests.map((r) => [r.body.model, r.headers.authorization])).toEqual([
      ['test-model', `Bearer ${KEY}`],
    ]);
    const [entry] = readJournal(dir).lines.map((l) => l.entry);
    expect(entry.kind === 'ingest' ? entry.proposals.map((p) => [p.id, p.extractor, p.newEntities]) : []).toEqual([
      [`${ID}.p1`, 'llm:test-model', [{ id: 'carol-white', type: 'person', name: 'Carol White', aliases: ['White'] }]],
      [`${ID}.p2`, 'llm:test-model', [{ id: 'carol-white', type: 'person', name: 'Carol White', aliases: ['White'] }]],
    ]);
  });

  it('falls back to the rule extractor when the model server answers an error, with a warning on stderr', async () => {
    process.env.CLAIMGRAPH_LLM_KEY = KEY;
    model.answerWith((_req, res) => res.writeHead(500).end('out of memory'));
    const dir = tempDataFolder();
    const result = await run('ingest', articleIn(dir), '--data', dir);
    expect(result.code).toBe(0);
    expect(result.err).toBe(
      `claimgraph ingest: warning: the model server at ${model.url} answered HTTP 500 Internal Server Error: out of memory; the rule extractor was used instead`,
    );
    const [entry] = readJournal(dir).lines.map((l) => l.entry);
    const proposals = entry.kind === 'ingest' ? entry.proposals : [];
    expect(proposals.length).toBeGreaterThan(0);
    expect(proposals.map((p) => p.extractor)).toEqual(proposals.map(() => 'rules'));
    expect(result.out.split('\n').filter((line) => line.endsWith(', by rules)'))).toHaveLength(proposals.length);
  });

  it('refuses half a configuration with exit code 2, writing nothing', async () => {
    delete process.env.CLAIMGRAPH_LLM_MODEL;
    const dir = tempDataFolder();
    expect(await run('ingest', articleIn(dir), '--data', dir)).toEqual({
      code: 2,
      out: '',
      err: "claimgraph ingest: CLAIMGRAPH_LLM_URL is set but CLAIMGRAPH_LLM_MODEL is not: give the model's name on that server, such as qwen2.5:7b",
    });
    expect(fs.existsSync(path.join(dir, 'journal.jsonl'))).toBe(false);
    expect(model.requests).toEqual([]);
  });
});

describe('claimgraph extract with a model', () => {
  it('prints the checked extraction, its dropped claims with their reasons, and who made it', async () => {
    model.answerWith(answersJson(ANSWER));
    const dir = tempDataFolder();
    const result = await run('extract', articleIn(dir), '--data', dir);
    expect([result.code, result.err]).toEqual([0, '']);
    expect(JSON.parse(result.out)).toEqual({
      document: { id: ID, date: '2024-02-01', title: 'Carol joins Acme' },
      entities: [
        { id: 'carol-white', name: 'Carol White', type: 'person', aliases: ['White'], existing: false },
        { id: 'acme', name: 'Acme Corp', type: 'organization', aliases: [], existing: true },
        { id: 'alice', name: 'Alice Smith', type: 'person', aliases: ['Alice'], existing: true },
      ],
      claims: [
        {
          subject: 'carol-white',
          type: 'holds_position',
          object: 'acme',
          stance: 'asserts',
          quote: 'Carol White was appointed chief executive of Acme Corp',
          date: '2024-01',
          confidence: 0.9,
        },
        {
          subject: 'alice',
          type: 'in_contact_with',
          object: 'carol-white',
          stance: 'alleges',
          quote: 'Alice Smith reportedly called Carol White',
          confidence: 0.7,
        },
      ],
      extractor: 'llm:test-model',
      dropped: [{ index: 2, reason: 'its quote is not a verbatim passage of the article body' }],
    });
    expect(model.requests.map((r) => r.headers.authorization)).toEqual([undefined]);
  });

  it('prints the rules’ extraction with the warning when the model answers past its time limit', async () => {
    process.env.CLAIMGRAPH_LLM_TIMEOUT_MS = '300';
    model.answerWith((_req, res) => {
      setTimeout(() => res.writeHead(200).end('{}'), 5_000).unref();
    });
    const dir = tempDataFolder();
    const result = await run('extract', articleIn(dir), '--data', dir);
    const warning = `the model server at ${model.url} did not answer within 0.3 s; the rule extractor was used instead`;
    expect([result.code, result.err]).toEqual([0, `claimgraph extract: warning: ${warning}`]);
    const printed = JSON.parse(result.out) as { extractor: string; warnings: string[]; claims: unknown[] };
    expect([printed.extractor, printed.warnings]).toEqual(['rules', [warning]]);
    expect(printed.claims.length).toBeGreaterThan(0);
  });
});
