// Step 2 of loading: check references across records against the vocabulary. Claims'
// subject, object and document must exist, the edge type must allow those node types,
// and every quote must occur verbatim in its document (else we show the nearest passage).
import type { Dataset, ResolvedClaim } from '../model/dataset';
import { survivorOf, type EntityRedirect } from '../model/entityRedirects';
import type { GivenPositions } from '../model/layoutFile';
import type { Claim, DocumentRecord, Entity } from '../model/records';
import { edgeTypeAllows, indexVocabulary, type Vocabulary, type VocabularyIndex } from '../model/vocabulary';
import { findNearestPassage } from './findNearestPassage';
import { statusRuleMatches } from '../model/statusRules';
import type { LoadProblem } from './problems';
import type { RawData } from './readDataFolder';

const oneOf = (values: Iterable<string>) => [...values].join(', ');

/** Every non-empty combination of stances must map to a status, or edges could go unlabelled. */
export function checkStatusRulesCover(vocabulary: Vocabulary, file: string): LoadProblem[] {
  const stances = vocabulary.stances.map((s) => s.id);
  if (stances.length > 12) return [{ file, field: 'stances', message: 'at most 12 stances are supported' }];
  const problems: LoadProblem[] = [];
  for (let mask = 1; mask < 1 << stances.length; mask++) {
    const present = new Set(stances.filter((_, i) => mask & (1 << i)));
    const matched = vocabulary.statuses.some((status) => statusRuleMatches(status.rule, present));
    if (!matched)
      problems.push({
        file,
        field: 'statuses',
        message: `no status rule matches an edge whose claims have the stances ${oneOf(present)}`,
      });
  }
  return problems;
}

function checkVocabularyReferences(vocabulary: Vocabulary, file: string): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const nodeTypes = new Set(vocabulary.nodeTypes.map((t) => t.id));
  const stances = new Set(vocabulary.stances.map((s) => s.id));
  const seen = new Map<string, string>();
  const noteDuplicate = (kind: string, id: string, field: string) => {
    const key = `${kind}:${id}`;
    if (seen.has(key))
      problems.push({ file, field, message: `duplicate ${kind} id "${id}" (first declared at ${seen.get(key)})` });
    else seen.set(key, field);
  };
  vocabulary.nodeTypes.forEach((t, i) => noteDuplicate('node type', t.id, `nodeTypes[${i}]`));
  vocabulary.stances.forEach((s, i) => noteDuplicate('stance', s.id, `stances[${i}]`));
  vocabulary.statuses.forEach((s, i) => {
    noteDuplicate('status', s.id, `statuses[${i}]`);
    for (const stance of [...s.rule.all, ...(s.rule.any ?? []), ...s.rule.none]) {
      if (!stances.has(stance))
        problems.push({
          file,
          field: `statuses[${i}].rule`,
          message: `unknown stance "${stance}"; expected one of ${oneOf(stances)}`,
        });
    }
  });
  vocabulary.edgeTypes.forEach((t, i) => {
    noteDuplicate('edge type', t.id, `edgeTypes[${i}]`);
    for (const [side, list] of [
      ['subjectTypes', t.subjectTypes],
      ['objectTypes', t.objectTypes],
    ] as const) {
      for (const type of list) {
        if (!nodeTypes.has(type))
          problems.push({
            file,
            field: `edgeTypes[${i}].${side}`,
            message: `unknown node type "${type}"; expected one of ${oneOf(nodeTypes)}`,
          });
      }
    }
  });
  if (problems.length === 0) problems.push(...checkStatusRulesCover(vocabulary, file));
  return problems;
}

export function resolveDataset(raw: RawData): { dataset?: Dataset; problems: LoadProblem[] } {
  const problems: LoadProblem[] = [...raw.problems];
  if (!raw.vocabulary) return { problems };
  const vocabularyName =
    raw.vocabularyFile.endsWith('vocabulary.json') && raw.vocabularyFile.startsWith(raw.dataDir)
      ? 'vocabulary.json'
      : raw.vocabularyFile;
  const vocabularyProblems = checkVocabularyReferences(raw.vocabulary, vocabularyName);
  problems.push(...vocabularyProblems);
  if (vocabularyProblems.length > 0) return { problems };
  const vocabulary: VocabularyIndex = indexVocabulary(raw.vocabulary);
  const entities = indexEntities(raw, vocabulary, problems);
  const documents = new Map<string, DocumentRecord>();
  for (const { file, document } of raw.documents) {
    if (documents.has(document.id)) problems.push({ file, message: `duplicate document id "${document.id}"` });
    else documents.set(document.id, document);
  }
  const claims = resolveClaims({ raw, vocabulary, entities, documents, problems });
  const redirects = resolveRedirects(raw, entities, problems);
  const positions = resolvePositions(raw, entities, redirects, problems);
  if (problems.length > 0) return { problems };
  const dataset: Dataset = {
    dataDir: raw.dataDir,
    vocabulary,
    entities,
    documents,
    claims,
    redirects,
    contentHash: raw.contentHash,
  };
  if (positions) dataset.positions = positions;
  return { dataset, problems };
}

/** layout.json's positions of live entities; one of an entity merged away is dropped, one of no entity is a problem. */
function resolvePositions(
  raw: RawData,
  entities: Map<string, Entity>,
  redirects: Map<string, EntityRedirect>,
  problems: LoadProblem[],
): GivenPositions | undefined {
  if (!raw.layout) return undefined;
  const positions: GivenPositions = Object.create(null);
  for (const [id, point] of Object.entries(raw.layout.positions)) {
    if (entities.has(id)) positions[id] = point;
    else if (!redirects.has(id))
      problems.push({ file: raw.layout.file, field: `positions.${id}`, message: `no entity has the id "${id}"` });
  }
  return positions;
}

/** The redirects by old id: an old id must be no entity's, and following it must end at an entity. */
function resolveRedirects(raw: RawData, entities: Map<string, Entity>, problems: LoadProblem[]) {
  const redirects = new Map<string, EntityRedirect>();
  for (const { file, index, record } of raw.redirects) {
    const at = { file, index, id: record.id };
    if (redirects.has(record.id)) problems.push({ ...at, message: `duplicate redirect of "${record.id}"` });
    else if (entities.has(record.id))
      problems.push({
        ...at,
        message: `"${record.id}" is an entity and also redirected (merged into "${record.into}"): keep one of the two`,
      });
    else redirects.set(record.id, record);
  }
  for (const { file, index, record } of raw.redirects) {
    const survivor = survivorOf(redirects, record.id);
    if (redirects.get(record.id) === record && (survivor === undefined || !entities.has(survivor)))
      problems.push({
        file,
        index,
        id: record.id,
        field: 'into',
        message: `"${record.into}" leads to no entity (unknown, or a cycle of redirects)`,
      });
  }
  return redirects;
}

/** The entities by id; duplicates and unknown node types are reported (an unknown type's id is noted as rejected). */
function indexEntities(raw: RawData, vocabulary: VocabularyIndex, problems: LoadProblem[]): Map<string, Entity> {
  const entities = new Map<string, Entity>();
  const entityOrigin = new Map<string, string>();
  for (const { file, index, record } of raw.entities) {
    const at = { file, index, id: record.id };
    if (entities.has(record.id)) {
      problems.push({
        ...at,
        message: `duplicate entity id "${record.id}" (first defined in ${entityOrigin.get(record.id)})`,
      });
      continue;
    }
    const nodeType = vocabulary.nodeTypes.get(record.type);
    if (!nodeType) {
      raw.rejectedIds.entities.add(record.id);
      problems.push({
        ...at,
        field: 'type',
        message: `unknown node type "${record.type}"; expected one of ${oneOf(vocabulary.nodeTypes.keys())}`,
      });
      continue;
    }
    if (record.kind !== undefined && nodeType.kinds && !nodeType.kinds.includes(record.kind)) {
      problems.push({
        ...at,
        field: 'kind',
        message: `unknown ${record.type} kind "${record.kind}"; expected one of ${oneOf(nodeType.kinds)}`,
      });
    }
    entities.set(record.id, record);
    entityOrigin.set(record.id, `${file} record [${index}]`);
  }
  return entities;
}

/** What checking a claim reads, and where its problems go. */
interface ClaimChecks {
  raw: RawData;
  vocabulary: VocabularyIndex;
  entities: Map<string, Entity>;
  documents: Map<string, DocumentRecord>;
  problems: LoadProblem[];
}

/** The claims whose references all resolve; each one that does not is reported and left out. */
function resolveClaims(checks: ClaimChecks): ResolvedClaim[] {
  // A million claims pass here: where an id was first seen is kept as a
  // position, and its description is only written out for a duplicate.
  const claims: ResolvedClaim[] = [];
  const claimOrigin = new Map<string, number>();
  for (let position = 0; position < checks.raw.claims.length; position++) {
    const resolved = resolveClaim(checks, position, claimOrigin);
    if (resolved) claims.push(resolved);
  }
  return claims;
}

function resolveClaim(
  checks: ClaimChecks,
  position: number,
  claimOrigin: Map<string, number>,
): ResolvedClaim | undefined {
  const { raw, vocabulary, entities, documents, problems } = checks;
  const { file, index, record: claim } = raw.claims[position];
  const at = { file, index, id: claim.id };
  const before = problems.length;
  const firstPosition = claimOrigin.get(claim.id);
  if (firstPosition !== undefined) {
    const first = raw.claims[firstPosition];
    problems.push({
      ...at,
      message: `duplicate claim id "${claim.id}" (first defined in ${first.file} record [${first.index}])`,
    });
  } else claimOrigin.set(claim.id, position);

  const edgeType = vocabulary.edgeTypes.get(claim.type);
  if (!edgeType)
    problems.push({
      ...at,
      field: 'type',
      message: `unknown edge type "${claim.type}"; expected one of ${oneOf(vocabulary.edgeTypes.keys())}`,
    });
  if (!vocabulary.stances.has(claim.stance))
    problems.push({
      ...at,
      field: 'stance',
      message: `unknown stance "${claim.stance}"; expected one of ${oneOf(vocabulary.stances.keys())}`,
    });
  const subject = entities.get(claim.subject);
  const object = entities.get(claim.object);
  // A reference to a record rejected above is not reported twice; the claim is still left out.
  const rejected =
    (!subject && raw.rejectedIds.entities.has(claim.subject)) ||
    (!object && raw.rejectedIds.entities.has(claim.object));
  if (!subject && !raw.rejectedIds.entities.has(claim.subject))
    problems.push({ ...at, field: 'subject', message: `unknown entity "${claim.subject}"` });
  if (!object && !raw.rejectedIds.entities.has(claim.object))
    problems.push({ ...at, field: 'object', message: `unknown entity "${claim.object}"` });
  if (edgeType && subject && object && !edgeTypeAllows(edgeType, subject.type, object.type)) {
    const allowedS = edgeType.subjectTypes.length ? edgeType.subjectTypes.join('/') : 'any';
    const allowedO = edgeType.objectTypes.length ? edgeType.objectTypes.join('/') : 'any';
    problems.push({
      ...at,
      field: 'type',
      message: `edge type "${claim.type}" does not allow ${subject.type} → ${object.type} (allowed: ${allowedS} → ${allowedO})`,
    });
  }
  const quoteStart = locateQuote(checks, claim, at);
  if (problems.length !== before || rejected || (claim.document !== undefined && !documents.has(claim.document)))
    return undefined;
  // The copy refers to the entity's, type's and document's own id strings instead of
  // the claim's equal ones: a million claims then share a few thousand strings, and
  // later lookups by these ids (grouping, graph insertion) hit already-hashed keys.
  const resolved: ResolvedClaim = {
    ...claim,
    subject: subject!.id,
    type: edgeType!.id,
    object: object!.id,
    stance: vocabulary.stances.get(claim.stance)!.id,
  };
  if (claim.document !== undefined) resolved.document = documents.get(claim.document)!.id;
  if (quoteStart !== undefined) {
    resolved.quoteStart = quoteStart;
    resolved.quoteEnd = quoteStart + claim.quote!.length;
  }
  return resolved;
}

/**
 * Where a claim's quote starts in its document, or undefined; an unknown document (unless
 * rejected already) and a quote not found verbatim (with the nearest passage) are reported.
 */
function locateQuote(
  checks: ClaimChecks,
  claim: Claim,
  at: { file: string; index: number; id: string },
): number | undefined {
  if (claim.document === undefined) return undefined;
  const document = checks.documents.get(claim.document);
  if (!document) {
    if (!checks.raw.rejectedIds.documents.has(claim.document))
      checks.problems.push({ ...at, field: 'document', message: `unknown document "${claim.document}"` });
    return undefined;
  }
  if (claim.quote === undefined) return undefined;
  // A curator may choose an occurrence other than the first: then quoteStart says where.
  if (claim.quoteStart !== undefined) {
    if (document.text.startsWith(claim.quote, claim.quoteStart)) return claim.quoteStart;
    checks.problems.push({
      ...at,
      field: 'quoteStart',
      message: `the quote does not occur at offset ${claim.quoteStart} of document "${claim.document}"`,
    });
    return undefined;
  }
  const found = document.text.indexOf(claim.quote);
  if (found !== -1) return found;
  const nearest = findNearestPassage(document.text, claim.quote);
  const hint = nearest ? `; nearest passage: ${JSON.stringify(nearest.text)}` : '';
  checks.problems.push({
    ...at,
    field: 'quote',
    message: `quote not found verbatim in document "${claim.document}"${hint}`,
  });
  return undefined;
}
