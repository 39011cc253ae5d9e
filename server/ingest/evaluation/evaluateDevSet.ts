// Runs the extractor over every article that has a *.gold.json beside it and scores each
// one and the total. A missing folder or one without gold files is an error, not an
// empty score, so that an evaluation cannot pass by finding nothing.
import fs from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../../model/dataset';
import { extractArticle, loadDefaultVocabulary } from '../extractArticle';
import { goldAnnotationSchema } from './goldAnnotation';
import { addCounts, scoreExtraction, type ArticleScore, type PrecisionRecall } from './scoreExtraction';

export interface DevSetScore {
  articles: ArticleScore[];
  entities: PrecisionRecall;
  claims: PrecisionRecall;
  stanceCorrect: number;
  /** Edges both sides have, and how many get the gold's derived status. */
  edgesMatched: number;
  statusCorrect: number;
  /** Quotes that are not verbatim passages of their article's body ("article: quote"); must be empty. */
  quotesNotInBody: string[];
  /** Slowest extraction, in milliseconds. */
  slowestMs: number;
}

export class DevSetError extends Error {}

/**
 * Scores every gold file of `folder`. An article is looked for beside its gold file, then
 * in a sibling seeds/ folder, then in the data folder's documents/ (the seed article lives
 * there).
 */
export function evaluateDevSet(folder: string, dataset?: Dataset): DevSetScore {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new DevSetError(
      `the dev-set folder ${folder} does not exist: expected articles (*.txt) with gold annotations (*.gold.json)`,
    );
  }
  const goldFiles = fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.gold.json'))
    .sort();
  if (goldFiles.length === 0) throw new DevSetError(`the dev-set folder ${folder} has no *.gold.json files`);
  const vocabulary = dataset?.vocabulary;
  const undirected = new Set<string>();
  const articles: ArticleScore[] = [];
  let slowestMs = 0;
  const quotesNotInBody: string[] = [];
  for (const goldFile of goldFiles) {
    const goldPath = path.join(folder, goldFile);
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(goldPath, 'utf8'));
    } catch (error) {
      throw new DevSetError(`${goldPath}: not valid JSON (${(error as Error).message})`);
    }
    const parsed = goldAnnotationSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DevSetError(`${goldPath}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    }
    const gold = parsed.data;
    const articleName = gold.document;
    const searched = [
      folder,
      path.join(folder, '..', 'seeds'),
      ...(dataset ? [path.join(dataset.dataDir, 'documents')] : []),
    ];
    const articlePath = searched
      .flatMap((dir) => [path.join(dir, articleName), path.join(dir, goldFile.replace(/\.gold\.json$/, '.txt'))])
      .find((p) => fs.existsSync(p));
    if (!articlePath)
      throw new DevSetError(`${goldPath}: its article ${articleName} is in none of ${searched.join(', ')}`);
    const started = performance.now();
    const text = fs.readFileSync(articlePath, 'utf8');
    const predicted = extractArticle(text, path.basename(articlePath), dataset);
    slowestMs = Math.max(slowestMs, performance.now() - started);
    const body = text.slice(text.indexOf('\n') + 1);
    for (const claim of predicted.claims)
      if (!body.includes(claim.quote)) quotesNotInBody.push(`${path.basename(articlePath)}: ${claim.quote}`);
    const index = vocabulary ?? loadDefaultVocabulary();
    if (undirected.size === 0) {
      for (const type of index.edgeTypes.values()) if (!type.directed) undirected.add(type.id);
    }
    articles.push(
      scoreExtraction(path.basename(articlePath, '.txt'), predicted, gold, undirected, [...index.statuses.values()]),
    );
  }
  const zero: PrecisionRecall = { truePositives: 0, predicted: 0, gold: 0 };
  return {
    articles,
    entities: articles.reduce((sum, a) => addCounts(sum, a.entities), zero),
    claims: articles.reduce((sum, a) => addCounts(sum, a.claims), zero),
    stanceCorrect: articles.reduce((sum, a) => sum + a.stanceCorrect, 0),
    edgesMatched: articles.reduce((sum, a) => sum + a.edgesMatched, 0),
    statusCorrect: articles.reduce((sum, a) => sum + a.statusCorrect, 0),
    quotesNotInBody,
    slowestMs,
  };
}
