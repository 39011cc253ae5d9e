// What the entity Edit form sends (PATCH /api/entities/{id}): only the fields the curator
// changed, null for a description, kind or country cleared, aliases one per line as the
// whole new list. Pure, so jest checks every case.
import type { EditEntityBody } from '../../../server/model/curationApi';
import type { Entity } from '../../../server/model/records';

/** What the Edit form holds; empty strings are fields left blank. */
export interface EntityFormValues {
  name: string;
  /** One alias per line. */
  aliases: string;
  description: string;
  type: string;
  kind: string;
  countryCode: string;
  reason: string;
}

/** The aliases of a one-per-line text: trimmed, blank lines and repeats left out, in order. */
export function aliasList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const alias = line.trim();
    if (alias === '' || seen.has(alias)) continue;
    seen.add(alias);
    out.push(alias);
  }
  return out;
}

/** The form's starting values for an entity. */
export function entityFormValues(entity: Entity): EntityFormValues {
  return {
    name: entity.name,
    aliases: entity.aliases.join('\n'),
    description: entity.description ?? '',
    type: entity.type,
    kind: entity.kind ?? '',
    countryCode: entity.countryCode ?? '',
    reason: '',
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

/** An optional field: unchanged → undefined, cleared → null, else the new value. */
function changed(before: string | undefined, after: string): string | null | undefined {
  if (after === (before ?? '')) return undefined;
  return after === '' ? null : after;
}

/** The body of PATCH /api/entities/{id}: what differs from `entity` (and the reason, if given). */
export function entityEditBody(entity: Entity, values: EntityFormValues): EditEntityBody {
  const body: EditEntityBody = {};
  const name = values.name.trim();
  if (name !== entity.name) body.name = name;
  const aliases = aliasList(values.aliases);
  if (!sameList(aliases, entity.aliases)) body.aliases = aliases;
  const description = changed(entity.description, values.description.trim());
  if (description !== undefined) body.description = description;
  if (values.type !== entity.type) body.type = values.type;
  const kind = changed(entity.kind, values.kind);
  if (kind !== undefined) body.kind = kind;
  const countryCode = changed(entity.countryCode, values.countryCode.trim().toUpperCase());
  if (countryCode !== undefined) body.countryCode = countryCode;
  const reason = values.reason.trim();
  if (reason !== '') body.reason = reason;
  return body;
}

/** Whether an edit body changes anything (a reason alone does not). */
export function editChangesSomething(body: EditEntityBody): boolean {
  return Object.keys(body).some((key) => key !== 'reason');
}
