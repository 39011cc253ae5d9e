// filterHistory on a small literal history: newest first, and each filter on its own and
// combined (a claim's ends before or after the event, entities it created, its document).
import type { CurationEntry } from '../../../server/model/curationEvents';
import { filterHistory } from '../../../server/queries/curationHistory';

const claim = (id: string, subject: string, object: string, document: string) => ({
  id,
  subject,
  type: 'in_contact_with',
  object,
  stance: 'alleges',
  document,
  quote: 'q',
});
const base = { at: '2026-01-01T00:00:00.000Z', version: 1, entities: [] };
const events: CurationEntry[] = [
  {
    ...base,
    kind: 'addClaim',
    id: 'e1',
    author: 'token',
    claim: 'a',
    before: null,
    after: claim('a', 'ann', 'bob', 'jan'),
  },
  {
    ...base,
    kind: 'correctClaim',
    id: 'e2',
    author: 'cli',
    claim: 'a',
    before: claim('a', 'ann', 'bob', 'jan'),
    after: claim('a', 'ann', 'carol', 'jan'),
    version: 2,
    entities: [{ id: 'carol', type: 'person', name: 'Carol', aliases: [] }],
  },
  {
    ...base,
    kind: 'retractClaim',
    id: 'e3',
    author: 'token',
    reason: 'wrong',
    claim: 'b',
    before: claim('b', 'dan', 'bob', 'feb'),
    after: null,
    version: 2,
  },
];
const ids = (filter: Parameters<typeof filterHistory>[1]) => filterHistory(events, filter).map((e) => e.id);

describe('filterHistory', () => {
  it('lists every event newest first without a filter', () => {
    expect(ids({})).toEqual(['e3', 'e2', 'e1']);
  });

  it('keeps the events of one claim, author or document', () => {
    expect(ids({ claim: 'a' })).toEqual(['e2', 'e1']);
    expect(ids({ author: 'token' })).toEqual(['e3', 'e1']);
    expect(ids({ document: 'feb' })).toEqual(['e3']);
    expect(ids({ claim: 'zzz' })).toEqual([]);
  });

  it('keeps an entity’s events: as an end before or after, or created by the event', () => {
    expect(ids({ entity: 'bob' })).toEqual(['e3', 'e2', 'e1']);
    expect(ids({ entity: 'carol' })).toEqual(['e2']);
    expect(ids({ entity: 'dan' })).toEqual(['e3']);
  });

  it('combines filters', () => {
    expect(ids({ entity: 'bob', author: 'token' })).toEqual(['e3', 'e1']);
    expect(ids({ entity: 'bob', document: 'jan', author: 'cli' })).toEqual(['e2']);
  });
});
