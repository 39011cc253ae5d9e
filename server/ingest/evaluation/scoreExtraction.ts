// Scores an extraction against a gold annotation. Entities match one to one when a name
// or alias of one equals a name or alias of the other, ignoring case (a maximum bipartite
// matching, so one predicted entity cannot claim two gold ones). Claims match one to one
// when subject, type and object match through that entity matching (undirected types in
// either order), preferring a match with the same stance; stance accuracy is over the
// matched claims. Edges (claims grouped by subject, type and object) whose triple both
// sides have are compared by status, derived from their claims' stances by the
// vocabulary's rules (confirmed, reported, alleged, disputed, denied).
import { firstMatchingStatus } from '../../model/statusRules';
import type { Status } from '../../model/vocabulary';
import type { ExtractionResult } from '../extractionResult';
import type { GoldAnnotation } from './goldAnnotation';

export interface PrecisionRecall {
  truePositives: number;
  predicted: number;
  gold: number;
}

export interface ArticleScore {
  article: string;
  entities: PrecisionRecall;
  claims: PrecisionRecall;
  stanceCorrect: number;
  /** Edges both sides have, and how many of them get the gold status from the predicted claims. */
  edgesMatched: number;
  statusCorrect: number;
  /** Gold claims no prediction matched, and predictions that matched none: for looking at misses. */
  missedClaims: string[];
  spuriousClaims: string[];
  missedEntities: string[];
  spuriousEntities: string[];
}

const forms = (name: string, aliases: string[]) => new Set([name, ...aliases].map((f) => f.trim().toLowerCase()));

/** Kuhn's augmenting paths: a maximum matching of left to right under `edges`. */
function maximumMatching(left: number, edges: number[][]): Map<number, number> {
  const rightOwner = new Map<number, number>();
  const tryAssign = (l: number, visited: Set<number>): boolean => {
    for (const r of edges[l]) {
      if (visited.has(r)) continue;
      visited.add(r);
      const owner = rightOwner.get(r);
      if (owner === undefined || tryAssign(owner, visited)) {
        rightOwner.set(r, l);
        return true;
      }
    }
    return false;
  };
  for (let l = 0; l < left; l++) tryAssign(l, new Set());
  const leftToRight = new Map<number, number>();
  for (const [r, l] of rightOwner) leftToRight.set(l, r);
  return leftToRight;
}

export function scoreExtraction(
  article: string,
  predicted: ExtractionResult,
  gold: GoldAnnotation,
  undirectedTypes: Set<string>,
  statuses: readonly Status[] = [],
): ArticleScore {
  const predictedForms = predicted.entities.map((e) => forms(e.name, e.aliases));
  const goldForms = gold.entities.map((e) => forms(e.name, e.aliases));
  const entityEdges = predictedForms.map((p) =>
    goldForms.flatMap((g, gi) => ([...p].some((f) => g.has(f)) ? [gi] : [])),
  );
  const entityMatch = maximumMatching(predicted.entities.length, entityEdges);
  const goldIndexOfPredictedId = new Map<string, number>();
  predicted.entities.forEach((e, i) => {
    const g = entityMatch.get(i);
    if (g !== undefined) goldIndexOfPredictedId.set(e.id, g);
  });
  const goldIndexOfName = new Map(gold.entities.map((e, i) => [e.name, i]));

  const sameTriple = (p: ExtractionResult['claims'][number], g: GoldAnnotation['claims'][number]) => {
    if (p.type !== g.type) return false;
    const ps = goldIndexOfPredictedId.get(p.subject);
    const po = goldIndexOfPredictedId.get(p.object);
    const gs = goldIndexOfName.get(g.subject);
    const go = goldIndexOfName.get(g.object);
    if (ps === undefined || po === undefined || gs === undefined || go === undefined) return false;
    if (ps === gs && po === go) return true;
    return undirectedTypes.has(p.type) && ps === go && po === gs;
  };
  // Same-stance pairs first so that a duplicate triple with another stance does not steal the match.
  const claimEdges = predicted.claims.map((p) => {
    const matches = gold.claims.flatMap((g, gi) => (sameTriple(p, g) ? [gi] : []));
    return [
      ...matches.filter((gi) => gold.claims[gi].stance === p.stance),
      ...matches.filter((gi) => gold.claims[gi].stance !== p.stance),
    ];
  });
  const claimMatch = maximumMatching(predicted.claims.length, claimEdges);
  let stanceCorrect = 0;
  for (const [p, g] of claimMatch) if (predicted.claims[p].stance === gold.claims[g].stance) stanceCorrect++;
  const edges = compareEdgeStatuses(
    predicted,
    gold,
    goldIndexOfPredictedId,
    goldIndexOfName,
    undirectedTypes,
    statuses,
  );
  const matchedGold = new Set(claimMatch.values());
  const nameOf = new Map(predicted.entities.map((e) => [e.id, e.name]));
  const matchedGoldEntities = new Set(entityMatch.values());
  return {
    article,
    entities: { truePositives: entityMatch.size, predicted: predicted.entities.length, gold: gold.entities.length },
    claims: { truePositives: claimMatch.size, predicted: predicted.claims.length, gold: gold.claims.length },
    stanceCorrect,
    edgesMatched: edges.matched,
    statusCorrect: edges.correct,
    missedClaims: gold.claims.flatMap((g, i) =>
      matchedGold.has(i) ? [] : [`${g.subject} ${g.type} ${g.object} (${g.stance})`],
    ),
    spuriousClaims: predicted.claims.flatMap((p, i) =>
      claimMatch.has(i)
        ? []
        : [`${nameOf.get(p.subject)} ${p.type} ${nameOf.get(p.object)} (${p.stance}) "${p.quote.slice(0, 70)}"`],
    ),
    missedEntities: gold.entities.flatMap((g, i) => (matchedGoldEntities.has(i) ? [] : [g.name])),
    spuriousEntities: predicted.entities.flatMap((p, i) => (entityMatch.has(i) ? [] : [p.name])),
  };
}

/** The edges (by gold entity indexes) both sides state, and how many get the same derived status. */
function compareEdgeStatuses(
  predicted: ExtractionResult,
  gold: GoldAnnotation,
  goldIndexOfPredictedId: Map<string, number>,
  goldIndexOfName: Map<string, number>,
  undirectedTypes: Set<string>,
  statuses: readonly Status[],
): { matched: number; correct: number } {
  const key = (s: number, type: string, o: number) =>
    undirectedTypes.has(type) && o < s ? `${o}|${type}|${s}` : `${s}|${type}|${o}`;
  const add = (edges: Map<string, string[]>, k: string, stance: string) => {
    const list = edges.get(k);
    if (list) list.push(stance);
    else edges.set(k, [stance]);
  };
  const goldEdges = new Map<string, string[]>();
  for (const c of gold.claims) {
    const s = goldIndexOfName.get(c.subject);
    const o = goldIndexOfName.get(c.object);
    if (s !== undefined && o !== undefined) add(goldEdges, key(s, c.type, o), c.stance);
  }
  const predictedEdges = new Map<string, string[]>();
  for (const c of predicted.claims) {
    const s = goldIndexOfPredictedId.get(c.subject);
    const o = goldIndexOfPredictedId.get(c.object);
    if (s !== undefined && o !== undefined) add(predictedEdges, key(s, c.type, o), c.stance);
  }
  let matched = 0;
  let correct = 0;
  for (const [k, stances] of predictedEdges) {
    const goldStances = goldEdges.get(k);
    if (!goldStances) continue;
    matched++;
    if (firstMatchingStatus(stances, statuses) === firstMatchingStatus(goldStances, statuses)) correct++;
  }
  return { matched, correct };
}

export function f1(score: PrecisionRecall): { precision: number; recall: number; f1: number } {
  const precision = score.predicted ? score.truePositives / score.predicted : 0;
  const recall = score.gold ? score.truePositives / score.gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export function addCounts(a: PrecisionRecall, b: PrecisionRecall): PrecisionRecall {
  return {
    truePositives: a.truePositives + b.truePositives,
    predicted: a.predicted + b.predicted,
    gold: a.gold + b.gold,
  };
}
