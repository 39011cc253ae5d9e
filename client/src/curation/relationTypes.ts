// The relation types a claim between two entities may have: those whose subject and
// object types allow the chosen ends (the server's rule, server/model/edgeTypeRules.ts).
// An end not chosen yet does not narrow the list.
import type { VocabularyResponse } from '../../../server/model/api';
import { edgeTypeAllows } from '../../../server/model/edgeTypeRules';

type EdgeTypes = VocabularyResponse['edgeTypes'];

const fits = (allowed: readonly string[], nodeType: string) => allowed.length === 0 || allowed.includes(nodeType);

export function allowedEdgeTypes(
  edgeTypes: EdgeTypes,
  subjectType: string | undefined,
  objectType: string | undefined,
): EdgeTypes {
  return edgeTypes.filter((type) => {
    if (subjectType !== undefined && objectType !== undefined) return edgeTypeAllows(type, subjectType, objectType);
    // One end known: the type must take it at that end (either end, when undirected).
    if (subjectType !== undefined)
      return fits(type.subjectTypes, subjectType) || (!type.directed && fits(type.objectTypes, subjectType));
    if (objectType !== undefined)
      return fits(type.objectTypes, objectType) || (!type.directed && fits(type.subjectTypes, objectType));
    return true;
  });
}

/** The type to keep selected: the current one while it is allowed, else the first allowed, else none. */
export function keptEdgeType(allowed: EdgeTypes, current: string | undefined): string | undefined {
  if (current !== undefined && allowed.some((type) => type.id === current)) return current;
  return allowed[0]?.id;
}

/** What the form says under the relation select: how many types allow these ends, or that none does. */
export function allowedTypesHint(allowed: EdgeTypes, subjectType?: string, objectType?: string): string {
  if (subjectType === undefined || objectType === undefined)
    return 'Choose both ends to see only the relation types that fit them.';
  if (allowed.length === 0) return `No relation type allows ${subjectType} → ${objectType}.`;
  const plural = allowed.length === 1 ? ' allows' : 's allow';
  return `${allowed.length} relation type${plural} ${subjectType} → ${objectType}.`;
}
