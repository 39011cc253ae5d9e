// `claimgraph generate`: a deterministic synthetic data folder in our format, for
// benchmarks and tests at any scale. The shape is meant to be realistic: degrees are
// heavy-tailed (a few hubs, most entities with one or two relations), every node type,
// edge type and stance of the vocabulary occurs, every claim respects its edge type's
// allowed subject and object types, some relations gather several claims (so every
// status occurs), and each claim's quote is a sentence of its document. Records are
// written as they are made, so a million claims need little memory.
import fs from 'node:fs';
import path from 'node:path';
import { MONTH_NAMES as MONTHS } from '../model/datePrefixes';
import type { Claim, Entity } from '../model/records';
import { vocabularySchema, type EdgeType, type NodeType, type Vocabulary } from '../model/vocabulary';
import { defaultVocabularyFile } from '../paths';
import { COUNTRIES, makeEntity } from './names';
import { PoolUnion, WeightedPool } from './powerLaw';
import { createRandom, type Random } from '../model/random';
import { claimSentence, relationPhrase } from './sentences';
import { ShardWriter } from './shardWriter';

export interface GenerateOptions {
  entities: number;
  claims: number;
  seed: number;
  outDir: string;
  /** Records per claims/entities file; larger outputs are sharded. */
  shardSize?: number;
  /** A vocabulary file to generate for; the embedded one by default. */
  vocabularyFile?: string;
  /** Told how many entities and claims are written so far: after the entities, then after each document. */
  onProgress?: (written: { entities: number; claims: number }) => void;
}

export interface GenerateSummary {
  entities: number;
  claims: number;
  documents: number;
  byNodeType: Record<string, number>;
  byEdgeType: Record<string, number>;
  byStance: Record<string, number>;
  files: string[];
}

export const DEFAULT_SHARD_SIZE = 50_000;
/** Zipf exponent of entity popularity within a node type: larger means bigger hubs. */
const POPULARITY_EXPONENT = 0.8;
/** Share of claims that restate an earlier relation (another source, maybe another stance). */
const REPEAT_SHARE = 0.3;
// Maps, not objects: the vocabulary may come from the user, and a type "constructor" must not find Object's.
const NODE_TYPE_SHARES = new Map(Object.entries({ person: 0.5, organization: 0.3, service: 0.12, country: 0.01 }));
const EDGE_TYPE_WEIGHTS = new Map(
  Object.entries({ in_contact_with: 3, associate_of: 2, holds_position: 2, member_of: 2, criticized: 2, supported: 2 }),
);
const STANCE_WEIGHTS = new Map(Object.entries({ asserts: 0.45, alleges: 0.3, confirms: 0.15, denies: 0.1 }));
const SOURCES = [
  'people familiar with the matter',
  'intelligence sources',
  'officials who asked not to be named',
  'leaked documents',
];
const ROLES = ['President', 'CEO', 'spokesperson', 'minister', 'director', 'chair', 'adviser'];
const HEADLINES = ['new report', 'leaked files', 'investigation', 'court filings', 'officials say', 'analysis'];
const DAY_MS = 86_400_000;
const FIRST_DOCUMENT_DAY = Date.UTC(2015, 0, 1) / DAY_MS;
const DOCUMENT_DAYS = 11 * 365;

export function minimumEntities(vocabulary: Vocabulary): number {
  return 2 * vocabulary.nodeTypes.length;
}

/** How many entities of each node type: the shares above, at least two of each, countries capped at real ones. */
export function entityCountsByType(nodeTypes: readonly NodeType[], total: number): number[] {
  const shares = nodeTypes.map((t) => NODE_TYPE_SHARES.get(t.id) ?? 0.1);
  const shareSum = shares.reduce((a, b) => a + b, 0);
  const cap = (t: NodeType) => (t.id === 'country' ? COUNTRIES.length : Infinity);
  const counts = nodeTypes.map((t, i) => Math.min(cap(t), Math.max(2, Math.floor((total * shares[i]) / shareSum))));
  // The largest uncapped type absorbs the rounding (and the minimums of small totals).
  let biggest = 0;
  for (let i = 1; i < nodeTypes.length; i++)
    if (cap(nodeTypes[i]) === Infinity && counts[i] > counts[biggest]) biggest = i;
  counts[biggest] += total - counts.reduce((a, b) => a + b, 0);
  return counts;
}

function weightedChooser<T extends { id: string }>(
  items: readonly T[],
  weights: ReadonlyMap<string, number>,
  fallback: number,
) {
  const cumulative: number[] = [];
  let total = 0;
  for (const item of items) cumulative.push((total += weights.get(item.id) ?? fallback));
  return (random: Random): T => {
    const target = random.next() * total;
    const index = cumulative.findIndex((value) => value > target);
    return items[index === -1 ? items.length - 1 : index];
  };
}

const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A date prefix of random precision (or none) some days before the document's date. */
function eventDate(documentDay: number, random: Random): string | undefined {
  const full = isoDay(documentDay - random.below(1000));
  const precision = random.next();
  if (precision < 0.2) return undefined;
  if (precision < 0.5) return full.slice(0, 4);
  if (precision < 0.8) return full.slice(0, 7);
  return full;
}

function describeWhen(date: string | undefined): string {
  if (date === undefined) return 'in recent years';
  const [year, month, day] = date.split('-');
  if (month === undefined) return `in ${year}`;
  if (day === undefined) return `in ${MONTHS[Number(month) - 1]} ${year}`;
  return `on ${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}

interface Relation {
  subject: number;
  type: EdgeType;
  object: number;
}

export function generateDataFolder(options: GenerateOptions): GenerateSummary {
  const shardSize = options.shardSize ?? DEFAULT_SHARD_SIZE;
  const vocabularyFile = options.vocabularyFile ?? defaultVocabularyFile;
  const vocabularyText = fs.readFileSync(vocabularyFile, 'utf8');
  const vocabulary = vocabularySchema.parse(JSON.parse(vocabularyText));
  if (options.entities < minimumEntities(vocabulary))
    throw new RangeError(`--entities must be at least ${minimumEntities(vocabulary)} (two per node type)`);
  if (options.claims < vocabulary.edgeTypes.length)
    throw new RangeError(`--claims must be at least ${vocabulary.edgeTypes.length} (one per edge type)`);

  const random = createRandom(options.seed);
  fs.mkdirSync(options.outDir, { recursive: true });
  fs.writeFileSync(path.join(options.outDir, 'vocabulary.json'), vocabularyText);
  const files = ['vocabulary.json'];

  const { entities, pools, byNodeType } = makeEntities(vocabulary, options.entities, random);
  const entityWriter = new ShardWriter(options.outDir, 'entities', shardSize, entities.length);
  for (const entity of entities) entityWriter.add(entity);
  entityWriter.close();
  files.push(...entityWriter.files);
  options.onProgress?.({ entities: entities.length, claims: 0 });

  const claims = writeClaims(options, shardSize, vocabulary, entities, pools, random);
  files.push(...claims.files, `documents/ (${claims.documents} files)`);
  const { documents, byEdgeType, byStance } = claims;
  return { entities: entities.length, claims: options.claims, documents, byNodeType, byEdgeType, byStance, files };
}

/** Entities, type by type; within a type the first ones become the hubs of its pool. */
function makeEntities(
  vocabulary: Vocabulary,
  count: number,
  random: Random,
): { entities: Entity[]; pools: Map<string, WeightedPool>; byNodeType: Record<string, number> } {
  const entities: Entity[] = [];
  const pools = new Map<string, WeightedPool>();
  const usedIds = new Set<string>();
  const counts = entityCountsByType(vocabulary.nodeTypes, count);
  const byNodeType: Record<string, number> = {};
  vocabulary.nodeTypes.forEach((nodeType, typeIndex) => {
    const members: number[] = [];
    for (let serial = 0; serial < counts[typeIndex]; serial++) {
      const entity = makeEntity(nodeType, serial, random);
      let id = entity.id;
      for (let n = 2; usedIds.has(id); n++) id = `${entity.id}-${n}`;
      usedIds.add(id);
      members.push(entities.length);
      entities.push({ ...entity, id });
    }
    pools.set(nodeType.id, new WeightedPool(members, POPULARITY_EXPONENT));
    byNodeType[nodeType.id] = members.length;
  });
  return { entities, pools, byNodeType };
}

/**
 * The edge types that have entities at both ends, and a maker of new relations: the first
 * ones go round every such edge type once, so each occurs whatever the seed.
 */
function relationMaker(
  vocabulary: Vocabulary,
  pools: Map<string, WeightedPool>,
  random: Random,
): { edgeTypes: EdgeType[]; newRelation: (serial: number) => Relation } {
  const everyPool = [...pools.values()];
  const sidePool = (types: readonly string[]) =>
    new PoolUnion(types.length === 0 ? everyPool : types.map((t) => pools.get(t)!).filter(Boolean));
  const sides = new Map(
    vocabulary.edgeTypes.map((t) => [t.id, { subjects: sidePool(t.subjectTypes), objects: sidePool(t.objectTypes) }]),
  );
  const edgeTypes = vocabulary.edgeTypes.filter(
    (t) => !sides.get(t.id)!.subjects.isEmpty && !sides.get(t.id)!.objects.isEmpty,
  );
  const chooseEdgeType = weightedChooser(edgeTypes, EDGE_TYPE_WEIGHTS, 1);
  const newRelation = (serial: number): Relation => {
    const type = serial < edgeTypes.length ? edgeTypes[serial] : chooseEdgeType(random);
    const side = sides.get(type.id)!;
    const subject = side.subjects.draw(random);
    let object = side.objects.draw(random);
    for (let tries = 0; object === subject && tries < 8; tries++) object = side.objects.draw(random);
    return { subject, type, object };
  };
  return { edgeTypes, newRelation };
}

/** Claims, a document at a time: each document states 5 to 35 claims, and its lines quote them. */
function writeClaims(
  options: GenerateOptions,
  shardSize: number,
  vocabulary: Vocabulary,
  entities: Entity[],
  pools: Map<string, WeightedPool>,
  random: Random,
): { files: string[]; documents: number; byEdgeType: Record<string, number>; byStance: Record<string, number> } {
  const { edgeTypes, newRelation } = relationMaker(vocabulary, pools, random);
  const chooseStance = weightedChooser(vocabulary.stances, STANCE_WEIGHTS, 0.1);
  const claimWriter = new ShardWriter(options.outDir, 'claims', shardSize, options.claims);
  const history: Relation[] = [];
  const HISTORY_SIZE = 4096;
  const byEdgeType: Record<string, number> = Object.fromEntries(vocabulary.edgeTypes.map((t) => [t.id, 0]));
  const byStance: Record<string, number> = Object.fromEntries(vocabulary.stances.map((s) => [s.id, 0]));
  const documentDir = path.join(options.outDir, 'documents');
  fs.mkdirSync(documentDir, { recursive: true });
  let made = 0;
  let documents = 0;
  while (made < options.claims) {
    const documentId = `doc-${String(documents).padStart(6, '0')}`;
    const documentDay = FIRST_DOCUMENT_DAY + random.below(DOCUMENT_DAYS);
    const inThisDocument = Math.min(options.claims - made, 5 + random.below(31));
    const lines: string[] = [];
    let title = '';
    for (let k = 0; k < inThisDocument; k++, made++) {
      const repeat = made >= edgeTypes.length && history.length > 0 && random.chance(REPEAT_SHARE);
      const relation = repeat ? history[random.below(history.length)] : newRelation(made);
      if (!repeat) {
        if (history.length < HISTORY_SIZE) history.push(relation);
        else history[random.below(HISTORY_SIZE)] = relation;
      }
      const subject = entities[relation.subject];
      const object = entities[relation.object];
      // Every stance occurs early on, whatever the seed.
      const stance = made < vocabulary.stances.length ? vocabulary.stances[made].id : chooseStance(random).id;
      const claim = makeClaim(made, relation, subject, object, stance, documentId, documentDay, random);
      if (k === 0) title = `${subject.name} and ${object.name}: ${random.pick(HEADLINES)}`;
      lines.push(`${claim.quote}.${random.chance(0.3) ? ' The claims could not be independently verified.' : ''}`);
      if (random.chance(0.1)) lines.push(random.pick(HEADLINES).replace(/^./, (c) => c.toUpperCase()));
      claimWriter.add(claim);
      byEdgeType[claim.type] += 1;
      byStance[stance] += 1;
    }
    fs.writeFileSync(
      path.join(documentDir, `${documentId}.txt`),
      ` date ${isoDay(documentDay)} ${title}\n${lines.join('\n')}\n`,
    );
    documents += 1;
    options.onProgress?.({ entities: entities.length, claims: made });
  }
  claimWriter.close();
  return { files: claimWriter.files, documents, byEdgeType, byStance };
}

/** One claim of a relation with its date, attribution, period, role and summary, quoted by a sentence made for it. */
function makeClaim(
  made: number,
  relation: Relation,
  subject: Entity,
  object: Entity,
  stance: string,
  documentId: string,
  documentDay: number,
  random: Random,
): Claim {
  const date = eventDate(documentDay, random);
  const claim: Claim = {
    id: `c${String(made).padStart(7, '0')}`,
    subject: subject.id,
    type: relation.type.id,
    object: object.id,
    stance,
    document: documentId,
    quote: '',
  };
  let source: string | undefined;
  if (stance === 'alleges' && random.chance(0.5)) source = claim.attributedTo = random.pick(SOURCES);
  else if (stance === 'denies' || stance === 'confirms') claim.attributedTo = subject.id;
  if (date !== undefined) claim.date = date;
  if (random.chance(0.1)) {
    const year = Number((date ?? isoDay(documentDay)).slice(0, 4));
    claim.startDate = String(year - random.below(3));
    claim.endDate = String(year);
  }
  if (relation.type.id === 'holds_position') claim.role = random.pick(ROLES);
  if (random.chance(0.05)) claim.summary = `${relation.type.label} (${stance})`;
  const nameOf = (entity: Entity) =>
    entity.aliases.length > 0 && random.chance(0.3) ? random.pick(entity.aliases) : entity.name;
  claim.quote = claimSentence({
    subject: nameOf(subject),
    object: nameOf(object),
    phrase: relationPhrase(relation.type),
    stance,
    when: describeWhen(date),
    source,
  });
  return claim;
}
