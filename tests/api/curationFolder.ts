// A small data folder written at test time for the curation API: two people and a
// company, one claim, and a March article whose passage "Ann joined Acme Corp" occurs
// twice (at offsets 0 and 40), so a quote can be ambiguous. The vocabulary is the seed's.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { seedDir } from './seedApp';
import type { WriteApp } from './writeApp';

export const MARCH_TEXT = 'Ann joined Acme Corp in March. Bob said Ann joined Acme Corp to be near him.';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

export function writeCurationFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-curation-'));
  made.push(dir);
  fs.copyFileSync(path.join(seedDir, 'vocabulary.json'), path.join(dir, 'vocabulary.json'));
  fs.mkdirSync(path.join(dir, 'documents'));
  fs.writeFileSync(
    path.join(dir, 'documents', 'jan.txt'),
    ' date 2024-01-10 Ann and Bob met, sources say\nAnn reportedly met Bob in Paris last week.\n',
  );
  fs.writeFileSync(path.join(dir, 'documents', 'mar.txt'), ` date 2024-03-05 Ann joins Acme\n${MARCH_TEXT}\n`);
  fs.writeFileSync(
    path.join(dir, 'entities.json'),
    JSON.stringify([
      { id: 'ann', type: 'person', name: 'Ann Émile', aliases: ['Ann'] },
      { id: 'bob', type: 'person', name: 'Bob', aliases: [] },
      { id: 'acme', type: 'organization', name: 'Acme Corp', aliases: [] },
    ]),
  );
  fs.writeFileSync(
    path.join(dir, 'claims.json'),
    JSON.stringify([
      {
        id: 'c1',
        subject: 'ann',
        type: 'in_contact_with',
        object: 'bob',
        stance: 'alleges',
        document: 'jan',
        quote: 'Ann reportedly met Bob in Paris',
        date: '2024-01',
      },
    ]),
  );
  return dir;
}

/**
 * The served graph without its version (a restart hashes the files, a write chains
 * hashes) and without positions: a write keeps the running server's layout, a restart
 * lays the graph out afresh. Nodes and relations in key order: a write changes the graph in
 * place, so a relation a merge re-derives comes last where a rebuild puts it in claim order.
 */
export async function graphOf(made: WriteApp): Promise<unknown> {
  const body = (await request(made.app).get('/api/graph').expect(200)).body as {
    attributes?: { version?: string };
    nodes: Array<{ key: string; attributes: { x?: number; y?: number } }>;
    edges: Array<{ key: string }>;
  };
  if (body.attributes) delete body.attributes.version;
  for (const node of body.nodes) {
    delete node.attributes.x;
    delete node.attributes.y;
  }
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  body.nodes.sort(byKey);
  body.edges.sort(byKey);
  return body;
}
