// CSV exports: RFC 4180 text that csv-parse reads back into the same rows, claims kept
// as JSON in edges.csv, and text cells neutralised against spreadsheet formulas.
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvField, exportEdgesCsv, exportNodesCsv } from '../../../server/export/csv';
import { openGraph } from '../../../server/graph/openGraph';
import { nastyEdges, nastyGraph } from '../../fixtures/export/nastyGraph';

const seedDir = path.join(__dirname, '..', '..', '..', 'graph-data');
const rowsOf = (text: string): string[][] => parse(text);

describe('csvField', () => {
  it('quotes fields holding a quote, comma, CR or LF, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+33 1')).toBe("'+33 1");
    expect(csvField('-Widget')).toBe("'-Widget");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
  });

  it('writes numbers and booleans as they are, undefined as an empty field', () => {
    expect(csvField(-2.25)).toBe('-2.25');
    expect(csvField(0)).toBe('0');
    expect(csvField(false)).toBe('false');
    expect(csvField(undefined)).toBe('');
  });
});

describe('nodes.csv', () => {
  const text = exportNodesCsv(nastyGraph());

  it('ends every record with CRLF', () => {
    expect(
      text.startsWith('id,type,label,aliases,description,kind,countryCode,attributes,color,degree,size,x,y\r\n'),
    ).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('parses back into one row per entity, sorted by id', () => {
    expect(rowsOf(text)).toEqual([
      [
        'id',
        'type',
        'label',
        'aliases',
        'description',
        'kind',
        'countryCode',
        'attributes',
        'color',
        'degree',
        'size',
        'x',
        'y',
      ],
      [
        'acme',
        'organization',
        'Acme, Corp.',
        '[]',
        '',
        'company',
        '',
        '{"founded":1999,"weird key":"a,b;c"}',
        '#f28e2b',
        '3',
        '6.81',
        '3',
        '4',
      ],
      [
        'alice',
        'person',
        `Alice "Al" O'Neil`,
        '["Al\\\\Ice","line one\\nline two"]',
        '<script>alert("x")</script> & more',
        '',
        '',
        '',
        '#4e79a7',
        '3',
        '6.81',
        '1.5',
        '-2.25',
      ],
      [
        'bob',
        'person',
        `'=HYPERLINK("http://evil.example")`,
        '["Боб","rocket 🚀"]',
        'tab\there\r\nCRLF',
        '',
        '',
        '',
        '#4e79a7',
        '1',
        '5.2',
        '-10',
        '0.125',
      ],
      [
        'widget',
        'service',
        "'-Widget",
        '["@widget"]',
        'bell\u0007 and line\u2028separator',
        '',
        '',
        '',
        '#e15759',
        '1',
        '5.2',
        '0',
        '0',
      ],
    ]);
  });

  it('does not depend on insertion order', () => {
    expect(exportNodesCsv(nastyGraph('reversed'))).toBe(text);
  });
});

describe('edges.csv', () => {
  const text = exportEdgesCsv(nastyGraph());
  const rows = rowsOf(text);

  it('parses back into one row per edge, sorted by key, with the flat attributes', () => {
    expect(rows.map((row) => row.slice(0, 13).concat(row.slice(14)))).toEqual([
      [
        'id',
        'source',
        'target',
        'type',
        'label',
        'typeLabel',
        'status',
        'directed',
        'claimCount',
        'weight',
        'firstDate',
        'lastDate',
        'documents',
        'color',
        'size',
      ],
      [
        'acme|funded|alice',
        'acme',
        'alice',
        'funded',
        'alleged funding',
        'funding',
        'alleged',
        'true',
        '1',
        '1',
        '2022',
        '2022',
        'doc-1',
        '#edc948',
        '1.5',
      ],
      [
        'acme|operates|widget',
        'acme',
        'widget',
        'operates',
        'operates',
        'operates',
        'reported',
        'true',
        '1',
        '1',
        '',
        '',
        'imports/registry.csv',
        '#59a14f',
        '1.5',
      ],
      [
        'acme|supported|alice',
        'acme',
        'alice',
        'supported',
        'support',
        'support',
        'confirmed',
        'true',
        '1',
        '1',
        '',
        '',
        'doc-1',
        '#b07aa1',
        '1.5',
      ],
      [
        'alice|in_contact_with|bob',
        'alice',
        'bob',
        'in_contact_with',
        'disputed contact',
        'contact',
        'disputed',
        'false',
        '2',
        '2',
        '2023-03',
        '2023-03',
        'doc-1',
        '#76b7b2',
        '2',
      ],
    ]);
    expect(rows[0][13]).toBe('claims');
  });

  it('keeps every claim, with its quote and source, as JSON in the claims column', () => {
    const byKey = new Map(rows.slice(1).map((row) => [row[0], JSON.parse(row[13])]));
    for (const edge of nastyEdges) expect(byKey.get(edge.key)).toEqual(edge.attributes.claims);
    // The formula-looking quote sits inside JSON, so the cell starts with "[" and is not altered.
    expect(byKey.get('alice|in_contact_with|bob')[1].quote).toBe('=SUM(A1:A9) denied, he said');
  });

  it('round-trips the seed dataset', () => {
    const { graph } = openGraph(seedDir);
    const seedRows = rowsOf(exportEdgesCsv(graph));
    expect(seedRows).toHaveLength(20);
    for (const row of seedRows.slice(1)) {
      const [key, source, target, type, label, , status, directed, claimCount] = row;
      expect(graph.extremities(key)).toEqual([source, target]);
      expect({ type, label, status, directed, claimCount }).toEqual({
        type: graph.getEdgeAttribute(key, 'type'),
        label: graph.getEdgeAttribute(key, 'label'),
        status: graph.getEdgeAttribute(key, 'status'),
        directed: String(graph.getEdgeAttribute(key, 'directed')),
        claimCount: String(graph.getEdgeAttribute(key, 'claimCount')),
      });
      expect(JSON.parse(row[13])).toEqual(graph.getEdgeAttribute(key, 'claims'));
    }
    expect(rowsOf(exportNodesCsv(graph)).map((row) => row[0])).toEqual(['id', ...[...graph.nodes()].sort()]);
  });
});
