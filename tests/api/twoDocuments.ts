// A tiny data folder written at test time: one contact alleged in a January article and
// denied in a February one, so that "what was known on day X" changes the edge's status.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openGraph } from '../../server/graph/openGraph';
import { createApp } from '../../server/http/app';
import { GraphSnapshotHolder, snapshotOf } from '../../server/http/snapshotHolder';
import { noClientDir } from './seedApp';

export function writeTwoDocumentFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-api-'));
  fs.mkdirSync(path.join(dir, 'documents'));
  fs.writeFileSync(
    path.join(dir, 'documents', 'jan.txt'),
    ' date 2024-01-10 Ann and Bob met, sources say\nAnn reportedly met Bob in Paris last week.\n',
  );
  fs.writeFileSync(
    path.join(dir, 'documents', 'feb.txt'),
    ' date 2024-02-20 Bob denies meeting Ann\nBob said he never met Ann.\n',
  );
  fs.writeFileSync(
    path.join(dir, 'entities.json'),
    JSON.stringify([
      { id: 'ann', type: 'person', name: 'Ann Émile', aliases: ['Ann'] },
      { id: 'bob', type: 'person', name: 'Bob', aliases: [] },
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
      {
        id: 'c2',
        subject: 'bob',
        type: 'in_contact_with',
        object: 'ann',
        stance: 'denies',
        document: 'feb',
        quote: 'Bob said he never met Ann',
      },
    ]),
  );
  return dir;
}

export function twoDocumentApp() {
  const dir = writeTwoDocumentFolder();
  const store = new GraphSnapshotHolder(snapshotOf(openGraph(dir)));
  return { dir, store, app: createApp({ store, clientDir: noClientDir }) };
}
