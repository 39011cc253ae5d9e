// The loader's promise: every problem of a broken data folder at once, each naming the
// file, the record, the field and what was expected. One fixture folder per case.
import path from 'node:path';
import { loadDataset } from '../../../server/load/loadDataset';
import { DataIntegrityError, formatProblem } from '../../../server/load/problems';
import { readDataFolder } from '../../../server/load/readDataFolder';
import { resolveDataset } from '../../../server/load/resolveDataset';

const fixture = (name: string) => path.join(__dirname, '..', '..', 'fixtures', 'data', name);
const problemsOf = (name: string) => resolveDataset(readDataFolder(fixture(name))).problems.map(formatProblem);

describe('loadDataset', () => {
  it('loads the tiny fixture with quote offsets', () => {
    const dataset = loadDataset(fixture('tiny'));
    expect(dataset.entities.size).toBe(4);
    expect(dataset.documents.get('doc-1')).toMatchObject({ id: 'doc-1', date: '2024-01-15', title: 'Alice meets Bob' });
    const c1 = dataset.claims.find((c) => c.id === 'c1')!;
    expect(dataset.documents.get('doc-1')!.text.slice(c1.quoteStart, c1.quoteEnd)).toBe(c1.quote);
    expect(c1.quoteStart).toBe(0);
    expect(dataset.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('throws DataIntegrityError carrying every problem', () => {
    expect.assertions(2);
    try {
      loadDataset(fixture('broken-duplicate-ids'));
    } catch (error) {
      expect(error).toBeInstanceOf(DataIntegrityError);
      expect((error as DataIntegrityError).problems).toHaveLength(2);
    }
  });

  it('reports a missing folder', () => {
    expect(problemsOf('no-such-folder')).toEqual([
      `${fixture('no-such-folder')}: the data folder does not exist or is not a folder`,
    ]);
  });
});

describe('load problems, one fixture per case', () => {
  const cases: Array<[string, string[]]> = [
    [
      'malformed-json',
      [`claims.json:28:5: malformed JSON: expected ',' or '}' after the property value but found "\\""`],
    ],
    [
      'unknown-field',
      [
        'entities.json: record [0] id "alice": field "nickname": unknown field; expected only id, type, name, aliases, description, kind, countryCode, attributes',
      ],
    ],
    [
      'unknown-node-type',
      [
        'entities.json: record [2] id "acme": field "type": unknown node type "company"; expected one of person, organization, country, service',
      ],
    ],
    [
      'unknown-edge-type',
      [
        'claims.json: record [2] id "c3": field "type": unknown edge type "runs"; expected one of holds_position, owns, operates, part_of, member_of, associate_of, in_contact_with, requested, acted_on_behalf_of, provided_access, restricted_access, funded, supported, criticized, used, attacked, sanctioned, linked_to',
      ],
    ],
    ['unknown-entity', ['claims.json: record [0] id "c1": field "object": unknown entity "carol"']],
    ['unknown-document', ['claims.json: record [1] id "c2": field "document": unknown document "doc-2"']],
    [
      'edge-type-not-allowed',
      [
        'claims.json: record [3] id "c4": field "type": edge type "holds_position" does not allow service → organization (allowed: person → organization/country/service)',
      ],
    ],
    [
      'duplicate-ids',
      [
        'entities.json: record [4] id "bob": duplicate entity id "bob" (first defined in entities.json record [1])',
        'claims.json: record [2] id "c1": duplicate claim id "c1" (first defined in claims.json record [0])',
      ],
    ],
    [
      'impossible-date',
      [
        'claims.json: record [0] id "c1": field "date": expected a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar',
      ],
    ],
    [
      'quote-not-found',
      [
        'claims.json: record [0] id "c1": field "quote": quote not found verbatim in document "doc-1"; nearest passage: "Alice Smith reportedly met Bob Jones in Paris in March"',
      ],
    ],
    ['empty-document', ['documents/doc-2.txt: field "text": the document has no body text']],
  ];

  it.each(cases)('%s', (name, expected) => {
    expect(problemsOf(`broken-${name}`)).toEqual(expected);
  });

  it('the valid fixture has no problems', () => {
    expect(problemsOf('tiny')).toEqual([]);
  });
});
