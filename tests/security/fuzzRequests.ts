// The request generator of the property test (fuzz.test.ts): every API route, read and
// write, with its own parameters, given good values (so requests get past validation
// into the handlers) and hostile ones: huge, negative and non-numbers, 10,000-character
// strings, unicode, broken percent-encoding, repeated parameters, array syntax, and
// `__proto__` / `constructor.prototype` keys in the query string and in JSON bodies.
import fc from 'fast-check';
import { z } from 'zod';
import { graphResponseSchema, problemSchema } from '../../server/model/api';
import {
  decisionResponseSchema,
  ingestResponseSchema,
  proposalsResponseSchema,
  proposalViewSchema,
} from '../../server/model/reviewApi';
import { apiRoutes } from '../../server/http/routes';
import type { RouteSpec } from '../../server/http/route';

export interface RouteTarget {
  /** OpenAPI-style path, as declared. */
  path: string;
  method: 'GET' | 'POST';
  queryKeys: string[];
  /** Query parameters the route cannot do without (path's from and to). */
  requiredKeys: string[];
  /** For POST routes: the JSON fields of the body. */
  bodyKeys: string[];
  /** The 2xx body's schema; absent for downloads. */
  schema?: z.ZodType;
  /** Downloads: the content types the route may answer with. */
  contentTypes?: string[];
}

function readTarget(route: RouteSpec): RouteTarget {
  const schema = 'schema' in route.response ? route.response.schema : undefined;
  const contentTypes = 'contentTypes' in route.response ? route.response.contentTypes() : undefined;
  const shape = route.query.shape as Record<string, z.ZodType>;
  const requiredKeys = Object.keys(shape).filter((key) => !shape[key].safeParse(undefined).success);
  return {
    path: route.path,
    method: 'GET',
    queryKeys: Object.keys(shape),
    requiredKeys,
    bodyKeys: [],
    schema,
    contentTypes,
  };
}

/** Every route of the app: the declared read routes and the write API. */
export const targets: RouteTarget[] = [
  ...apiRoutes.map(readTarget),
  {
    path: '/api/proposals',
    method: 'GET',
    queryKeys: ['status', 'document', 'offset', 'limit'],
    requiredKeys: [],
    bodyKeys: [],
    schema: proposalsResponseSchema,
  },
  {
    path: '/api/proposals/{id}',
    method: 'GET',
    queryKeys: [],
    requiredKeys: [],
    bodyKeys: [],
    schema: proposalViewSchema,
  },
  {
    path: '/api/documents',
    method: 'POST',
    queryKeys: ['fileName'],
    requiredKeys: [],
    bodyKeys: ['text', 'fileName'],
    schema: ingestResponseSchema,
  },
  {
    path: '/api/proposals/{id}/accept',
    method: 'POST',
    queryKeys: [],
    requiredKeys: [],
    bodyKeys: ['type', 'stance', 'subject', 'object', 'date', 'attributedTo'],
    schema: decisionResponseSchema,
  },
  {
    path: '/api/proposals/{id}/reject',
    method: 'POST',
    queryKeys: [],
    requiredKeys: [],
    bodyKeys: [],
    schema: decisionResponseSchema,
  },
];

export const problemBodySchema = problemSchema;
export const exportJsonSchema = graphResponseSchema.omit({ attributes: true });

// ---------------------------------------------------------------------------------------
// Values.

const SEED_ENTITIES = [
  'elon-musk',
  'vladimir-putin',
  'xi-jinping',
  'country:RU',
  'starlink',
  'the-wall-street-journal',
];

const dates = fc.constantFrom('2022', '2023-05', '2024-02-29', '2025-01-01');
const fileNames = fc
  .tuple(fc.constantFrom('a', 'fuzz', '107_x', 'doc-'), fc.nat(999))
  .map(([stem, n]) => `${stem}${n}.txt`);
const goodCache = new Map<string, fc.Arbitrary<string>>();

/**
 * Values a well-behaved client would send, by parameter name, so requests reach the
 * handlers. Built once per (key, route): building arbitraries per request costs more
 * than sending the request.
 */
function goodValues(key: string, path: string, ids: FuzzIds): fc.Arbitrary<string> {
  const cacheKey = `${key} ${path}`;
  let arbitrary = goodCache.get(cacheKey);
  if (!arbitrary) goodCache.set(cacheKey, (arbitrary = buildGoodValues(key, path, ids)));
  return arbitrary;
}

function buildGoodValues(key: string, path: string, ids: FuzzIds): fc.Arbitrary<string> {
  switch (key) {
    case 'nodeTypes':
      return fc.constantFrom('person', 'organization,country', 'service');
    case 'edgeTypes':
      return fc.constantFrom('owns', 'in_contact_with,provided_access', 'holds_position');
    case 'status':
      return path === '/api/proposals'
        ? fc.constantFrom('pending', 'accepted', 'rejected', 'all')
        : fc.constantFrom('alleged', 'reported,confirmed', 'denied');
    case 'knownAt':
    case 'date':
      return dates;
    case 'from':
    case 'to':
      return path === '/api/path' ? fc.constantFrom(...SEED_ENTITIES) : dates;
    case 'documents':
    case 'document':
      return fc.constantFrom(...ids.documents);
    case 'minClaims':
    case 'top':
    case 'depth':
    case 'maxLength':
      return fc.integer({ min: 1, max: 4 }).map(String);
    case 'limit':
      return fc.integer({ min: 1, max: 50 }).map(String);
    case 'offset':
      return fc.integer({ min: 0, max: 5 }).map(String);
    case 'q':
      return fc.constantFrom('musk', 'putn', 'wall street', 'kreml', 'x');
    case 'type':
      return path === '/api/entities'
        ? fc.constantFrom('person', 'country')
        : fc.constantFrom('owns', 'in_contact_with', 'holds_position');
    case 'entity':
    case 'subject':
    case 'object':
      return fc.constantFrom(...SEED_ENTITIES);
    case 'format':
      return fc.constantFrom('json', 'gexf', 'graphml', 'nodes.csv', 'edges.csv', 'cypher');
    case 'fileName':
      return fileNames;
    case 'stance':
      return fc.constantFrom('asserts', 'alleges', 'denies', 'confirms');
    case 'attributedTo':
      return fc.constantFrom('people familiar with the matter', 'the Kremlin');
    default:
      return fc.constant('1');
  }
}

const tenThousand = fc.constantFrom('a', 'é', '𝕏', '<', '%', ',', '\u0000', '"').map((c) => c.repeat(10_000));

/** What a hostile client sends instead. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '1e308',
    '9007199254740993',
    '-1',
    '-0',
    '0',
    '99999999999999999999999',
    'NaN',
    'Infinity',
    '-Infinity',
    '0x10',
    '1_000',
    ' 1 ',
    '1.5',
    '+3',
    '',
    ' ',
  ),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    'valueOf',
    '[object Object]',
    'undefined',
    'null',
  ),
  fc.constantFrom(
    '2024-13-01',
    '2024-02-30',
    '0000',
    '9999-12-31',
    '2024-1-1',
    '20240101',
    '2024-01-01T00:00:00Z',
    '-2024',
  ),
  fc.constantFrom(
    ',,,',
    ',person,',
    'a,'.repeat(3000),
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '../../etc/passwd',
    'country:RU|owns|starlink',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  tenThousand,
);

export interface FuzzIds {
  documents: string[];
  edges: string[];
  proposals: string[];
}

function idValue(path: string, ids: FuzzIds): fc.Arbitrary<string> {
  const good = path.startsWith('/api/entities')
    ? fc.constantFrom(...SEED_ENTITIES)
    : path.startsWith('/api/edges')
      ? fc.constantFrom(...ids.edges)
      : path.startsWith('/api/documents')
        ? fc.constantFrom(...ids.documents)
        : fc.constantFrom(...ids.proposals);
  return fc.oneof({ weight: 3, arbitrary: good }, { weight: 2, arbitrary: hostileValue });
}

// ---------------------------------------------------------------------------------------
// Encoding: mostly proper percent-encoding, sometimes raw text or broken escapes.

const brokenEscape = fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '%2e%2e%2f', '%uD800', '%%32%65');

/** encodeURIComponent, with lone surrogates (which it refuses) replaced as a UTF-8 encoder would. */
function percentEncode(value: string): string {
  return encodeURIComponent(
    value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

function encoded(value: string): fc.Arbitrary<string> {
  const safeRaw = /^[\x21-\x7e]*$/.test(value) && !/[#?]/.test(value);
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant(percentEncode(value)) },
    { weight: safeRaw ? 1 : 0, arbitrary: fc.constant(value) },
    { weight: 1, arbitrary: brokenEscape.map((escape) => percentEncode(value) + escape) },
  );
}

const pollutingKeys = fc.constantFrom(
  '__proto__',
  '__proto__[polluted]',
  '__proto__.polluted',
  'constructor',
  'constructor[prototype][polluted]',
  'constructor.prototype.polluted',
  'prototype',
  'hasOwnProperty',
  'toString',
);

// ---------------------------------------------------------------------------------------
// Requests.

export interface FuzzRequest {
  target: RouteTarget;
  method: string;
  /** The raw request target: path and query string, as sent. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** The parameters this request used, for the coverage check. */
  touched: string[];
}

function queryPairs(target: RouteTarget, ids: FuzzIds): fc.Arbitrary<{ pairs: string[]; touched: string[] }> {
  const known = target.queryKeys.length > 0 ? fc.constantFrom(...target.queryKeys) : fc.constant('limit');
  const pair = fc.oneof(
    // A known parameter with a good value, then with a hostile one.
    {
      weight: 5,
      arbitrary: known.chain((key) => goodValues(key, target.path, ids).map((value) => ({ key, value, array: false }))),
    },
    { weight: 4, arbitrary: fc.tuple(known, hostileValue).map(([key, value]) => ({ key, value, array: false })) },
    // An array where a string is expected: key[]=…, key[0]=….
    {
      weight: 1,
      arbitrary: fc
        .tuple(known, fc.constantFrom('[]', '[0]', '[a]'), hostileValue)
        .map(([key, suffix, value]) => ({ key: key + suffix, value, array: true })),
    },
    // An unknown or polluting key.
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.oneof(pollutingKeys, fc.constantFrom('foo', 'sort', 'callback', 'a.b'), fc.string({ maxLength: 12 })),
          hostileValue,
        )
        .map(([key, value]) => ({ key, value, array: false })),
    },
  );
  // Most of the time the required parameters come first with good values, so the request can succeed.
  const required = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.tuple(
        ...target.requiredKeys.map((key) =>
          goodValues(key, target.path, ids).map((value) => ({ key, value, array: false })),
        ),
      ),
    },
    { weight: 1, arbitrary: fc.constant([] as Array<{ key: string; value: string; array: boolean }>) },
  );
  const goodPair = known.chain((key) =>
    goodValues(key, target.path, ids).map((value) => ({ key, value, array: false })),
  );
  // A third of the requests are well-formed throughout, so that the handlers' own paths are explored too.
  const others = fc.oneof(
    { weight: 1, arbitrary: fc.array(goodPair, { maxLength: 4 }) },
    { weight: 2, arbitrary: fc.array(pair, { maxLength: 6 }) },
  );
  return fc
    .tuple(required, others)
    .map(([base, more]) => [...base, ...more])
    .chain((items) =>
      // Repeat a parameter now and then: ?limit=1&limit=2.
      fc.boolean().map((repeat) => (repeat && items.length > 0 ? [...items, items[0]] : items)),
    )
    .chain((items) =>
      fc
        .tuple(...items.map((item) => fc.tuple(encoded(item.key), encoded(item.value)).map(([k, v]) => `${k}=${v}`)))
        .map((pairs) => ({
          pairs,
          touched: items.map((item) => `${target.method} ${target.path} ?${item.key}`),
        })),
    );
}

const pollutingBodies = fc.constantFrom(
  '{"__proto__": {"polluted": "yes"}}',
  '{"constructor": {"prototype": {"polluted": "yes"}}}',
  '{"text": "x", "__proto__": {"polluted": "yes"}}',
  '{"subject": {"name": "X", "type": "person", "__proto__": {"polluted": "yes"}}}',
  '{"object": {"constructor": {"prototype": {"polluted": "yes"}}}}',
  '[{"__proto__": {"polluted": "yes"}}]',
);

function jsonBody(
  target: RouteTarget,
  ids: FuzzIds,
  article: string,
): fc.Arbitrary<{ body: string; touched: string[] }> {
  const key = target.bodyKeys.length > 0 ? fc.constantFrom(...target.bodyKeys) : fc.constant('reason');
  const fieldValue = (name: string): fc.Arbitrary<unknown> =>
    fc.oneof(
      { weight: 4, arbitrary: name === 'text' ? fc.constant(article) : goodValues(name, target.path, ids) },
      { weight: 3, arbitrary: hostileValue },
      {
        weight: 1,
        arbitrary: fc.oneof(
          fc.integer(),
          fc.double(),
          fc.boolean(),
          fc.constant(null),
          fc.array(hostileValue, { maxLength: 3 }),
        ),
      },
      {
        weight: 1,
        arbitrary: fc.record(
          { name: hostileValue, type: fc.constantFrom('person', 'organization', 'x'), id: hostileValue },
          { requiredKeys: [] },
        ),
      },
    );
  const object = fc
    .uniqueArray(
      fc.oneof(
        { weight: 4, arbitrary: key },
        { weight: 1, arbitrary: fc.oneof(pollutingKeys, fc.constantFrom('id', 'status', 'claimId', 'decidedAt')) },
      ),
      { maxLength: 4 },
    )
    .chain((keys) =>
      fc.tuple(...keys.map((k) => fieldValue(k).map((v) => [k, v] as const))).map((entries) => ({ keys, entries })),
    )
    .map(({ keys, entries }) => ({
      // Built as text so that a "__proto__" key is sent as a key, not as a prototype.
      body: `{${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v) ?? 'null'}`).join(', ')}}`,
      touched: keys.map((k) => `${target.method} ${target.path} body.${k}`),
    }));
  return fc.oneof(
    // A route without body fields (reject) takes an empty object, or no body at all.
    { weight: target.bodyKeys.length === 0 ? 4 : 0, arbitrary: fc.constant({ body: '{}', touched: [] as string[] }) },
    { weight: 6, arbitrary: object },
    { weight: 2, arbitrary: pollutingBodies.map((body) => ({ body, touched: [] })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          fc.json({ maxDepth: 3 }),
          fc.constantFrom('', '{', 'null', '[]', '"text"', '1e999', '{"a":1}{"b":2}', '\u0000'),
        )
        .map((body) => ({ body, touched: [] })),
    },
  );
}

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'text/plain; charset=utf-8',
  'text/plain; charset=latin1',
  'application/json; charset=utf-16',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'text/html',
  '*/*',
  'application/json, text/plain',
);

export function fuzzRequest(ids: FuzzIds, token: string, article: string): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...targets).chain((target) => {
    const otherMethod = fc.constantFrom(
      'HEAD',
      'PUT',
      'DELETE',
      'PATCH',
      'OPTIONS',
      target.method === 'GET' ? 'POST' : 'GET',
    );
    const method = fc.oneof(
      { weight: 9, arbitrary: fc.constant(target.method) },
      { weight: 1, arbitrary: otherMethod },
    );
    const idSegment = target.path.includes('{id}')
      ? idValue(target.path, ids).chain((id) =>
          encoded(id).map((segment) => ({ segment, touched: [`${target.method} ${target.path} {id}`] })),
        )
      : fc.constant({ segment: '', touched: [] as string[] });
    const authorization = fc.oneof(
      { weight: 8, arbitrary: fc.constant(`Bearer ${token}`) },
      { weight: 1, arbitrary: fc.constantFrom('', 'Bearer wrong', `Basic ${token}`, `Bearer ${token} extra`) },
    );
    const textBody = fc.oneof({ weight: 3, arbitrary: fc.constant(article) }, { weight: 2, arbitrary: hostileValue });
    const body =
      target.method === 'POST'
        ? fc.oneof(
            { weight: 3, arbitrary: jsonBody(target, ids, article).map((b) => ({ ...b, type: 'application/json' })) },
            {
              weight: 1,
              arbitrary: textBody.map((text) => ({ body: text, touched: [] as string[], type: 'text/plain' })),
            },
            {
              weight: 1,
              arbitrary: fc.tuple(contentTypes, jsonBody(target, ids, article)).map(([type, b]) => ({ ...b, type })),
            },
            {
              weight: 1,
              arbitrary: fc.constant({ body: undefined as string | undefined, touched: [] as string[], type: '' }),
            },
          )
        : fc.constant({ body: undefined as string | undefined, touched: [] as string[], type: '' });
    const extraHeaders = fc.record(
      {
        'Accept-Encoding': fc.constantFrom('gzip', 'br', 'identity', 'gzip;q=0, *;q=0'),
        'If-None-Match': fc.constantFrom('*', 'W/"x"', '"', 'W/"', ','),
        Origin: fc.constantFrom('https://evil.example', 'null'),
        'X-Forwarded-For': fc.constantFrom('203.0.113.9', 'not-an-ip', '1.1.1.1, 2.2.2.2'),
        Accept: fc.constantFrom('text/html', 'application/xml', '*/*'),
      },
      { requiredKeys: [] },
    );
    return fc
      .record({ method, id: idSegment, query: queryPairs(target, ids), body, authorization, extraHeaders })
      .map(({ method, id, query, body, authorization, extraHeaders }) => {
        const path = target.path.replace('{id}', id.segment);
        const url = query.pairs.length > 0 ? `${path}?${query.pairs.join('&')}` : path;
        const headers: Record<string, string> = { ...extraHeaders };
        // Writes, and the review queue (editors only), get the generated Authorization.
        const needsEditor = target.method === 'POST' || target.path.startsWith('/api/proposals');
        if (needsEditor && authorization !== '') headers.Authorization = authorization;
        if (body.type !== '') headers['Content-Type'] = body.type;
        // The route that answers: an empty id makes /api/documents/, which Express routes to the list; GET on a
        // write path (/api/documents) is the read route there. The answer is checked against that route.
        const answeredPath =
          id.segment === '' && target.path.endsWith('/{id}') ? target.path.slice(0, -'/{id}'.length) : target.path;
        const answeredBy =
          targets.find((t) => t.path === answeredPath && t.method === method) ??
          targets.find((t) => t.path === answeredPath && t.method === target.method) ??
          target;
        return {
          target: answeredBy,
          method,
          url,
          headers,
          body: body.body,
          touched: [...id.touched, ...query.touched, ...body.touched],
        };
      });
  });
}

/** Every (route, parameter) pair the generator can touch: the coverage the test checks. */
export function everyParameter(): string[] {
  const all: string[] = [];
  for (const target of targets) {
    if (target.path.includes('{id}')) all.push(`${target.method} ${target.path} {id}`);
    for (const key of target.queryKeys) all.push(`${target.method} ${target.path} ?${key}`);
    for (const key of target.bodyKeys) all.push(`${target.method} ${target.path} body.${key}`);
  }
  return all;
}
