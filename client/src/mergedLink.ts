// A shared link that names an entity merged away since it was shared (`?node=old-id`):
// the API answers the old id with 301 to the entity it is part of now, the browser
// follows it, and the link opens that entity instead, with the address bar rewritten to
// it and a note saying why. Any other answer leaves the link as it is (restoreLink.ts
// then says what it could not restore).
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import { fetchEntity } from './curationApi';

export interface FollowedLink {
  /** The query string to restore: the survivor in place of the merged entity. */
  search: string;
  /** What changed, for the user; none when nothing did. */
  note?: string;
}

/** `search` with the selected entity replaced, every other parameter kept in its place. */
export function withSelectedNode(search: string, node: string): string {
  const params = new URLSearchParams(search);
  params.set('node', node);
  return `?${params.toString()}`;
}

export function mergedLinkNote(oldId: string, survivor: { id: string; name: string }): string {
  return `The link named ${oldId}, since merged into ${survivor.name} (${survivor.id}): it shows ${survivor.name}.`;
}

/** Asks the API where the link's selected entity went when the graph does not hold it. */
export async function followMergedEntity(search: string, graph: EvidenceGraph): Promise<FollowedLink> {
  const node = new URLSearchParams(search).get('node');
  if (!node || graph.hasNode(node)) return { search };
  let survivor: { id: string; name: string };
  try {
    survivor = (await fetchEntity(node)).entity;
  } catch {
    return { search };
  }
  if (survivor.id === node) return { search };
  return { search: withSelectedNode(search, survivor.id), note: mergedLinkNote(node, survivor) };
}
