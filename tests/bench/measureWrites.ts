// Benchmark 7: writes on a large folder, each beside a bare "append one line + fsync" on
// the same disk in the same run (a write can be no faster than making its event durable;
// the ratio is what the rest of the write costs). The real server, started as users start
// it, with a token, on a copy of the folder (writes add a journal to it): add a claim,
// correct a claim, retract a claim, one request at a time, each timed from request to
// answer; a merge of a hub with about 1,000 claims into an entity of its type, and its
// split (the merge undone); then /api/health polled while 16 curators write at once,
// beside the same polling with no writes.
import fs from 'node:fs';
import path from 'node:path';
import { scratchDir } from './benchPaths';
import { startServerUnderTest } from './measureServer';

export interface LatencyFigures {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface WriteRow {
  write: string;
  ours?: LatencyFigures;
  /** ours.p99 / bare append's p99. */
  p99Ratio?: number;
  note?: string;
}

export interface WriteResult {
  bareAppend: LatencyFigures;
  rows: WriteRow[];
  health: { quiet: LatencyFigures; while16Write: LatencyFigures; writesDone: number; writeErrors: number };
}

export const TOKEN = 'bench-write-token';
export const SEQUENTIAL_WRITES = 200;
const CURATORS = 16;
const CONCURRENT_SECONDS = 15;
const HEALTH_EVERY_MS = 20;

const MERGE_CLAIMS = 1000;
const MERGES = 10;

export function figures(samples: number[]): LatencyFigures {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { count: sorted.length, p50Ms: round(at(0.5)), p99Ms: round(at(0.99)), maxMs: round(sorted.at(-1) ?? 0) };
}

/** One JSON line appended and fsync'ed, as the journal does, `count` times, in the scratch folder beside the copy. */
function bareAppend(dir: string, count: number): LatencyFigures {
  const file = path.join(dir, 'bare-append.jsonl');
  const line = `${JSON.stringify({ kind: 'correctClaim', at: new Date().toISOString(), pad: 'x'.repeat(400) })}\n`;
  const fd = fs.openSync(file, 'a');
  const samples: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      fs.writeSync(fd, line);
      fs.fsyncSync(fd);
      samples.push(performance.now() - started);
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
  }
  return figures(samples);
}

export interface StoredClaim {
  id: string;
  subject: string;
  type: string;
  object: string;
  stance: string;
  document?: string;
  quote?: string;
}

/** Claims of the folder with a quote, from its first claim files (enough for every write of the run). */
export function someClaims(dir: string, count: number): StoredClaim[] {
  const out: StoredClaim[] = [];
  for (const file of claimFiles(dir)) {
    for (const claim of JSON.parse(fs.readFileSync(file, 'utf8')) as StoredClaim[])
      if (claim.document !== undefined && claim.quote !== undefined) out.push(claim);
    if (out.length >= count) break;
  }
  return out.slice(0, count);
}

async function request(
  base: string,
  method: string,
  url: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

async function send(base: string, method: string, url: string, body: object): Promise<number> {
  return (await request(base, method, url, body)).status;
}

async function timed(
  base: string,
  requests: Array<{ method: string; path: string; body: object }>,
): Promise<LatencyFigures> {
  const samples: number[] = [];
  for (const request of requests) {
    const started = performance.now();
    const status = await send(base, request.method, request.path, request.body);
    samples.push(performance.now() - started);
    if (status >= 300) throw new Error(`${request.method} ${request.path} answered ${status}`);
  }
  return figures(samples);
}

interface MergePair {
  hub: string;
  into: string;
  claims: number;
}

/** Every claim file of a folder (one claims.json, or the shards of claims/). */
function claimFiles(dir: string): string[] {
  return fs.existsSync(path.join(dir, 'claims.json'))
    ? [path.join(dir, 'claims.json')]
    : fs
        .readdirSync(path.join(dir, 'claims'))
        .sort()
        .map((file) => path.join(dir, 'claims', file));
}

function entityTypes(dir: string): Map<string, string> {
  const files = fs.existsSync(path.join(dir, 'entities.json'))
    ? [path.join(dir, 'entities.json')]
    : fs.readdirSync(path.join(dir, 'entities')).map((file) => path.join(dir, 'entities', file));
  const types = new Map<string, string>();
  for (const file of files)
    for (const entity of JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{ id: string; type: string }>)
      types.set(entity.id, entity.type);
  return types;
}

/**
 * The MERGES entities (countries aside) whose claim count is nearest MERGE_CLAIMS, each
 * paired with an entity of its type with at most 20 claims, none shared with it (a shared
 * claim would join the survivor with itself, which a merge refuses). Read before the
 * server starts, so the parse is outside every measurement.
 */
function mergePairs(dir: string): MergePair[] {
  const counts = new Map<string, number>();
  const claimsOf = new Map<string, Array<[string, string]>>();
  for (const file of claimFiles(dir))
    for (const claim of JSON.parse(fs.readFileSync(file, 'utf8')) as StoredClaim[])
      for (const end of [claim.subject, claim.object]) counts.set(end, (counts.get(end) ?? 0) + 1);
  const types = entityTypes(dir);
  const hubs = [...counts]
    .filter(([id]) => !id.startsWith('country:'))
    .sort((a, b) => Math.abs(a[1] - MERGE_CLAIMS) - Math.abs(b[1] - MERGE_CLAIMS) || a[0].localeCompare(b[0]))
    .slice(0, MERGES);
  const hubIds = new Set(hubs.map(([id]) => id));
  for (const file of claimFiles(dir))
    for (const claim of JSON.parse(fs.readFileSync(file, 'utf8')) as StoredClaim[])
      for (const [end, other] of [
        [claim.subject, claim.object],
        [claim.object, claim.subject],
      ])
        if (hubIds.has(end)) (claimsOf.get(end) ?? claimsOf.set(end, []).get(end)!).push([end, other]);
  const taken = new Set<string>(hubIds);
  return hubs.map(([hub, claims]) => {
    const neighbours = new Set((claimsOf.get(hub) ?? []).map(([, other]) => other));
    const into = [...counts].find(
      ([id, n]) => n <= 20 && !taken.has(id) && !neighbours.has(id) && types.get(id) === types.get(hub),
    )?.[0];
    if (into === undefined) throw new Error(`no entity of type ${types.get(hub)} to merge ${hub} into`);
    taken.add(into);
    return { hub, into, claims };
  });
}

/** Each hub merged into its pair (If-Match: its version, 1), then each merge undone (a split), one request at a time. */
async function mergeRows(base: string, pairs: MergePair[], bare: LatencyFigures): Promise<WriteRow[]> {
  const merges: number[] = [];
  const splits: number[] = [];
  const events: string[] = [];
  let moved = 0;
  for (const { hub, into } of pairs) {
    const started = performance.now();
    const answer = await request(
      base,
      'POST',
      `/api/entities/${encodeURIComponent(hub)}/merge`,
      { into, reason: 'bench' },
      { 'if-match': '"1"' },
    );
    merges.push(performance.now() - started);
    if (answer.status !== 200)
      throw new Error(`merge ${hub} into ${into} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const event = (answer.body as { event: { id: string; claims: unknown[] } }).event;
    events.push(event.id);
    moved += event.claims.length;
  }
  // Undone newest first: two hubs may share a claim, which the later merge moved again.
  for (const event of events.reverse()) {
    const started = performance.now();
    const answer = await request(base, 'POST', `/api/history/${event}/revert`, { reason: 'bench' });
    splits.push(performance.now() - started);
    if (answer.status !== 201)
      throw new Error(`revert ${event} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
  const perMerge = Math.round(moved / pairs.length);
  const row = (write: string, samples: number[], note: string): WriteRow => {
    const ours = figures(samples);
    return { write, ours, p99Ratio: ours.p99Ms / bare.p99Ms, note };
  };
  return [
    row('merge a hub', merges, `${pairs.length} hubs, ${perMerge} claims moved on average`),
    row('split it again (undo the merge)', splits, `the same ${pairs.length}`),
  ];
}

/** /api/health every HEALTH_EVERY_MS until `until()` says stop; each answer's latency. */
async function pollHealth(base: string, until: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  while (!until()) {
    const started = performance.now();
    const response = await fetch(`${base}/api/health`);
    await response.arrayBuffer();
    samples.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, HEALTH_EVERY_MS));
  }
  return samples;
}

/** 16 curators correcting claims, each one request at a time, for CONCURRENT_SECONDS. */
async function curatorsAtOnce(base: string, claims: StoredClaim[]) {
  const stopAt = performance.now() + CONCURRENT_SECONDS * 1000;
  let done = 0;
  let errors = 0;
  const curator = async (k: number) => {
    for (let i = k; performance.now() < stopAt; i += CURATORS) {
      const claim = claims[i % claims.length];
      // Each pass over the claims gives each a stance other than the one it has.
      const pass = Math.floor(i / claims.length);
      const stance = (pass % 2 === 0) === (claim.stance === 'denies') ? 'asserts' : 'denies';
      const status = await send(base, 'PATCH', `/api/claims/${encodeURIComponent(claim.id)}`, {
        stance,
        reason: 'bench',
      });
      if (status >= 300) errors++;
      else done++;
    }
  };
  const health = pollHealth(base, () => performance.now() >= stopAt);
  await Promise.all(Array.from({ length: CURATORS }, (_, k) => curator(k)));
  return { samples: await health, done, errors };
}

/** Where each claim's quote starts, as the server resolved it (a quote may occur twice in its document). */
async function quoteStarts(base: string, claims: StoredClaim[]): Promise<number[]> {
  const starts: number[] = [];
  for (const claim of claims) {
    const response = await fetch(`${base}/api/claims/${encodeURIComponent(claim.id)}`);
    starts.push(((await response.json()) as { claim: { quoteStart: number } }).claim.quoteStart);
  }
  return starts;
}

function sequentialRequests(claims: StoredClaim[], starts: number[]) {
  const adds = claims.slice(0, SEQUENTIAL_WRITES).map((claim, i) => ({
    method: 'POST',
    path: '/api/claims',
    body: {
      document: claim.document,
      quote: claim.quote,
      start: starts[i],
      subject: claim.subject,
      type: claim.type,
      object: claim.object,
      stance: claim.stance === 'confirms' ? 'asserts' : 'confirms',
      reason: 'bench',
    },
  }));
  const corrections = claims.slice(SEQUENTIAL_WRITES, 2 * SEQUENTIAL_WRITES).map((claim) => ({
    method: 'PATCH',
    path: `/api/claims/${encodeURIComponent(claim.id)}`,
    body: { stance: claim.stance === 'denies' ? 'asserts' : 'denies', reason: 'bench' },
  }));
  const retractions = claims.slice(2 * SEQUENTIAL_WRITES, 3 * SEQUENTIAL_WRITES).map((claim) => ({
    method: 'POST',
    path: `/api/claims/${encodeURIComponent(claim.id)}/retract`,
    body: { reason: 'bench' },
  }));
  return { adds, corrections, retractions };
}

/**
 * Add, correct and retract, SEQUENTIAL_WRITES of each, one request at a time, on the
 * server at `base` (after five unmeasured corrections), each row's p99 against `bare`'s.
 */
export async function sequentialWriteRows(
  base: string,
  claims: StoredClaim[],
  bare: LatencyFigures,
  log: (line: string) => void,
): Promise<WriteRow[]> {
  const { adds, corrections, retractions } = sequentialRequests(
    claims,
    await quoteStarts(base, claims.slice(0, SEQUENTIAL_WRITES)),
  );
  // A few unmeasured writes first: the claim index and the placement grid are built on the first.
  await timed(base, corrections.slice(0, 5));
  const rows: WriteRow[] = [];
  for (const [write, requests] of [
    ['add claim', adds],
    ['correct claim', corrections.slice(5)],
    ['retract claim', retractions],
  ] as const) {
    const ours = await timed(base, [...requests]);
    rows.push({ write, ours, p99Ratio: ours.p99Ms / bare.p99Ms });
    log(`  ${write}: p50 ${ours.p50Ms} ms, p99 ${ours.p99Ms} ms (${(ours.p99Ms / bare.p99Ms).toFixed(1)}× bare)`);
  }
  return rows;
}

export async function measureWrites(dataDir: string, log: (line: string) => void): Promise<WriteResult> {
  const pairs = mergePairs(dataDir);
  const copy = path.join(scratchDir, `writes-${process.pid}`);
  fs.rmSync(copy, { recursive: true, force: true });
  fs.cpSync(dataDir, copy, { recursive: true });
  const server = await startServerUnderTest(copy, 'a', 10 * 60_000, {
    CLAIMGRAPH_TOKEN: TOKEN,
    CLAIMGRAPH_WRITE_RATE_LIMIT: '0',
  });
  try {
    const base = server.url;
    const claims = someClaims(copy, 3 * SEQUENTIAL_WRITES + 4000);
    const bare = bareAppend(scratchDir, 1000);
    log(`  bare append + fsync: p50 ${bare.p50Ms} ms, p99 ${bare.p99Ms} ms`);
    const rows = await sequentialWriteRows(base, claims, bare, log);
    for (const row of await mergeRows(base, pairs, bare)) {
      rows.push(row);
      const ours = row.ours!;
      log(
        `  ${row.write}: p50 ${ours.p50Ms} ms, p99 ${ours.p99Ms} ms (${row.p99Ratio!.toFixed(1)}× bare; ${row.note})`,
      );
    }
    const quietStop = performance.now() + 5000;
    const quiet = figures(await pollHealth(base, () => performance.now() >= quietStop));
    const busy = await curatorsAtOnce(base, claims.slice(3 * SEQUENTIAL_WRITES));
    const while16Write = figures(busy.samples);
    log(
      `  /api/health: quiet p99 ${quiet.p99Ms} ms; while ${CURATORS} curators write (${busy.done} writes, ${(busy.done / CONCURRENT_SECONDS).toFixed(0)}/s): p50 ${while16Write.p50Ms} ms, p99 ${while16Write.p99Ms} ms, max ${while16Write.maxMs} ms`,
    );
    return {
      bareAppend: bare,
      rows,
      health: { quiet, while16Write, writesDone: busy.done, writeErrors: busy.errors },
    };
  } finally {
    await server.stop();
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
