// The curation folder (curationFolder.ts) with two more spellings of Ann Émile, for the
// duplicate candidates: "Emile, Ann" (the same words in another order) and "A. Emile" (an
// initial), who also met Bob, so Ann and A. Emile share a neighbour.
import fs from 'node:fs';
import path from 'node:path';
import { writeCurationFolder } from './curationFolder';

/** The curation folder with two more spellings of Ann: one in another order, one with an initial who also met Bob. */
export function duplicatesFolder(): string {
  const dir = writeCurationFolder();
  fs.writeFileSync(
    path.join(dir, 'entities.json'),
    JSON.stringify([
      { id: 'ann', type: 'person', name: 'Ann Émile', aliases: ['Ann'] },
      { id: 'bob', type: 'person', name: 'Bob', aliases: [] },
      { id: 'acme', type: 'organization', name: 'Acme Corp', aliases: [] },
      { id: 'emile-ann', type: 'person', name: 'Emile, Ann', aliases: [] },
      { id: 'a-emile', type: 'person', name: 'A. Emile', aliases: [] },
    ]),
  );
  const claims = JSON.parse(fs.readFileSync(path.join(dir, 'claims.json'), 'utf8')) as object[];
  claims.push({
    id: 'c2',
    subject: 'a-emile',
    type: 'in_contact_with',
    object: 'bob',
    stance: 'alleges',
    document: 'jan',
    quote: 'Ann reportedly met Bob in Paris',
  });
  fs.writeFileSync(path.join(dir, 'claims.json'), JSON.stringify(claims));
  return dir;
}
