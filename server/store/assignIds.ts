// Ids the server assigns: entity ids from names (a slug, or country:XX), proposal ids
// from the document, claim ids from the proposal. Clients never choose ids.
import { slugify } from '../model/slug';

/** `base`, or `base-2`, `base-3`… whichever is not taken. */
export function uniqueId(base: string, taken: (id: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

export function entityIdFor(
  entity: { name: string; type: string; countryCode?: string },
  taken: (id: string) => boolean,
): string {
  const base = entity.type === 'country' && entity.countryCode ? `country:${entity.countryCode}` : slugify(entity.name);
  return uniqueId(base, taken);
}

export function proposalId(documentId: string, index: number): string {
  return `${documentId}.p${index + 1}`;
}

/** The claim an accepted proposal becomes: `<document>.p3` → `<document>.c3`. */
export function claimIdFor(proposal: string, taken: (id: string) => boolean): string {
  return uniqueId(proposal.replace(/\.p(\d+)$/, '.c$1'), taken);
}

/** A file name for an article posted without one: stable for the same text. */
export function articleFileName(sha256Hex: string): string {
  return `article-${sha256Hex.slice(0, 16)}.txt`;
}
