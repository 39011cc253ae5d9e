// A cheap lower bound of an export's size, so the API can refuse an export over its byte
// cap before writing any of it. Every format that holds relations writes each claim's
// id and quote at least once (in its claims JSON); nodes.csv writes each entity's id.
// Escaping only lengthens text, and a string's UTF-8 form has at least as many bytes as
// it has UTF-16 code units, so the counts below never exceed the bytes written.
import type { EvidenceGraph } from '../model/evidenceGraph';
import { STEP, STEP_ITEMS } from '../steps';

/** The characters of every claim's id and quote; counted in steps (server/steps.ts). */
export function* claimTextLength(graph: EvidenceGraph): Generator<string, number> {
  let length = 0;
  let edges = 0;
  for (const { attributes } of graph.edgeEntries()) {
    if (++edges % STEP_ITEMS === 0) yield STEP;
    for (const claim of attributes.claims) length += claim.id.length + (claim.quote?.length ?? 0);
  }
  return length;
}

/** The characters of every entity's id. */
export function* entityIdLength(graph: EvidenceGraph): Generator<string, number> {
  let length = 0;
  let nodes = 0;
  for (const node of graph.nodes()) {
    if (++nodes % STEP_ITEMS === 0) yield STEP;
    length += node.length;
  }
  return length;
}
