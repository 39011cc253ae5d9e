// POST /api/documents with the model extractor, against a scripted model server on a free
// port: a good answer becomes exactly the expected proposals, marked as the model's, with
// names resolved to the seed's entities (case and accents aside); made-up claims never
// reach the queue, each dropped with its reason; and every way the model server can fail
// (malformed JSON, a body cut short, an answer cut at its length limit, too slow, HTTP 500,
// unreachable, no lists) falls back to the real rule extractor, whose proposals are then
// exactly the rules' own, with a warning saying why. The request sent is checked too.
import request from 'supertest';
import type { ModelServerSettings } from '../../server/config';
import { answerSchema } from '../../server/ingest/modelServer/answerSchema';
import { defaultExtractor, modelExtractor } from '../../server/store/defaultExtractor';
import { GOOD_ANSWER, HALLUCINATED_ANSWER, HALLUCINATION_REASONS } from './modelAnswers';
import {
  answersJson,
  closedPort,
  completion,
  startScriptedModelServer,
  type Script,
  type ScriptedModelServer,
} from './scriptedModelServer';
import { ARTICLE, auth, writeApp, type WriteApp } from './writeApp';

const DOC = '301_musk-peskov';
const DOCUMENT = { id: DOC, title: 'Musk and Peskov talk Starlink', date: '2024-11-02' };
const KEY = 'sk-test-5e2b77';

let model: ScriptedModelServer;
/** The proposals the rule extractor makes of ARTICLE, as the API shows them. */
let rulesProposals: unknown[];
const opened: WriteApp[] = [];
let logged: string[] = [];

beforeAll(async () => {
  model = await startScriptedModelServer();
  const rules = writeApp({ extract: defaultExtractor, requestTimeoutMs: 120_000 });
  opened.push(rules);
  rulesProposals = (await ingest(rules)).body.proposals;
});

afterAll(async () => {
  for (const made of opened) made.close();
  await model.close();
});

beforeEach(() => {
  model.requests.length = 0;
  logged = [];
});

function appWith(settings: Partial<ModelServerSettings> = {}): WriteApp {
  const server: ModelServerSettings = { url: model.url, model: 'test-model', timeoutMs: 30_000, ...settings };
  const made = writeApp({
    extract: modelExtractor(server, { onWarning: (warning) => logged.push(warning) }),
    requestTimeoutMs: 120_000,
  });
  opened.push(made);
  return made;
}

function ingest(made: WriteApp) {
  return request(made.app)
    .post('/api/documents')
    .set(auth)
    .send({ text: ARTICLE, fileName: `${DOC}.txt` });
}

describe('a good answer', () => {
  it('becomes exactly the expected proposals, by the model, with names resolved to the seed', async () => {
    model.answerWith(answersJson(GOOD_ANSWER));
    const made = appWith();
    const res = await ingest(made);
    expect(res.status).toBe(201);
    expect(res.body.skipped).toEqual([]);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.proposals).toEqual([
      {
        id: `${DOC}.p1`,
        status: 'pending',
        document: DOCUMENT,
        claim: {
          subject: 'elon-musk',
          type: 'in_contact_with',
          object: 'dmitry-peskov',
          stance: 'alleges',
          quote: 'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink in October 2024',
          date: '2024-10',
          attributedTo: 'people familiar with the call',
          confidence: 0.85,
        },
        subject: { id: 'elon-musk', name: 'Elon Musk', type: 'person', existing: true },
        object: { id: 'dmitry-peskov', name: 'Dmitry Peskov', type: 'person', existing: true },
        extractor: 'llm:test-model',
        quoteStart: 0,
        quoteEnd: 86,
      },
      {
        id: `${DOC}.p2`,
        status: 'pending',
        document: DOCUMENT,
        claim: {
          subject: 'dmitry-peskov',
          type: 'holds_position',
          object: 'kremlin',
          stance: 'asserts',
          quote: 'Kremlin spokesperson Dmitry Peskov',
          confidence: 0.9,
        },
        subject: { id: 'dmitry-peskov', name: 'Dmitry Peskov', type: 'person', existing: true },
        object: { id: 'kremlin', name: 'Kremlin', type: 'organization', existing: true },
        extractor: 'llm:test-model',
        quoteStart: 21,
        quoteEnd: 55,
      },
      {
        id: `${DOC}.p3`,
        status: 'pending',
        document: DOCUMENT,
        claim: {
          subject: 'orbital-relay-ltd',
          type: 'provided_access',
          object: 'starlink',
          stance: 'asserts',
          quote: 'Orbital Relay Ltd, a new reseller, sells Starlink terminals in Kazakhstan',
          confidence: 0.7,
        },
        subject: { id: 'orbital-relay-ltd', name: 'Orbital Relay Ltd', type: 'organization', existing: false },
        object: { id: 'starlink', name: 'Starlink', type: 'service', existing: true },
        extractor: 'llm:test-model',
        quoteStart: 132,
        quoteEnd: 205,
      },
    ]);
    // The new entity keeps the aliases the article uses, not the one the model made up.
    expect(made.writes.proposal(`${DOC}.p3`).newEntities).toEqual([
      { id: 'orbital-relay-ltd', type: 'organization', name: 'Orbital Relay Ltd', aliases: ['Orbital Relay'] },
    ]);
    expect(made.writes.proposal(`${DOC}.p3`).extractor).toBe('llm:test-model');
    const accepted = await request(made.app).post(`/api/proposals/${DOC}.p3/accept`).set(auth);
    expect(accepted.status).toBe(201);
    expect(accepted.body.edge).toBe('orbital-relay-ltd|provided_access|starlink');
  });

  it('was asked for with the model, the vocabulary’s schema, a verbatim-quote prompt and the article, without a key', async () => {
    model.answerWith(answersJson(GOOD_ANSWER));
    const made = appWith();
    await ingest(made).expect(201);
    expect(model.requests).toHaveLength(1);
    const [sent] = model.requests;
    expect([sent.method, sent.path, sent.headers['content-type']]).toEqual([
      'POST',
      '/v1/chat/completions',
      'application/json',
    ]);
    expect(sent.headers.authorization).toBeUndefined();
    expect(sent.body.model).toBe('test-model');
    expect(sent.body.temperature).toBe(0);
    const vocabulary = made.store.current.dataset.vocabulary;
    expect(sent.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'claimgraph_extraction', strict: true, schema: answerSchema(vocabulary) },
    });
    const schema = sent.body.response_format!.json_schema!.schema as {
      properties: {
        entities: { items: { properties: { type: { enum: string[] } } } };
        claims: {
          items: { properties: { type: { enum: string[]; description: string }; stance: { enum: string[] } } };
        };
      };
    };
    expect(schema.properties.entities.items.properties.type.enum).toEqual([
      'person',
      'organization',
      'country',
      'service',
    ]);
    const claimFields = schema.properties.claims.items.properties;
    expect(claimFields.stance.enum).toEqual(['asserts', 'alleges', 'denies', 'confirms']);
    expect(claimFields.type.enum).toEqual([...vocabulary.edgeTypes.keys()]);
    expect(claimFields.type.enum).toHaveLength(18);
    expect(claimFields.type.description).toContain(
      'holds_position: S holds a role in O (role: President, spokesperson, CEO…). (subject: person; object: organization, country, service)',
    );
    expect(sent.body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(sent.body.messages[0].content).toContain(
      '"quote" must be copied verbatim from the article body: the exact characters of one passage',
    );
    const text = (await request(made.app).get(`/api/documents/${DOC}`)).body.text as string;
    expect(sent.body.messages[1].content).toBe(
      `Title: Musk and Peskov talk Starlink\nPublished: 2024-11-02\n\nArticle body:\n${text}`,
    );
  });

  it('sends the key as a bearer token when one is configured', async () => {
    model.answerWith(answersJson(GOOD_ANSWER));
    await ingest(appWith({ key: KEY })).expect(201);
    expect(model.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${KEY}`]);
  });
});

describe('made-up output', () => {
  it('never reaches the queue: each claim that fails a check is dropped with its reason', async () => {
    model.answerWith(answersJson(HALLUCINATED_ANSWER));
    const made = appWith();
    const res = await ingest(made);
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.skipped).toEqual(HALLUCINATION_REASONS);
    expect(
      res.body.proposals.map((p: { id: string; claim: unknown; extractor: string }) => [p.id, p.claim, p.extractor]),
    ).toEqual([
      [
        `${DOC}.p1`,
        {
          subject: 'elon-musk',
          type: 'in_contact_with',
          object: 'dmitry-peskov',
          stance: 'asserts',
          quote: 'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov',
          date: '2024-10',
          confidence: 0.8,
        },
        'llm:test-model',
      ],
    ]);
    const queue = await request(made.app).get('/api/proposals?status=all').set(auth);
    expect(queue.body.total).toBe(1);
    expect(made.writes.proposals().map((p) => [p.id, p.newEntities])).toEqual([[`${DOC}.p1`, []]]);
  });
});

describe('when the model server fails, the rule extractor stands in, with a warning saying why', () => {
  const cases: Array<
    [
      string,
      Partial<ModelServerSettings> | (() => Promise<Partial<ModelServerSettings>>),
      Script,
      (url: string) => string,
    ]
  > = [
    [
      'malformed JSON',
      {},
      (_req, res) =>
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(completion('Here are the claims: {"entities": [')),
      () => `the model's answer is not JSON (Unexpected token 'H', "Here are t"... is not valid JSON)`,
    ],
    [
      'an answer cut at its length limit',
      {},
      (_req, res) =>
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(completion(JSON.stringify(GOOD_ANSWER).slice(0, 200), 'length')),
      () => `the model's answer was cut off at its length limit (finish_reason "length")`,
    ],
    [
      'a body cut short',
      {},
      (_req, res) => {
        const body = completion(JSON.stringify(GOOD_ANSWER));
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
        res.write(body.slice(0, 120), () => res.socket?.destroy());
      },
      () => "the model server's answer ended before it was complete (other side closed)",
    ],
    [
      'an answer later than the time limit',
      { timeoutMs: 500 },
      (_req, res) => {
        setTimeout(() => res.writeHead(200).end(completion(JSON.stringify(GOOD_ANSWER))), 5_000).unref();
      },
      (url) => `the model server at ${url} did not answer within 0.5 s`,
    ],
    [
      'HTTP 500',
      { key: KEY },
      (_req, res) =>
        res
          .writeHead(500, { 'Content-Type': 'application/json' })
          .end('{"error": "model \\"test-model\\" not found"}\n'),
      (url) =>
        `the model server at ${url} answered HTTP 500 Internal Server Error: {"error": "model \\"test-model\\" not found"}`,
    ],
    [
      'an answer without the two lists',
      {},
      answersJson({ claims: 'none found' }),
      () => 'the model\'s answer does not have the "entities" and "claims" lists asked for',
    ],
    [
      'an unreachable server',
      async () => ({ url: `http://127.0.0.1:${await closedPort()}/v1` }),
      answersJson(GOOD_ANSWER),
      (url) => `the model server at ${url} could not be reached (connect ECONNREFUSED ${new URL(url).host})`,
    ],
  ];

  it.each(cases)('%s', async (_name, given, script, why) => {
    const settings = typeof given === 'function' ? await given() : given;
    model.answerWith(script);
    const made = appWith(settings);
    const res = await ingest(made);
    const warning = `${why(settings.url ?? model.url)}; the rule extractor was used instead`;
    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([warning]);
    expect(logged).toEqual([warning]);
    expect(warning).not.toContain(KEY);
    expect(res.body.skipped).toEqual([]);
    expect(res.body.proposals).toEqual(rulesProposals);
    expect(res.body.proposals.length).toBeGreaterThan(0);
    expect(made.writes.proposals().map((p) => p.extractor)).toEqual(rulesProposals.map(() => 'rules'));
  });
});

describe('a request that ends while the model is answering', () => {
  it('stops the call and writes nothing; the rules do not stand in for an answer nobody waits for', async () => {
    model.answerWith((_req, res) => {
      setTimeout(() => res.writeHead(200).end(completion(JSON.stringify(GOOD_ANSWER))), 5_000).unref();
    });
    const server: ModelServerSettings = { url: model.url, model: 'test-model', timeoutMs: 30_000 };
    const made = writeApp({
      extract: modelExtractor(server, { onWarning: (warning) => logged.push(warning) }),
      requestTimeoutMs: 300,
    });
    opened.push(made);
    const res = await ingest(made);
    expect(res.status).toBe(503);
    expect(model.requests).toHaveLength(1);
    // The rule extractor would have answered within a few seconds: it is not asked.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(logged).toEqual([]);
    expect(made.writes.proposals()).toEqual([]);
    expect((await request(made.app).get(`/api/documents/${DOC}`)).status).toBe(404);
  });
});
