// The extractor's output has one schema: what `claimgraph extract` prints passes it, and
// the write path takes exactly what it takes, refusing what it refuses before anything is
// written to the journal.
import fs from 'node:fs';
import path from 'node:path';
import { ZodError } from 'zod';
import { extractArticle } from '../../../server/ingest/extractArticle';
import { extractionResultSchema as ingestSide } from '../../../server/ingest/extractionResult';
import { extractionResultSchema } from '../../../server/model/extraction';
import type { ExtractArticle } from '../../../server/store/extraction';
import { JOURNAL_FILE } from '../../../server/load';
import { openWriteStore } from '../../../server/store/openWriteStore';
import { ARTICLE, extractArticleFixture, tempDataFolder } from '../store/storeFixtures';

const seedDocuments = path.join(__dirname, '../../../graph-data/documents');

/** The fixture extractor's output for ARTICLE, changed by `change`. */
function extractorWith(change: (output: Record<string, any>) => void): ExtractArticle {
  return (text, fileName) => {
    const output = structuredClone(extractArticleFixture(text, fileName)) as Record<string, any>;
    change(output);
    return output;
  };
}

async function ingestWith(extract: ExtractArticle) {
  const dir = tempDataFolder();
  const { store } = openWriteStore(dir, extract);
  try {
    return await store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
  } finally {
    store.close();
  }
}

async function refusal(extract: ExtractArticle): Promise<{ path: PropertyKey[]; message: string }[]> {
  const dir = tempDataFolder();
  const { store } = openWriteStore(dir, extract);
  try {
    await store.ingest(ARTICLE, 'doc-2.txt', { author: 'cli' });
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const journal = path.join(dir, JOURNAL_FILE);
    expect(fs.existsSync(journal) ? fs.readFileSync(journal, 'utf8') : '').toBe('');
    return error.issues.map((issue) => ({ path: issue.path, message: issue.message }));
  } finally {
    store.close();
  }
  throw new Error('expected the write path to refuse the extraction');
}

describe('the extraction schema', () => {
  it('is the one the extractor declares', () => {
    expect(ingestSide).toBe(extractionResultSchema);
  });

  it('takes what the extractor makes of every seed article', () => {
    const files = fs.readdirSync(seedDocuments).filter((f) => f.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const output = extractArticle(fs.readFileSync(path.join(seedDocuments, file), 'utf8'), file);
      expect(extractionResultSchema.parse(output)).toEqual(output);
    }
  });
});

describe('the write path', () => {
  it('keeps the kind and country code an extractor gives a new entity', async () => {
    const result = await ingestWith(
      extractorWith((output) => {
        Object.assign(output.entities[0], { kind: 'company', countryCode: 'GB' });
      }),
    );
    expect(result.proposals[0].newEntities).toEqual([
      {
        id: 'carol-white',
        type: 'person',
        name: 'Carol White',
        kind: 'company',
        countryCode: 'GB',
        aliases: ['White'],
      },
    ]);
  });

  it.each<[string, (output: Record<string, any>) => void, { path: PropertyKey[]; message: string }[]]>([
    [
      'a field the schema does not know',
      (o) => (o.claims[0].note = 'x'),
      [{ path: ['claims', 0], message: 'Unrecognized key: "note"' }],
    ],
    [
      'a quote longer than a claim may be',
      (o) => (o.claims[0].quote = 'q'.repeat(5001)),
      [{ path: ['claims', 0, 'quote'], message: 'Too big: expected string to have <=5000 characters' }],
    ],
    [
      'an entity without aliases',
      (o) => delete o.entities[1].aliases,
      [{ path: ['entities', 1, 'aliases'], message: 'Invalid input: expected array, received undefined' }],
    ],
    [
      'a document date that is not a day',
      (o) => (o.document.date = '2024-02'),
      [{ path: ['document', 'date'], message: 'expected a date as YYYY-MM-DD' }],
    ],
  ])('refuses %s, as the schema does', async (_what, change, issues) => {
    const extract = extractorWith(change);
    expect(await refusal(extract)).toEqual(issues);
    const parsed = extractionResultSchema.safeParse(extract(ARTICLE, 'doc-2.txt'));
    expect(
      parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message })),
    ).toEqual(issues);
  });
});
