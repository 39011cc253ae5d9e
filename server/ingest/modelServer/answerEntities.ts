// The entities a model's answer lists, checked and resolved: an entity counts only when
// its name or one of its aliases occurs in the article (compared as search compares text:
// case and accents ignored, punctuation as spaces); one whose name or an alias of the
// article matches a dataset entity's name or alias is that entity (its id, name and
// type); any other is a new entity of a node type the vocabulary has, with an id cut
// from its name. Aliases are kept only as the article spells them.
import type { ExtractedEntity } from '../../model/extraction';
import type { Entity } from '../../model/records';
import { slugify } from '../../model/slug';
import type { VocabularyIndex } from '../../model/vocabulary';
import { normalizeText } from '../../queries/normalizeText';

/** An answered entity as a claim resolves it: the extraction's entity, or why it cannot be one. */
export type AnswerEntity = { entity: ExtractedEntity } | { problem: string };

export interface AnswerEntities {
  /** The entity a claim's subject or object names (by the name or an alias the answer gave it). */
  byName(name: string): AnswerEntity | undefined;
  /** The entities that passed, each once, in the answer's order. */
  accepted(): ExtractedEntity[];
}

const text = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Whether `form` occurs as whole words in the normalised body. */
function occursIn(normalisedBody: string, form: string): boolean {
  const wanted = normalizeText(form);
  return wanted !== '' && normalisedBody.includes(` ${wanted} `);
}

/** Dataset entities by each normalised name and alias; the first in the dataset's order wins. */
function datasetNames(entities: Iterable<Entity>): Map<string, Entity> {
  const byName = new Map<string, Entity>();
  for (const entity of entities)
    for (const form of [entity.name, ...entity.aliases]) {
      const key = normalizeText(form);
      if (key !== '' && !byName.has(key)) byName.set(key, entity);
    }
  return byName;
}

function resolveOne(
  answered: { name: string; type: unknown; aliases: string[] },
  context: {
    body: string;
    rawBody: string;
    known: Map<string, Entity>;
    vocabulary: VocabularyIndex;
    takenIds: Set<string>;
  },
): AnswerEntity {
  const { name } = answered;
  const inArticle = [name, ...answered.aliases].filter((form) => occursIn(context.body, form));
  if (inArticle.length === 0) return { problem: `"${name}" is not named in the article` };
  // Aliases are the article's own spellings of other forms than the name.
  const spelledAsArticle = (entityName: string) =>
    inArticle.filter((form) => context.rawBody.includes(form) && normalizeText(form) !== normalizeText(entityName));
  const existing = [name, ...inArticle].map((form) => context.known.get(normalizeText(form))).find(Boolean);
  if (existing) {
    const aliases = [...new Set([...existing.aliases, ...spelledAsArticle(existing.name)])];
    return { entity: { id: existing.id, name: existing.name, type: existing.type, aliases, existing: true } };
  }
  if (typeof answered.type !== 'string' || !context.vocabulary.nodeTypes.has(answered.type))
    return { problem: `"${name}" has unknown node type ${JSON.stringify(answered.type)}` };
  const base = slugify(name.trim());
  let id = base;
  for (let n = 2; context.takenIds.has(id); n++) id = `${base}-${n}`;
  context.takenIds.add(id);
  const aliases = [...new Set(spelledAsArticle(name))];
  return { entity: { id, name: name.trim().slice(0, 500), type: answered.type, aliases, existing: false } };
}

/** Reads the answer's `entities` list against the article body and the dataset. */
export function answerEntities(
  listed: unknown[],
  body: string,
  data: { entities: Map<string, Entity>; vocabulary: VocabularyIndex },
): AnswerEntities {
  const context = {
    body: ` ${normalizeText(body)} `,
    rawBody: body,
    known: datasetNames(data.entities.values()),
    vocabulary: data.vocabulary,
    takenIds: new Set(data.entities.keys()),
  };
  const byForm = new Map<string, AnswerEntity>();
  const resolved: AnswerEntity[] = [];
  for (const item of listed) {
    const record = (item ?? {}) as { name?: unknown; type?: unknown; aliases?: unknown };
    if (!text(record.name)) continue;
    const aliases = Array.isArray(record.aliases) ? record.aliases.filter(text) : [];
    const key = normalizeText(record.name);
    // The same entity listed twice is the first listing.
    if (byForm.has(key)) continue;
    const one = resolveOne({ name: record.name, type: record.type, aliases }, context);
    resolved.push(one);
    for (const form of [record.name, ...aliases]) {
      const formKey = normalizeText(form);
      if (formKey !== '' && !byForm.has(formKey)) byForm.set(formKey, one);
    }
  }
  return {
    byName: (name) => byForm.get(normalizeText(name)),
    accepted: () => {
      const seen = new Set<string>();
      return resolved.flatMap((one) => {
        if (!('entity' in one) || seen.has(one.entity.id)) return [];
        seen.add(one.entity.id);
        return [one.entity];
      });
    },
  };
}
