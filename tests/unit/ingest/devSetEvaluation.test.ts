// The dev-set evaluation as a test: it fails when the totals fall below the aims
// (entity F1 ≥ 0.9, claim F1 ≥ 0.6). The dev set lives beside the repository in
// ../shared/dev-articles; without it this test fails and says so.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DevSetError, evaluateDevSet } from '../../../server/ingest/evaluation/evaluateDevSet';
import { f1 } from '../../../server/ingest/evaluation/scoreExtraction';
import { loadDataset } from '../../../server/load/loadDataset';

const repositoryRoot = path.resolve(__dirname, '../../..');
const devSetDir = path.resolve(repositoryRoot, '..', 'shared', 'dev-articles');

describe('dev-set evaluation', () => {
  it('reaches entity F1 ≥ 0.9 and claim F1 ≥ 0.6 in total', () => {
    if (!fs.existsSync(devSetDir)) {
      throw new Error(
        `the dev set is missing: expected articles and *.gold.json files in ${devSetDir} (../shared/dev-articles beside the repository)`,
      );
    }
    const score = evaluateDevSet(devSetDir, loadDataset(path.join(repositoryRoot, 'graph-data')));
    expect(score.articles.length).toBeGreaterThanOrEqual(7);
    expect(f1(score.entities).f1).toBeGreaterThanOrEqual(0.9);
    expect(f1(score.claims).f1).toBeGreaterThanOrEqual(0.6);
    expect(score.quotesNotInBody).toEqual([]);
  });

  it('fails with a clear message when the folder is missing', () => {
    const missing = path.join(os.tmpdir(), 'claimgraph-no-such-dev-set');
    expect(() => evaluateDevSet(missing)).toThrow(
      new DevSetError(
        `the dev-set folder ${missing} does not exist: expected articles (*.txt) with gold annotations (*.gold.json)`,
      ),
    );
  });

  it('fails when the folder has no gold files', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-empty-dev-set-'));
    try {
      expect(() => evaluateDevSet(empty)).toThrow(
        new DevSetError(`the dev-set folder ${empty} has no *.gold.json files`),
      );
    } finally {
      fs.rmSync(empty, { recursive: true });
    }
  });
});
