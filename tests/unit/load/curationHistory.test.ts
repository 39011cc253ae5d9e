// readCurationHistory: history.jsonl (what compaction kept) and then the journal's
// curation events make one history, each event once by id; versions, retracted claims
// and the next id follow from it; a broken line of history.jsonl is a problem naming
// the file, the line and the field.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readCurationHistory } from '../../../server/load/curationHistory';
import { DataIntegrityError } from '../../../server/load/problems';
import type { CurationEntry } from '../../../server/model/curationEvents';

const claim = {
  id: 'c1',
  subject: 'ann',
  type: 'in_contact_with',
  object: 'bob',
  stance: 'alleges',
  record: { file: 'x', id: '1' },
};
const added: CurationEntry = {
  kind: 'addClaim',
  id: 'e1',
  at: '2026-01-01T00:00:00.000Z',
  author: 'token',
  claim: 'c1',
  before: null,
  after: claim,
  version: 1,
  entities: [],
};
const retracted: CurationEntry = {
  ...added,
  kind: 'retractClaim',
  id: 'e2',
  reason: 'wrong',
  before: claim,
  after: null,
  version: 2,
};
const lines = (...entries: unknown[]) => entries.map((e) => `${JSON.stringify(e)}\n`).join('');

function folder(history: string, journal: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-history-'));
  fs.writeFileSync(path.join(dir, 'history.jsonl'), history);
  fs.writeFileSync(path.join(dir, 'journal.jsonl'), journal);
  return dir;
}

describe('readCurationHistory', () => {
  it('joins history.jsonl and the journal, keeping an event found in both once', () => {
    const dir = folder(lines(added), lines(added, { kind: 'reject', at: 'x', proposal: 'p1' }, retracted));
    const history = readCurationHistory(dir);
    expect(history.all().map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(history.versionOf('c1')).toBe(2);
    expect(history.versionOf('never-curated')).toBe(1);
    expect(history.retracted('c1')).toEqual({ claim, event: retracted });
    expect(history.nextId()).toBe('e3');
    fs.rmSync(dir, { recursive: true });
  });

  it('reports a broken line of history.jsonl by file, line and field', () => {
    const dir = folder(lines(added, { ...retracted, reason: undefined }), '');
    let thrown: unknown;
    try {
      readCurationHistory(dir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DataIntegrityError);
    expect((thrown as DataIntegrityError).problems).toEqual([
      {
        file: 'history.jsonl',
        line: 2,
        column: 1,
        field: 'reason',
        message: 'invalid history event: Invalid input: expected string, received undefined',
      },
    ]);
    fs.rmSync(dir, { recursive: true });
  });
});
