// The extractor's rules are general English: no cue word list, pattern or string in
// server/ingest/ names a person, organisation or product of the annotated articles it was
// tuned on (the corpus's dev half, the dev set beside the repository, the held-out sets).
// Comments may quote the sentences a rule was written for; the code may not. The test half
// of the corpus is not read here: nothing is tuned on it, and its names stay unseen.
import fs from 'node:fs';
import path from 'node:path';

const repositoryRoot = path.resolve(__dirname, '../../..');
const ingestDir = path.join(repositoryRoot, 'server', 'ingest');

function goldFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return goldFiles(full);
    return entry.name.endsWith('.gold.json') ? [full] : [];
  });
}

/** Names of several capitalised words, and single-word names of people, from the gold files. */
function annotatedNames(): Set<string> {
  const names = new Set<string>();
  const folders = [
    path.join(repositoryRoot, 'tests', 'fixtures', 'extraction-corpus', 'dev'),
    path.join(repositoryRoot, 'tests', 'fixtures', 'heldout-articles'),
    path.resolve(repositoryRoot, '..', 'shared', 'dev-articles'),
  ];
  for (const file of folders.flatMap(goldFiles)) {
    const gold = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      entities: Array<{ name: string; type: string; aliases?: string[] }>;
    };
    for (const entity of gold.entities) {
      if (entity.type === 'country') continue;
      for (const form of [entity.name, ...(entity.aliases ?? [])]) {
        const words = form.trim().split(/\s+/);
        const capitalised = words.filter((w) => /^\p{Lu}/u.test(w));
        if (capitalised.length >= 2 || (entity.type === 'person' && /^\p{Lu}\p{Ll}{3,}$/u.test(form.trim())))
          names.add(form.trim());
      }
    }
  }
  return names;
}

/** The code of the ingest modules without their comments. */
function codeWithoutComments(): Map<string, string> {
  const code = new Map<string, string>();
  for (const file of fs.readdirSync(ingestDir).filter((f) => f.endsWith('.ts'))) {
    const text = fs
      .readFileSync(path.join(ingestDir, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
      .replace(/\s\/\/\s.*$/gm, '');
    code.set(file, text);
  }
  return code;
}

describe('the rules name no entity of an annotated article', () => {
  it('finds the annotated names to look for', () => {
    expect(annotatedNames().size).toBeGreaterThan(300);
  });

  it('has no annotated name in the code of server/ingest', () => {
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const found: string[] = [];
    const code = codeWithoutComments();
    for (const name of annotatedNames()) {
      const pattern = new RegExp(`(?<![\\p{L}])${escape(name)}(?![\\p{L}])`, 'u');
      for (const [file, text] of code) if (pattern.test(text)) found.push(`${file}: ${name}`);
    }
    expect(found).toEqual([]);
  });
});
