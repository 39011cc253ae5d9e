// A broken data folder fails clearly. The real programs (the
// built `claimgraph validate`, `claimgraph serve`, and `npm start`'s dist/server/index.js)
// run on every malformed fixture in tests/fixtures/data/broken-*: each exits non-zero
// with a message naming the file, record and field, and never prints a stack trace.
// Source URLs other than http(s) (javascript:, data:, file:) are among the refusals.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { httpUrlSchema } from '../../server/model/records';
import { assertServerBuilt, repoRoot } from '../api/childServer';

const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'data');
const node = path.join(repoRoot, 'node_modules', '.bin', 'node');

/** One line every run on the fixture must print (the loader's own message for it). */
const expectedLine: Record<string, string> = {
  'broken-duplicate-ids':
    'entities.json: record [4] id "bob": duplicate entity id "bob" (first defined in entities.json record [1])',
  'broken-edge-type-not-allowed':
    'claims.json: record [3] id "c4": field "type": edge type "holds_position" does not allow service → organization',
  'broken-empty-document': 'documents/doc-2.txt: field "text": the document has no body text',
  'broken-impossible-date':
    'claims.json: record [0] id "c1": field "date": expected a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar',
  'broken-malformed-json': `claims.json:28:5: malformed JSON: expected ',' or '}' after the property value but found "\\""`,
  'broken-non-http-url': 'claims.json: record [1] id "r1": field "record.url": expected an http(s) URL',
  'broken-quote-not-found':
    'claims.json: record [0] id "c1": field "quote": quote not found verbatim in document "doc-1"',
  'broken-unknown-document': 'claims.json: record [1] id "c2": field "document": unknown document "doc-2"',
  'broken-unknown-edge-type': 'claims.json: record [2] id "c3": field "type": unknown edge type "runs"',
  'broken-unknown-entity': 'claims.json: record [0] id "c1": field "object": unknown entity "carol"',
  'broken-unknown-field': 'entities.json: record [0] id "alice": field "nickname": unknown field',
  'broken-unknown-node-type': 'entities.json: record [2] id "acme": field "type": unknown node type "company"',
};

const brokenFixtures = fs
  .readdirSync(fixtures)
  .filter((name) => name.startsWith('broken-'))
  .sort();

interface Run {
  code: number | null;
  output: string;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
    delete childEnv.CLAIMGRAPH_TOKEN;
    execFile(node, args, { cwd: repoRoot, env: childEnv, timeout: 30_000 }, (error, stdout, stderr) => {
      const code = error ? ((error as { code?: number | string }).code as number | null) : 0;
      resolve({ code: typeof code === 'number' ? code : null, output: `${stdout}${stderr}` });
    });
  });
}

function expectClearFailure(result: Run, fixture: string): void {
  expect(result.code).toBe(1);
  expect(result.output).toContain(expectedLine[fixture]);
  // The whole folder is reported with a count, and nothing of a crash shows.
  expect(result.output).toMatch(/\d+ problems?|problem\(s\)/);
  expect(result.output).not.toMatch(/^\s+at /m);
  expect(result.output).not.toMatch(/internal error|Error:|\.js:\d+|\.ts:\d+/);
  expect(result.output).not.toContain('listening');
}

describe('broken data folders fail clearly', () => {
  beforeAll(() => assertServerBuilt());

  it('every broken fixture has its expected message listed here', () => {
    expect(brokenFixtures).toEqual(Object.keys(expectedLine).sort());
  });

  describe.each(brokenFixtures)('%s', (fixture) => {
    const dir = path.join(fixtures, fixture);

    it('claimgraph validate: exit 1, the problem named, no stack trace', async () => {
      expectClearFailure(await run(['bin/claimgraph.js', 'validate', '--data', dir]), fixture);
    });

    it('claimgraph serve: exit 1 without listening, no stack trace', async () => {
      expectClearFailure(await run(['bin/claimgraph.js', 'serve', '--port', '0', '--data', dir]), fixture);
    });

    it('npm start (dist/server/index.js with CLAIMGRAPH_DATA): exit 1 without listening, no stack trace', async () => {
      expectClearFailure(
        await run(['dist/server/index.js'], { CLAIMGRAPH_DATA: dir, PORT: '0', HOST: '127.0.0.1' }),
        fixture,
      );
    });
  });
});

describe('source URLs', () => {
  it.each(['http://example.org', 'https://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG/'])('accepts %s', (url) => {
    expect(httpUrlSchema.safeParse(url).success).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org',
    '//example.org/protocol-relative',
    'http:/example.org',
    'https://',
    ' https://example.org',
    'https://example.org/a b',
    'https://example.org\n<script>',
    `https://example.org/${'a'.repeat(2000)}`,
  ])('refuses %s', (url) => {
    expect(httpUrlSchema.safeParse(url).success).toBe(false);
  });

  it('only http(s) URLs load: javascript:, data:, file: and padded URLs are each refused, naming the record', async () => {
    const result = await run(['bin/claimgraph.js', 'validate', '--data', path.join(fixtures, 'broken-non-http-url')]);
    expect(result.code).toBe(1);
    expect(result.output.trim().split('\n')).toEqual([
      `${path.join(fixtures, 'broken-non-http-url')}: 5 problems`,
      '  claims.json: record [1] id "r1": field "record.url": expected an http(s) URL',
      '  claims.json: record [2] id "r2": field "record.url": expected an http(s) URL',
      '  claims.json: record [3] id "r3": field "record.url": expected an http(s) URL',
      '  claims.json: record [4] id "r4": field "record.url": expected an http(s) URL',
      '  claims.json: record [5] id "r5": field "record.url": expected an http(s) URL',
    ]);
    // r6, an https URL, is accepted: it is not among the problems.
    expect(result.output).not.toContain('"r6"');
  });
});
