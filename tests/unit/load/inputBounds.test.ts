// The loader's bounds on what a data folder may hold: attributes nested past
// MAX_ATTRIBUTE_DEPTH, malformed JSON nested however deep, and files past
// MAX_DATA_FILE_BYTES are each a load problem naming the file, record and field, so
// `validate` and `serve` exit 1 with it instead of crashing (exit 70) or answering 500.
// Deep and large fixtures are generated here; the large ones are sparse files.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import request from 'supertest';
import { main } from '../../../server/cli/main';
import { openGraph } from '../../../server/graph/openGraph';
import { createApp } from '../../../server/http/app';
import { GraphSnapshotHolder, snapshotOf } from '../../../server/http/snapshotHolder';
import { locateJsonError } from '../../../server/load/locateJsonError';
import { formatProblem } from '../../../server/load/problems';
import { MAX_DATA_FILE_BYTES, readDataFolder } from '../../../server/load/readDataFolder';
import { resolveDataset } from '../../../server/load/resolveDataset';
import { isSettledClaim, isSettledEntity } from '../../../server/load/fastRecordCheck';
import { MAX_ATTRIBUTE_DEPTH } from '../../../server/model/attributeDepth';

const tiny = path.join(__dirname, '..', '..', 'fixtures', 'data', 'tiny');
const created: string[] = [];
afterAll(() => {
  for (const folder of created.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A copy of the tiny fixture, with files replaced or added. */
function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-bounds-'));
  created.push(dir);
  fs.cpSync(tiny, dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const entities = JSON.parse(fs.readFileSync(path.join(tiny, 'entities.json'), 'utf8')) as Array<
  Record<string, unknown>
>;
const claims = JSON.parse(fs.readFileSync(path.join(tiny, 'claims.json'), 'utf8')) as Array<Record<string, unknown>>;

/** JSON text of a record with `"attributes": {"KEY": DEEP}`, written out: JSON.stringify itself overflows at 5,000 levels. */
function withDeepAttribute(record: Record<string, unknown>, key: string, deepJson: string): string {
  return JSON.stringify({ ...record, attributes: { [key]: 0 } }).replace(`{"${key}":0}`, `{"${key}":${deepJson}}`);
}

/** {a: {a: … {a: 1}}} with `levels` keys on the way down. */
function nestedObject(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

function nestedArray(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

const problemsOf = (dir: string) => resolveDataset(readDataFolder(dir)).problems.map(formatProblem);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('attributes nested too deep', () => {
  const deepEntities = `[${[withDeepAttribute(entities[0], 'profile', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`), ...entities.slice(1).map((e) => JSON.stringify(e))].join(',')}]`;
  const deepClaims = `[${[JSON.stringify(claims[0]), withDeepAttribute(claims[1], 'list', `${'['.repeat(5000)}"x"${']'.repeat(5000)}`), ...claims.slice(2).map((c) => JSON.stringify(c))].join(',')}]`;
  // The first value past the limit: profile (level 1) and 32 more keys.
  const objectField = `attributes.profile${'.a'.repeat(MAX_ATTRIBUTE_DEPTH)}`;
  const arrayField = `attributes.list${'[0]'.repeat(MAX_ATTRIBUTE_DEPTH)}`;
  const message = 'nested more than 32 levels deep; attributes may nest objects and arrays at most 32 levels';

  it('the limit is 32 levels below attributes', () => {
    expect(MAX_ATTRIBUTE_DEPTH).toBe(32);
  });

  it('5,000 levels are refused at load, naming file, record, id and the field path to the 33rd level', () => {
    expect(problemsOf(folderWith({ 'entities.json': deepEntities, 'claims.json': deepClaims }))).toEqual([
      `entities.json: record [0] id "alice": field "${objectField}": ${message}`,
      `claims.json: record [1] id "c2": field "${arrayField}": ${message}`,
    ]);
  });

  it('validate exits 1 with the problem (it accepted the folder before)', async () => {
    const dir = folderWith({ 'entities.json': deepEntities });
    const result = await run('validate', '--data', dir);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: `${dir}: 1 problem\n  entities.json: record [0] id "alice": field "${objectField}": ${message}`,
    });
  });

  it('the fast path leaves such records to zod', () => {
    expect(isSettledEntity({ ...entities[0], aliases: ['Alice'], attributes: { profile: nestedObject(33) } })).toBe(
      false,
    );
    expect(isSettledEntity({ ...entities[0], aliases: ['Alice'], attributes: { profile: nestedObject(31) } })).toBe(
      true,
    );
    const { id, subject, type, object, stance, document, quote, date } = claims[0];
    expect(
      isSettledClaim({
        id,
        subject,
        type,
        object,
        stance,
        document,
        quote,
        date,
        attributes: { list: nestedArray(32) },
      }),
    ).toBe(false);
    expect(
      isSettledClaim({
        id,
        subject,
        type,
        object,
        stance,
        document,
        quote,
        date,
        attributes: { list: nestedArray(31) },
      }),
    ).toBe(true);
  });

  it('32 levels load, and every route that returns them answers 200', async () => {
    const attributes = { profile: nestedObject(MAX_ATTRIBUTE_DEPTH - 1) };
    const dir = folderWith({ 'entities.json': JSON.stringify([{ ...entities[0], attributes }, ...entities.slice(1)]) });
    expect(problemsOf(dir)).toEqual([]);
    const app = createApp({
      store: new GraphSnapshotHolder(snapshotOf(openGraph(dir))),
      clientDir: path.join(dir, 'no-client'),
    });
    const entity = await request(app).get('/api/entities/alice').expect(200);
    expect(entity.body.entity.attributes).toEqual(attributes);
    await request(app).get('/api/graph').expect(200);
    await request(app).get('/api/export').expect(200);
  });
});

describe('malformed JSON nested deep', () => {
  it('locateJsonError walks 100,000 levels without recursion', () => {
    expect(locateJsonError(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBeNull();
    expect(locateJsonError(`{"a":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`)).toBeNull();
    expect(locateJsonError(`[\n${'['.repeat(100_000)}`)).toEqual({
      line: 2,
      column: 100_001,
      message: 'malformed JSON: expected a value but found the end of the file',
    });
    expect(locateJsonError(`${'{"a":'.repeat(8000)}1${'}'.repeat(7999)}]`)).toEqual({
      line: 1,
      column: 40_000 + 1 + 7999 + 1,
      message: "malformed JSON: expected ',' or '}' after the property value but found \"]\"",
    });
  });

  it('validate names the file, line and column of JSON nested 8,000 levels and cut short', async () => {
    const dir = folderWith({ 'claims.json': `[\n${'['.repeat(8000)}` });
    expect(await run('validate', '--data', dir)).toEqual({
      code: 1,
      out: '',
      err: `${dir}: 1 problem\n  claims.json:2:8001: malformed JSON: expected a value but found the end of the file`,
    });
  });
});

describe('files too large to read', () => {
  /** A sparse file: its size is there at once, its blocks are never written. */
  function sparse(dir: string, name: string, bytes: number): void {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');
    fs.truncateSync(file, bytes);
  }
  const mib600 = 600 * 1024 * 1024;

  it('the limit is 512 MB', () => {
    expect(MAX_DATA_FILE_BYTES).toBe(512_000_000);
  });

  it('a 629 MB claims.json is refused by name, before it is read', async () => {
    const dir = folderWith({});
    sparse(dir, 'claims.json', mib600);
    expect(await run('validate', '--data', dir)).toEqual({
      code: 1,
      out: '',
      err: `${dir}: 1 problem\n  claims.json: the file is 629 MB; files over 512 MB must be split into several files in claims/ (claims/*.json, read in name order)`,
    });
  });

  it('shards, documents and proposals too; just over the limit is told in bytes', async () => {
    const dir = folderWith({});
    sparse(dir, 'entities/part-2.json', MAX_DATA_FILE_BYTES + 1);
    sparse(dir, 'claims/part-2.json', mib600);
    sparse(dir, 'documents/doc-9.txt', mib600);
    sparse(dir, 'proposals.json', mib600);
    expect(await run('validate', '--data', dir)).toEqual({
      code: 1,
      out: '',
      err: [
        `${dir}: 4 problems`,
        '  entities/part-2.json: the file is 512000001 bytes; files over 512 MB must be split into several files in entities/ (entities/*.json, read in name order)',
        '  claims/part-2.json: the file is 629 MB; files over 512 MB must be split into several files in claims/ (claims/*.json, read in name order)',
        '  documents/doc-9.txt: the document is 629 MB; documents over 512 MB are refused',
        '  proposals.json: the file is 629 MB; files over 512 MB are refused',
      ].join('\n'),
    });
  });
});
