// Prints a dev-set score as a table: per article and in total, entity and claim
// precision, recall and F1, stance accuracy over matched claims and status accuracy over
// the edges both sides have.
import type { DevSetScore } from './evaluateDevSet';
import { f1, type PrecisionRecall } from './scoreExtraction';

const pct = (n: number) => n.toFixed(2);

interface Counts {
  entities: PrecisionRecall;
  claims: PrecisionRecall;
  stanceCorrect: number;
  edgesMatched: number;
  statusCorrect: number;
}

function cells({ entities, claims, stanceCorrect, edgesMatched, statusCorrect }: Counts): string[] {
  const e = f1(entities);
  const c = f1(claims);
  const stance = claims.truePositives ? stanceCorrect / claims.truePositives : 0;
  const status = edgesMatched ? statusCorrect / edgesMatched : 0;
  return [
    pct(e.precision),
    pct(e.recall),
    pct(e.f1),
    pct(c.precision),
    pct(c.recall),
    pct(c.f1),
    `${pct(stance)} (${stanceCorrect}/${claims.truePositives})`,
    `${pct(status)} (${statusCorrect}/${edgesMatched})`,
  ];
}

export function formatScores(score: DevSetScore, details = false): string {
  const header = ['article', 'ent P', 'ent R', 'ent F1', 'claim P', 'claim R', 'claim F1', 'stance acc', 'status acc'];
  const rows = score.articles.map((a) => [a.article, ...cells(a)]);
  rows.push(['TOTAL', ...cells(score)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const out = [line(header), ...rows.map(line)];
  out.push(
    `(entities ${score.entities.truePositives}/${score.entities.predicted} predicted, ${score.entities.gold} gold; claims ${score.claims.truePositives}/${score.claims.predicted} predicted, ${score.claims.gold} gold; slowest article ${score.slowestMs.toFixed(0)} ms)`,
  );
  for (const quote of score.quotesNotInBody) out.push(`quote not in its article: ${quote}`);
  if (details) {
    for (const a of score.articles) {
      out.push('', `## ${a.article}`);
      for (const m of a.missedEntities) out.push(`  missed entity   ${m}`);
      for (const m of a.spuriousEntities) out.push(`  extra entity    ${m}`);
      for (const m of a.missedClaims) out.push(`  missed claim    ${m}`);
      for (const m of a.spuriousClaims) out.push(`  extra claim     ${m}`);
    }
  }
  return out.join('\n');
}
