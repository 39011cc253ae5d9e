// Which node types an edge type allows at its ends. Free of zod, so the browser client
// limits the relation types it offers by the same rule the server checks.

/** What the rule reads of an edge type (the vocabulary's EdgeType has these fields). */
export interface EdgeTypeEnds {
  directed: boolean;
  subjectTypes: readonly string[];
  objectTypes: readonly string[];
}

/** Whether an edge type allows a claim between these node types (an empty list allows any). */
export function edgeTypeAllows(edgeType: EdgeTypeEnds, subjectType: string, objectType: string): boolean {
  const subjectOk = edgeType.subjectTypes.length === 0 || edgeType.subjectTypes.includes(subjectType);
  const objectOk = edgeType.objectTypes.length === 0 || edgeType.objectTypes.includes(objectType);
  if (subjectOk && objectOk) return true;
  if (edgeType.directed) return false;
  // An undirected relation may be stated either way round.
  const reverseSubjectOk = edgeType.subjectTypes.length === 0 || edgeType.subjectTypes.includes(objectType);
  const reverseObjectOk = edgeType.objectTypes.length === 0 || edgeType.objectTypes.includes(subjectType);
  return reverseSubjectOk && reverseObjectOk;
}
