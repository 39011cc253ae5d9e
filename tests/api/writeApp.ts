// Shared by the write API tests: the app over a temp copy of graph-data/ (never the
// folder itself), with writes on or off, and a literal extractor for a literal article
// so the expected proposals are exact. The real extractor is exercised in
// writesExtractor.test.ts and the crash test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { openGraph } from '../../server/graph/openGraph';
import { createApp } from '../../server/http/app';
import { defaultHardening } from '../../server/http/hardeningConfig';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';
import type { WriteRateLimit } from '../../server/http/writeGuards';
import type { ExtractArticle } from '../../server/store/extraction';
import { openServedDataFolder } from '../../server/store/openWriteStore';
import type { WriteStore } from '../../server/store/writeStore';
import { noClientDir, seedDir } from './seedApp';

export const TOKEN = 'test-token-5b1f';
export const auth = { Authorization: `Bearer ${TOKEN}` };

export const ARTICLE = [
  ' date 2024-11-02 Musk and Peskov talk Starlink',
  'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink in October 2024, according to people familiar with the call.',
  'Orbital Relay Ltd, a new reseller, sells Starlink terminals in Kazakhstan.',
  '',
].join('\n');

/** What an extractor makes of ARTICLE: seed entities by their ids, one new organization. */
export const extractFixture: ExtractArticle = (_text, fileName) => ({
  document: { id: fileName.replace(/\.txt$/, ''), date: '2024-11-02', title: 'Musk and Peskov talk Starlink' },
  entities: [
    { id: 'elon-musk', name: 'Elon Musk', type: 'person', aliases: ['Musk'], existing: true },
    { id: 'dmitry-peskov', name: 'Dmitry Peskov', type: 'person', aliases: ['Peskov'], existing: true },
    { id: 'starlink', name: 'Starlink', type: 'service', aliases: [], existing: true },
    { id: 'orbital-relay-ltd', name: 'Orbital Relay Ltd', type: 'organization', aliases: [], existing: false },
  ],
  claims: [
    {
      subject: 'elon-musk',
      type: 'in_contact_with',
      object: 'dmitry-peskov',
      stance: 'alleges',
      quote: 'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink in October 2024',
      date: '2024-10',
      attributedTo: 'people familiar with the call',
      confidence: 0.8,
    },
    {
      subject: 'orbital-relay-ltd',
      type: 'provided_access',
      object: 'starlink',
      stance: 'asserts',
      quote: 'Orbital Relay Ltd, a new reseller, sells Starlink terminals',
      confidence: 0.6,
    },
  ],
});

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

export function tempSeedCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-writes-'));
  fs.cpSync(seedDir, dir, { recursive: true });
  made.push(dir);
  return dir;
}

export interface WriteApp {
  app: Express;
  store: GraphSnapshotHolder;
  writes: WriteStore;
  dataDir: string;
  close(): void;
}

export function writeApp(
  options: {
    dataDir?: string;
    token?: string;
    rateLimit?: WriteRateLimit | false;
    bodyLimitBytes?: number;
    extract?: ExtractArticle;
    /** Each request's time budget; default the app's (10 s). */
    requestTimeoutMs?: number;
    /** Reads need a signed-in reader. */
    privateReads?: boolean;
  } = {},
): WriteApp {
  const dataDir = options.dataDir ?? tempSeedCopy();
  const token = 'token' in options ? options.token : TOKEN;
  const { graphs: store, writes } = openServedDataFolder(
    dataDir,
    token !== undefined,
    () => new GraphSnapshotHolder(snapshotOf(openGraph(dataDir))),
    options.extract ?? extractFixture,
    () => {},
  );
  const app = createApp({
    store,
    clientDir: noClientDir,
    writes: { writes, token, rateLimit: options.rateLimit ?? false, bodyLimitBytes: options.bodyLimitBytes },
    ...(options.privateReads ? { privateReads: true } : {}),
    ...(options.requestTimeoutMs !== undefined
      ? { hardening: { ...defaultHardening, requestTimeoutMs: options.requestTimeoutMs } }
      : {}),
  });
  return { app, store, writes, dataDir, close: () => writes.close() };
}
