// What the tests of several servers on one PostgreSQL database share: a poll that measures
// how long another server took to answer a write, the claim they add, and the curation
// folder with a second record of Ann to merge.
import fs from 'node:fs';
import path from 'node:path';
import { writeCurationFolder } from './curationFolder';

/** Polls `probe` until it returns true; resolves with the time it took (ms). */
export async function until(probe: () => Promise<boolean>, deadlineMs = 20_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - started;
    if (Date.now() - started > deadlineMs) throw new Error(`not seen within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A claim of the March article the curation folder lacks: Ann member of Acme, at offset 40. */
export const ADD_CLAIM = {
  document: 'mar',
  quote: 'Ann joined Acme Corp',
  start: 40,
  subject: 'ann',
  type: 'member_of',
  object: 'acme',
  stance: 'alleges',
  reason: 'missed by the extractor',
};

/** The curation folder with a second record of Ann ("annie"), to be merged into her. */
export function folderWithAnnie(): string {
  const dir = writeCurationFolder();
  const file = path.join(dir, 'entities.json');
  const entities = JSON.parse(fs.readFileSync(file, 'utf8')) as object[];
  entities.push({ id: 'annie', type: 'person', name: 'Annie Emile', aliases: ['A. Emile'] });
  fs.writeFileSync(file, JSON.stringify(entities));
  return dir;
}
