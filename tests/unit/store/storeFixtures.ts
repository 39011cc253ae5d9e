// Shared by the store tests: a temp copy of the tiny fixture folder, a literal article
// and a literal extractor for it (the store is tested apart from the real extractor,
// whose own tests live with it), and a store opened on the copy.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExtractArticle } from '../../../server/store/extraction';
import { openWriteStore } from '../../../server/store/openWriteStore';

const tiny = path.join(__dirname, '..', '..', 'fixtures', 'data', 'tiny');
const made: string[] = [];

/** A fresh copy of tests/fixtures/data/tiny in the temp folder (removed after the test file). */
export function tempDataFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-store-'));
  fs.cpSync(tiny, dir, { recursive: true });
  made.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

export const ARTICLE = [
  ' date 2024-02-01 Carol joins Acme',
  'Carol White was appointed chief executive of Acme Corp in January 2024. Alice Smith reportedly called Carol White the same week.',
  '',
].join('\n');

/** What an extractor would make of ARTICLE: one new person, two claims, and one claim whose quote is not in the text. */
export const extractArticleFixture: ExtractArticle = (_text, fileName) => ({
  document: { id: fileName.replace(/\.txt$/, ''), date: '2024-02-01', title: 'Carol joins Acme' },
  entities: [
    { id: 'carol-white', name: 'Carol White', type: 'person', aliases: ['Carol White', 'White'], existing: false },
    { id: 'acme', name: 'Acme Corp', type: 'organization', aliases: [], existing: true },
    { id: 'alice', name: 'Alice Smith', type: 'person', aliases: ['Alice'], existing: true },
  ],
  claims: [
    {
      subject: 'carol-white',
      type: 'holds_position',
      object: 'acme',
      stance: 'asserts',
      quote: 'Carol White was appointed chief executive of Acme Corp',
      date: '2024-01',
      confidence: 0.9,
    },
    {
      subject: 'alice',
      type: 'in_contact_with',
      object: 'carol-white',
      stance: 'alleges',
      quote: 'Alice Smith reportedly called Carol White',
      confidence: 0.7,
    },
    {
      subject: 'alice',
      type: 'funded',
      object: 'acme',
      stance: 'asserts',
      quote: 'Alice Smith paid Acme',
      confidence: 0.4,
    },
  ],
});

export function openStore(dataDir: string, warnings: string[] = []) {
  return openWriteStore(dataDir, extractArticleFixture, (problem) => warnings.push(problem.message));
}
