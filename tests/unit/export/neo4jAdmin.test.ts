// The neo4j-admin export: a tar that GNU tar unpacks into the two CSV files `neo4j-admin
// database import full` reads, with headers as Neo4j documents them. Neo4j's "CSV header
// format" (Operations Manual, Import, https://neo4j.com/docs/operations-manual/current/import/csv-header-format/)
// and its tutorial (https://neo4j.com/docs/operations-manual/current/tutorial/neo4j-admin-import/):
// a node file has an `:ID` column (`name:ID` also stores it as property `name`) and an
// optional `:LABEL` column whose labels are split on the array delimiter
// (`Movie;Sequel`); a relationship file has `:START_ID`, `:END_ID` and `:TYPE`; other
// columns are properties, typed by a suffix (`year:int`; int, long, float, double,
// boolean, …, string by default) and arrays by `[]` (`string[]`), their items split on
// --array-delimiter, `;` unless told otherwise; fields are quoted with `"`, a quote in one doubled.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { findExportFormat } from '../../../server/export';
import { NEO4J_ARRAY_DELIMITER, NODES_HEADER, RELATIONSHIPS_HEADER } from '../../../server/export/neo4jAdmin';
import { tarHeader } from '../../../server/export/tarStream';
import { openGraph } from '../../../server/graph/openGraph';
import { nastyEdges, nastyGraph } from '../../fixtures/export/nastyGraph';

const seedDir = path.join(__dirname, '..', '..', '..', 'graph-data');

/** The export unpacked by GNU tar: the file names it lists, and the files' text. */
function unpack(tar: string): { names: string[]; files: Record<string, string> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimgraph-neo4j-'));
  try {
    const archive = path.join(dir, 'export.tar');
    fs.writeFileSync(archive, tar);
    const names = execFileSync('tar', ['-tf', archive], { encoding: 'utf8' }).trim().split('\n');
    execFileSync('tar', ['-xf', archive, '-C', dir]);
    const read = (name: string) => fs.readFileSync(path.join(dir, 'claimgraph-neo4j', name), 'utf8');
    return { names, files: { nodes: read('nodes.csv'), relationships: read('relationships.csv') } };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const rows = (text: string): string[][] => parse(text, { relax_quotes: false });

describe('neo4j-admin export', () => {
  const { names, files } = unpack(findExportFormat('neo4j-admin')!.render(nastyGraph()));
  const nodes = rows(files.nodes);
  const relationships = rows(files.relationships);

  it('is a tar of claimgraph-neo4j/nodes.csv and claimgraph-neo4j/relationships.csv', () => {
    expect(names).toEqual(['claimgraph-neo4j/', 'claimgraph-neo4j/nodes.csv', 'claimgraph-neo4j/relationships.csv']);
  });

  it('heads the node file with :ID, :LABEL and typed properties', () => {
    expect(NEO4J_ARRAY_DELIMITER).toBe(';');
    expect(files.nodes.split('\n')[0]).toBe(NODES_HEADER);
    expect(NODES_HEADER).toBe(
      'id:ID,:LABEL,name,type,aliases:string[],description,kind,countryCode,attributes,color,degree:int,size:double,x:double,y:double',
    );
  });

  it('heads the relationship file with :START_ID, :END_ID, :TYPE and typed properties', () => {
    expect(files.relationships.split('\n')[0]).toBe(RELATIONSHIPS_HEADER);
    expect(RELATIONSHIPS_HEADER).toBe(
      ':START_ID,:END_ID,:TYPE,key,type,label,typeLabel,status,directed:boolean,claimCount:int,weight:double,firstDate,lastDate,documents:string[],claimIds:string[],stances:string[],quotes:string[],claims,color,size:double',
    );
  });

  it('writes one row per entity, labels and arrays joined by the array delimiter, empty fields for no property', () => {
    expect(nodes.map((row) => row[0])).toEqual(['id:ID', 'acme', 'alice', 'bob', 'widget']);
    const alice = nodes.find((row) => row[0] === 'alice')!;
    expect(alice).toEqual([
      'alice',
      'Entity;Person',
      `Alice "Al" O'Neil`,
      'person',
      'Al\\Ice;line one\nline two',
      '<script>alert("x")</script> & more',
      '',
      '',
      '',
      '#4e79a7',
      '3',
      '6.81',
      '1.5',
      '-2.25',
    ]);
    // A spreadsheet's formula guard would change the data: Neo4j gets the text as it is.
    expect(nodes.find((row) => row[0] === 'bob')![2]).toBe('=HYPERLINK("http://evil.example")');
    expect(files.nodes).toContain('"Alice ""Al"" O\'Neil"');
  });

  it('writes one row per relationship with its evidence: lists parallel to claimIds, claims as JSON', () => {
    expect(relationships.map((row) => row.slice(0, 4))).toEqual([
      [':START_ID', ':END_ID', ':TYPE', 'key'],
      ['acme', 'alice', 'FUNDED', 'acme|funded|alice'],
      ['acme', 'widget', 'OPERATES', 'acme|operates|widget'],
      ['acme', 'alice', 'SUPPORTED', 'acme|supported|alice'],
      ['alice', 'bob', 'IN_CONTACT_WITH', 'alice|in_contact_with|bob'],
    ]);
    const header = relationships[0];
    const contact = Object.fromEntries(relationships[4].map((value, i) => [header[i], value]));
    expect(contact).toMatchObject({
      status: 'disputed',
      'directed:boolean': 'false',
      'claimCount:int': '2',
      'weight:double': '2',
      'claimIds:string[]': 'c1;c2',
      'stances:string[]': 'alleges;denies',
      'documents:string[]': 'doc-1',
    });
    // A quote holding the delimiter comes apart in the quotes list; the claims JSON keeps every quote whole.
    expect(contact['quotes:string[]']).toBe(nastyEdges[0].attributes.claims.map((c) => c.quote).join(';'));
    expect(JSON.parse(contact.claims)).toEqual(nastyEdges[0].attributes.claims);
  });

  it('gives the seed dataset 15 nodes and 19 relationships', () => {
    const seed = unpack(findExportFormat('neo4j-admin')!.render(openGraph(seedDir).graph));
    expect([rows(seed.files.nodes).length, rows(seed.files.relationships).length]).toEqual([16, 20]);
  });
});

describe('tarHeader', () => {
  it('writes a ustar block with its checksum', () => {
    const header = tarHeader('dir/file.csv', 1234, 'file');
    expect(header).toHaveLength(512);
    const bytes = Buffer.from(header, 'latin1');
    const stated = parseInt(bytes.subarray(148, 154).toString('latin1'), 8);
    bytes.fill(' ', 148, 156);
    expect(stated).toBe(bytes.reduce((sum, byte) => sum + byte, 0));
    expect(header.slice(124, 135)).toBe((1234).toString(8).padStart(11, '0'));
    expect(header.slice(257, 265)).toBe('ustar\u000000');
  });

  it('refuses a name that does not fit', () => {
    expect(() => tarHeader(`${'x'.repeat(101)}`, 0, 'file')).toThrow(/does not fit a field of 100 bytes/);
    expect(() => tarHeader('café.csv', 0, 'file')).toThrow('tar: the name "café.csv" is not printable ASCII');
  });
});
