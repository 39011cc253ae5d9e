// When a dataset is too large to draw whole, the explorer holds only part of it. Sigma is
// comfortable to about 10^4 nodes and 10^5 edges; above these counts the explorer opens
// on the most connected entities, says so, and adds any entity the user searches for
// together with its direct relations (graphMerge.ts). This module decides when, and
// words what the user reads about it. Pure, so jest tests the wording.
export const DRAW_WHOLE_MAX_ENTITIES = 20_000;
export const DRAW_WHOLE_MAX_RELATIONS = 150_000;
export const OPENING_ENTITIES = 2_000;
export const NEIGHBOURS_PER_OPENING = 200;

/** The size of a dataset the explorer holds only a part of. */
export interface PartialView {
  entities: number;
  relations: number;
}

/** A partial view when the dataset's counts (from /api/health) exceed what is drawn whole. */
export function partialViewFor(counts: { entities: number; edges: number }): PartialView | undefined {
  const { entities, edges } = counts;
  return entities > DRAW_WHOLE_MAX_ENTITIES || edges > DRAW_WHOLE_MAX_RELATIONS
    ? { entities, relations: edges }
    : undefined;
}

/** How many entities to ask /api/graph for: the opening ones, or (undefined) all. */
export function graphLimit(partial: PartialView | undefined): number | undefined {
  return partial ? OPENING_ENTITIES : undefined;
}

/** The notice while a partial view loads. */
export function partialLoadingMessage(partial: PartialView): string {
  return `Loading the ${OPENING_ENTITIES.toLocaleString('en')} most connected of ${partial.entities.toLocaleString('en')} entities…`;
}

/** The status line, with how much of the dataset is held when only part of it is. */
export function statusLineText(line: string, held: number, partial: PartialView | undefined): string {
  return partial
    ? `${line} · part of a larger graph: ${held.toLocaleString('en')} of ${partial.entities.toLocaleString('en')} entities; search to open others`
    : line;
}

/** The notice once a partial view is drawn: what it holds and how to open the rest. */
export function partialOpeningNotice(partial: PartialView, held: number): string {
  return (
    `This dataset has ${partial.entities.toLocaleString('en')} entities and ${partial.relations.toLocaleString('en')} relations, more than the explorer draws at once. ` +
    `It opened on the ${held.toLocaleString('en')} most connected entities and the relations among them; search to open any other entity with its relations.`
  );
}
