// The crash loop's two halves, shared by the data folder's crash test (crash.test.ts) and
// PostgreSQL's (crashPostgres.test.ts, crashPostgresStop.test.ts): a burst of every kind of
// write from several concurrent clients until the server dies (or the test has seen
// enough), remembering each 2xx (acknowledgedWrites.ts), and the check that a restarted
// server answers every one of them. During a database outage a write answers 503: not
// acknowledged, but it may have been committed before the answer was cut off.
import fs from 'node:fs';
import path from 'node:path';
import type { ChildServer } from './childServer';
import { seedDir, seedDocument } from './seedApp';
import type { Acknowledged } from './acknowledgedWrites';

export const CRASH_TOKEN = 'crash-test-token';
const headers = { Authorization: `Bearer ${CRASH_TOKEN}` };
const WORKERS = 6;

/** The body of a 2xx answer, or undefined when the kill cut it off mid-way. */
async function bodyOf<T>(res: Response): Promise<T | undefined> {
  try {
    return (await res.json()) as T;
  } catch {
    return undefined;
  }
}

interface ProposalAnswer {
  id: string;
}

/** An accepted claim as the accept answers it. */
interface AcceptedClaim {
  id: string;
  document: string;
  quote: string;
  quoteStart: number;
  subject: string;
  type: string;
  object: string;
  stance: string;
}

export interface BurstHooks {
  /** Called after each 2xx whose body was read. */
  onAnswer: () => void;
  /**
   * With outages, a 503 (the database is unreachable) or a lost connection is not the
   * end: the client goes on with a new article until `done` says stop. Without, the first
   * failed request ends the client (the server is gone).
   */
  outages?: { done: () => boolean };
}

/** What a burst did: 2xx answers, requests the server never answered, 503 answers. */
export interface BurstCounts {
  answered: number;
  failed: number;
  refused: number;
}

/** Pause after a 503, so clients do not spin while the database is away. */
const REFUSED_PAUSE_MS = 50;

/** Clients writing until the server dies, or until `hooks.outages.done()`. */
export async function burst(
  server: ChildServer,
  cycle: number,
  acked: Acknowledged,
  hooks: BurstHooks,
): Promise<BurstCounts> {
  const { onAnswer, outages } = hooks;
  const article = fs.readFileSync(path.join(seedDir, 'documents', `${seedDocument}.txt`), 'utf8');
  let next = 0;
  let twins = 0;
  let merges = 0;
  let answered = 0;
  let failed = 0;
  let refused = 0;
  /** The answer; undefined when there was none (or a 503 of an outage), null when not sent. */
  const post = async (url: string, init: RequestInit): Promise<Response | undefined | null> => {
    // Enough seen: no new write, whatever the client was in the middle of.
    if (outages?.done()) return null;
    let res: Response;
    try {
      res = await fetch(`${server.url}${url}`, {
        method: 'POST',
        ...init,
        headers: { ...headers, ...(init.headers as Record<string, string>) },
      });
    } catch {
      failed++;
      return undefined; // the server is gone: this write was not acknowledged
    }
    if (res.status !== 503 || !outages) return res;
    // The database is away: not acknowledged; it may have been committed all the same.
    const problem = (await res.json()) as { detail: string };
    if (!problem.detail.startsWith('the database is unreachable: '))
      throw new Error(`a write answered 503 for another reason: ${problem.detail}`);
    refused++;
    await new Promise((resolve) => setTimeout(resolve, REFUSED_PAUSE_MS));
    return undefined;
  };
  /** A 2xx curation write: its state is now what `expected` says. False when the server is gone. */
  const curationWrite = async (
    url: string,
    init: RequestInit,
    kind: string,
    claimId: string | undefined,
    expected: { status: 'live' | 'retracted'; stance: string },
  ): Promise<{ claim: { claim: { id: string; object: string } }; event: { id: string } } | undefined | false> => {
    const res = await post(url, { ...init, headers: { 'Content-Type': 'application/json' } });
    if (!res) {
      // Not acknowledged, but it may have been written before the kill (or the 503).
      if (res === undefined && claimId !== undefined) acked.curated.get(claimId)?.push(expected);
      return false;
    }
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`${kind} answered ${res.status}: ${await res.text()}`);
    answered++;
    const body = await bodyOf<{ claim: { claim: { id: string; object: string } }; event: { id: string } }>(res);
    const id = claimId ?? body?.claim.claim.id;
    if (id !== undefined) acked.curated.set(id, [expected]);
    acked.curationKinds.add(kind);
    if (body) onAnswer();
    return body;
  };
  /** A 2xx merge or split of `twin`: it is now merged away or not. False when the server is gone. */
  const mergeWrite = async (url: string, body: object, twin: string, mergedAfter: boolean, kind: string) => {
    const res = await post(url, { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } });
    if (!res) {
      if (res === undefined) acked.merged.get(twin)?.push(mergedAfter);
      return false;
    }
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`${kind} answered ${res.status}: ${await res.text()}`);
    answered++;
    acked.merged.set(twin, [mergedAfter]);
    acked.curationKinds.add(kind);
    const answer = await bodyOf<{ event: { id: string } }>(res);
    if (!answer) return false;
    onAnswer();
    return answer;
  };
  type NewEntity = { name: string; type: string; createAnyway: true };
  /** Adds a copy of an accepted claim by hand, with `object` at its object. */
  const addCopy = (claim: AcceptedClaim, object: string | NewEntity) => {
    const { document, quote, quoteStart: start, subject, type, stance } = claim;
    const body = JSON.stringify({ document, quote, start, subject, type, object, stance, reason: 'crash test' });
    return curationWrite('/api/claims', { body }, 'addClaim', undefined, { status: 'live', stance });
  };
  /**
   * Two new entities of the claim's object's type, each at the object of a copy of the
   * claim; the first is merged into the second (no other client touches either), and
   * every other time split off again by reverting the merge.
   */
  const mergeTwins = async (claim: AcceptedClaim, twin: string, type: string): Promise<boolean> => {
    const other = await addCopy(claim, { name: `Crash twin ${cycle}-${twins++}`, type, createAnyway: true });
    if (!other) return false;
    const url = `/api/entities/${encodeURIComponent(twin)}/merge`;
    const merged = await mergeWrite(url, { into: other.claim.claim.object }, twin, true, 'mergeEntities');
    if (!merged || merges++ % 2 === 0) return merged !== false;
    return (await mergeWrite(`/api/history/${merged.event.id}/revert`, {}, twin, false, 'splitEntity')) !== false;
  };
  /**
   * Adds a copy of an accepted claim by hand, then corrects it and merges the new entity at
   * its object into another (mode 0), retracts it (1), or retracts it and reverts the
   * retraction (2): every kind of curation event.
   */
  const curate = async (claim: AcceptedClaim, mode: number): Promise<boolean> => {
    if (mode > 2) return true;
    const { stance } = claim;
    let object: string | NewEntity = claim.object;
    if (mode === 0) {
      const read = await fetch(`${server.url}/api/entities/${encodeURIComponent(claim.object)}`).catch(() => undefined);
      const entity = read && (await bodyOf<{ entity: { type: string } }>(read));
      if (!entity) return false;
      object = { name: `Crash twin ${cycle}-${twins++}`, type: entity.entity.type, createAnyway: true };
    }
    const added = await addCopy(claim, object);
    if (!added) return false;
    const id = added.claim.claim.id;
    const at = `/api/claims/${encodeURIComponent(id)}`;
    if (typeof object !== 'string') {
      const twin = added.claim.claim.object;
      acked.merged.set(twin, [false]);
      const denies = stance === 'denies' ? 'asserts' : 'denies';
      const patch = { method: 'PATCH', body: JSON.stringify({ stance: denies }) };
      if ((await curationWrite(at, patch, 'correctClaim', id, { status: 'live', stance: denies })) === false)
        return false;
      return mergeTwins(claim, twin, object.type);
    }
    const retract = { body: JSON.stringify({ reason: 'crash test' }) };
    const retracted = await curationWrite(`${at}/retract`, retract, 'retractClaim', id, {
      status: 'retracted',
      stance,
    });
    if (!retracted || mode === 1) return retracted !== false;
    const revert = `/api/history/${encodeURIComponent(retracted.event.id)}/revert`;
    return (await curationWrite(revert, {}, 'revert', id, { status: 'live', stance })) !== false;
  };
  /** One article: ingested, its proposals decided, the accepted ones curated; false when a write was not answered 2xx. */
  const oneArticle = async (): Promise<boolean> => {
    const fileName = `crash-${cycle}-${next++}.txt`;
    const ingested = await post(`/api/documents?fileName=${fileName}`, {
      headers: { 'Content-Type': 'text/plain' },
      body: article,
    });
    if (!ingested) return false;
    if (ingested.status !== 201) throw new Error(`ingest answered ${ingested.status}: ${await ingested.text()}`);
    acked.documents.add(fileName.replace(/\.txt$/, ''));
    answered++;
    const body = await bodyOf<{ proposals: ProposalAnswer[] }>(ingested);
    if (!body) return false;
    onAnswer();
    for (const [index, proposal] of body.proposals.entries()) {
      const decision = index % 4 === 3 ? 'reject' : 'accept';
      const res = await post(`/api/proposals/${encodeURIComponent(proposal.id)}/${decision}`, {});
      if (!res) return false;
      if (res.status === 400) {
        await bodyOf(res); // a proposal the vocabulary refuses as extracted: not a write
        continue;
      }
      if (res.status !== 201 && res.status !== 200)
        throw new Error(`${decision} answered ${res.status}: ${await res.text()}`);
      answered++;
      if (decision === 'reject') acked.rejected.add(proposal.id);
      const decided = await bodyOf<{ claim?: AcceptedClaim; edge?: string }>(res);
      if (!decided) {
        if (decision === 'accept') acked.acceptedUnread.add(proposal.id);
        return false;
      }
      if (decision === 'accept') acked.accepted.set(proposal.id, { claimId: decided.claim!.id, edge: decided.edge! });
      onAnswer();
      if (decision === 'accept' && !(await curate(decided.claim!, index % 4))) return false;
    }
    return true;
  };
  const worker = async () => {
    for (;;) {
      if (outages?.done()) return;
      if (!(await oneArticle()) && !outages) return;
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  return { answered, failed, refused };
}

export async function expectAllPresent(server: ChildServer, acked: Acknowledged): Promise<void> {
  const get = async (url: string) => {
    const res = await fetch(`${server.url}${url}`, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const missing: string[] = [];
  for (const id of acked.documents)
    if ((await get(`/api/documents/${encodeURIComponent(id)}`)).status !== 200) missing.push(`document ${id}`);
  const all = (await get('/api/proposals?status=all&limit=500')).body as { total: number };
  const statuses = new Map<string, { status: string; claimId?: string }>();
  for (let offset = 0; offset < all.total; offset += 500) {
    const page = (await get(`/api/proposals?status=all&limit=500&offset=${offset}`)).body as {
      proposals: Array<{ id: string; status: string; claimId?: string }>;
    };
    for (const p of page.proposals) statuses.set(p.id, p);
  }
  for (const [id, { claimId, edge }] of acked.accepted) {
    if (statuses.get(id)?.status !== 'accepted' || statuses.get(id)?.claimId !== claimId)
      missing.push(`acceptance of ${id}`);
    const found = await get(`/api/edges/${encodeURIComponent(edge)}`);
    if (found.status !== 200 || !(found.body.claims as Array<{ id: string }>).some((c) => c.id === claimId))
      missing.push(`claim ${claimId} on ${edge}`);
  }
  for (const id of acked.acceptedUnread)
    if (statuses.get(id)?.status !== 'accepted') missing.push(`acceptance of ${id}`);
  for (const id of acked.rejected) if (statuses.get(id)?.status !== 'rejected') missing.push(`rejection of ${id}`);
  for (const [id, allowed] of acked.curated) {
    const found = await get(`/api/claims/${encodeURIComponent(id)}`);
    const state = found.body as { status?: string; claim?: { stance: string } };
    const expected = allowed[0];
    const matches = allowed.some((a) => a.status === state.status && a.stance === state.claim?.stance);
    if (found.status !== 200 || !matches)
      missing.push(
        `claim ${id} ${expected.status} ${expected.stance} (found ${found.status} ${state.status} ${state.claim?.stance})`,
      );
  }
  for (const [twin, allowed] of acked.merged) {
    const res = await fetch(`${server.url}/api/entities/${encodeURIComponent(twin)}`, { redirect: 'manual' });
    await res.arrayBuffer();
    if (!allowed.includes(res.status === 301))
      missing.push(`entity ${twin} ${allowed[0] ? 'merged' : 'not merged'} (answered ${res.status})`);
  }
  expect(missing).toEqual([]);
}

/** A reject, an accept and each of the six kinds of curation were acknowledged. */
export function everyKindAcknowledged(acked: Acknowledged): boolean {
  return acked.rejected.size > 0 && acked.accepted.size > 0 && acked.curationKinds.size === 6;
}

/**
 * One cycle of the crash loop: a burst on `running`, SIGKILLed after a random number of
 * answers. The first cycle also waits for an acknowledged reject, accept and every kind
 * of curation, so each is exercised whatever order the concurrent answers come in.
 */
export async function burstUntilKilled(
  running: ChildServer,
  cycle: number,
  acked: Acknowledged,
  random: () => number,
): Promise<void> {
  const killAfter = 3 + Math.floor(random() * 12);
  let count = 0;
  let killed = false;
  const { answered } = await burst(running, cycle, acked, {
    onAnswer: () => {
      if (++count >= killAfter && !killed && (cycle > 0 || everyKindAcknowledged(acked))) {
        killed = true;
        running.child.kill('SIGKILL');
      }
    },
  });
  await running.exited;
  expect(running.child.signalCode).toBe('SIGKILL');
  expect(answered).toBeGreaterThanOrEqual(killAfter);
}
