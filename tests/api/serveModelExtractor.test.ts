// `claimgraph serve` configured by the environment alone (CLAIMGRAPH_LLM_URL,
// CLAIMGRAPH_LLM_MODEL, CLAIMGRAPH_LLM_KEY), as a real child process against a scripted
// model server: it says at start-up which model it uses and warns that its request budget
// is shorter than the model's time limit; POST /api/documents is answered by the model's
// checked claims; when the model server then fails, the rules stand in and the server's
// log says why, without the key.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GOOD_ANSWER } from './modelAnswers';
import { answersJson, startScriptedModelServer, type ScriptedModelServer } from './scriptedModelServer';
import { assertServerBuilt, repoRoot, startChildServer, type ChildServer } from './childServer';
import { ARTICLE } from './writeApp';

const TOKEN = 'serve-model-token';
const KEY = 'sk-serve-41c0';
let model: ScriptedModelServer;
let server: ChildServer;
let dataDir: string;

beforeAll(async () => {
  assertServerBuilt();
  model = await startScriptedModelServer();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-serve-model-'));
  fs.cpSync(path.join(repoRoot, 'graph-data'), dataDir, { recursive: true });
  server = await startChildServer(dataDir, {
    CLAIMGRAPH_TOKEN: TOKEN,
    CLAIMGRAPH_CACHE_DIR: path.join(dataDir, '.cache'),
    CLAIMGRAPH_LLM_URL: model.url,
    CLAIMGRAPH_LLM_MODEL: 'test-model',
    CLAIMGRAPH_LLM_KEY: KEY,
  });
}, 60_000);

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  await model?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

function post(fileName: string) {
  return fetch(`${server.url}/api/documents?fileName=${fileName}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'text/plain' },
    body: ARTICLE,
  });
}

describe('claimgraph serve with a model server', () => {
  it('says which model it uses, and that the request budget is shorter than the model may take', () => {
    const lines = server.output().split('\n');
    expect(lines).toContain(
      `claimgraph: articles are extracted by the model test-model at ${model.url}; every claim it proposes is checked, and the rule extractor stands in when the model server fails`,
    );
    expect(lines).toContain(
      'claimgraph: warning: CLAIMGRAPH_REQUEST_TIMEOUT_MS (10000) is not longer than CLAIMGRAPH_LLM_TIMEOUT_MS (60000): POST /api/documents may answer 503 before the model does; raise CLAIMGRAPH_REQUEST_TIMEOUT_MS',
    );
  });

  it("stores the model's claims as its proposals, having sent the key", async () => {
    model.answerWith(answersJson(GOOD_ANSWER));
    const res = await post('311_by-model.txt');
    expect(res.status).toBe(201);
    const body = (await res.json()) as {
      proposals: Array<{ id: string; extractor: string }>;
      warnings: string[];
      skipped: unknown[];
    };
    expect(body.proposals.map((p) => [p.id, p.extractor])).toEqual([
      ['311_by-model.p1', 'llm:test-model'],
      ['311_by-model.p2', 'llm:test-model'],
      ['311_by-model.p3', 'llm:test-model'],
    ]);
    expect([body.warnings, body.skipped]).toEqual([[], []]);
    expect(model.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('falls back to the rules when the model server fails, and logs why without the key', async () => {
    model.answerWith((_req, res) => res.writeHead(502).end('bad gateway'));
    const res = await post('312_by-rules.txt');
    expect(res.status).toBe(201);
    const body = (await res.json()) as { proposals: Array<{ extractor: string }>; warnings: string[] };
    const warning = `the model server at ${model.url} answered HTTP 502 Bad Gateway: bad gateway; the rule extractor was used instead`;
    expect(body.warnings).toEqual([warning]);
    expect(body.proposals.length).toBeGreaterThan(0);
    expect(new Set(body.proposals.map((p) => p.extractor))).toEqual(new Set(['rules']));
    expect(server.output().split('\n')).toContain(`claimgraph: warning: ${warning}`);
    expect(server.output()).not.toContain(KEY);
  });
});
