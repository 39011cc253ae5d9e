// Cypher export: a script for cypher-shell. Checked against a golden file for the nasty
// fixture, by a small syntax checker (cypherSyntax.ts, itself tested here), and by
// reading the string literals back: the claims JSON decodes to the claims we wrote.
// To regenerate the golden file after a deliberate change: UPDATE_GOLDEN=1 npx jest tests/unit/export/cypher.test.ts
import fs from 'node:fs';
import path from 'node:path';
import { cypherNumber, cypherString, exportCypher, nodeLabel, relationshipType } from '../../../server/export/cypher';
import { openGraph } from '../../../server/graph/openGraph';
import { nastyEdges, nastyGraph } from '../../fixtures/export/nastyGraph';
import { checkCypherScript, stringValuesOf, type CypherToken } from './cypherSyntax';

const goldenFile = path.join(__dirname, '..', '..', 'fixtures', 'export', 'nasty.cypher');
const seedDir = path.join(__dirname, '..', '..', '..', 'graph-data');

const labelsOf = (statement: CypherToken[]) => statement.filter((t) => t.kind === 'label').map((t) => t.value);

describe('cypher literals', () => {
  it('escapes backslashes, quotes, line breaks, controls and U+2028; keeps other Unicode', () => {
    expect(cypherString(`a'b"c\\d\ne\r\tf\u0007g\u2028h🚀Боб`)).toBe(`'a\\'b"c\\\\d\\ne\\r\\tf\\u0007g\\u2028h🚀Боб'`);
  });

  it('replaces lone surrogates, which Neo4j cannot store, by U+FFFD', () => {
    expect(cypherString('x\ud800y\udc00z')).toBe("'x\ufffdy\ufffdz'");
  });

  it('writes exponents without "+" and refuses non-finite numbers', () => {
    expect(cypherNumber(1e21)).toBe('1e21');
    expect(cypherNumber(-2.5e-7)).toBe('-2.5e-7');
    expect(() => cypherNumber(Number.NaN)).toThrow('cypher export: cannot write the number NaN');
  });

  it('derives labels and relationship types that need no backticks', () => {
    expect(nodeLabel('person')).toBe('Person');
    expect(nodeLabel('sanctions-list entry')).toBe('SanctionsListEntry');
    expect(nodeLabel('3d`printer')).toBe('Type3dPrinter');
    expect(relationshipType('in_contact_with')).toBe('IN_CONTACT_WITH');
    expect(relationshipType('owns-part of`x')).toBe('OWNS_PART_OF_X');
    expect(relationshipType('2nd')).toBe('REL_2ND');
  });
});

describe('exportCypher', () => {
  const script = exportCypher(nastyGraph());

  it('matches the golden file', () => {
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(goldenFile, script);
    expect(script).toBe(fs.readFileSync(goldenFile, 'utf8'));
  });

  it('does not depend on insertion order', () => {
    expect(exportCypher(nastyGraph('reversed'))).toBe(script);
  });

  it('passes the syntax check: a constraint, one MERGE batch per label and per relationship type', () => {
    const statements = checkCypherScript(script);
    expect(statements).toHaveLength(8);
    expect(statements.map(labelsOf)).toEqual([
      ['Entity'],
      ['Entity', 'Organization'],
      ['Entity', 'Person'],
      ['Entity', 'Service'],
      ['Entity', 'Entity', 'FUNDED'],
      ['Entity', 'Entity', 'IN_CONTACT_WITH'],
      ['Entity', 'Entity', 'OPERATES'],
      ['Entity', 'Entity', 'SUPPORTED'],
    ]);
  });

  it('reads back every claim, quote and nasty name exactly', () => {
    const statements = checkCypherScript(script);
    const claims = statements.flatMap((s) => stringValuesOf(s, 'claims')).map((json) => JSON.parse(json));
    expect(claims).toEqual(
      ['acme|funded|alice', 'alice|in_contact_with|bob', 'acme|operates|widget', 'acme|supported|alice'].map(
        (key) => nastyEdges.find((e) => e.key === key)!.attributes.claims,
      ),
    );
    expect(statements.flatMap((s) => stringValuesOf(s, 'name'))).toEqual([
      'Acme, Corp.',
      `Alice "Al" O'Neil`,
      '=HYPERLINK("http://evil.example")',
      '-Widget',
    ]);
    expect(statements.flatMap((s) => stringValuesOf(s, 'description'))).toEqual([
      '<script>alert("x")</script> & more',
      'tab\there\r\nCRLF',
      'bell\u0007 and line\u2028separator',
    ]);
    expect(script).toContain(
      `quotes: ['Alice "Al" O\\'Neil reportedly met \\\\Bob\\\\ in Paris;\\nsee <script>alert(1)</script>', '=SUM(A1:A9) denied, he said']`,
    );
    // A claim citing a record has no quote: '' keeps quotes parallel to claimIds.
    expect(script).toContain(`claimIds: ['r7'], stances: ['asserts'], quotes: ['']`);
  });

  it('passes the syntax check on the seed dataset, keeping all its claims', () => {
    const { graph } = openGraph(seedDir);
    const statements = checkCypherScript(exportCypher(graph));
    const claims = statements.flatMap((s) => stringValuesOf(s, 'claims')).flatMap((json) => JSON.parse(json));
    expect(claims).toHaveLength(23);
    expect(new Set(statements.flatMap(labelsOf))).toEqual(
      new Set([
        'Entity',
        'Country',
        'Organization',
        'Person',
        'Service',
        'ACTED_ON_BEHALF_OF',
        'ATTACKED',
        'CRITICIZED',
        'HOLDS_POSITION',
        'IN_CONTACT_WITH',
        'LINKED_TO',
        'OWNS',
        'PART_OF',
        'PROVIDED_ACCESS',
        'REQUESTED',
        'RESTRICTED_ACCESS',
        'SUPPORTED',
        'USED',
      ]),
    );
  });
});

describe('checkCypherScript', () => {
  it('rejects what cypher-shell would choke on, naming the line', () => {
    expect(() => checkCypherScript("RETURN 'open;\n")).toThrow('line 1: line break inside a string');
    expect(() => checkCypherScript("RETURN 'open")).toThrow('line 1: unterminated string');
    expect(() => checkCypherScript("RETURN 'a\\qb';")).toThrow('line 1: invalid escape "\\q"');
    expect(() => checkCypherScript("RETURN '\\u12';")).toThrow('line 1: invalid \\u escape "\\u12\';"');
    expect(() => checkCypherScript('RETURN 1;\nRETURN 2')).toThrow("line 2: the last statement does not end with ';'");
    expect(() => checkCypherScript('RETURN [1, 2;\n')).toThrow('line 1: ";" inside an open "["');
    expect(() => checkCypherScript('RETURN (1];')).toThrow('line 1: "]" does not close "("');
    expect(() => checkCypherScript('RETURN {a: 1;')).toThrow('line 1: ";" inside an open "{"');
    expect(() => checkCypherScript('MERGE (n:Bad-Label);')).toThrow('line 1: unsafe label or type "Bad-Label"');
    expect(() => checkCypherScript('MERGE (n:`x`);')).toThrow('line 1: unsafe label or type "`x`"');
    expect(() => checkCypherScript('MATCH (n) RETURN n.`x`;')).toThrow(
      'line 1: unexpected character "`" outside a string',
    );
    expect(() => checkCypherScript('RETURN 1e+21;')).toThrow('line 1: malformed number "1e"');
  });

  it('accepts comments, both quote styles and every escape', () => {
    expect(checkCypherScript(`// note ; ' "\nRETURN 'a\\'b', "c\\"d", '\\\\\\n\\u00e9';\n`)).toEqual([
      [
        { kind: 'word', value: 'RETURN' },
        { kind: 'string', value: "a'b" },
        { kind: 'punctuation', value: ',' },
        { kind: 'string', value: 'c"d' },
        { kind: 'punctuation', value: ',' },
        { kind: 'string', value: '\\\né' },
      ],
    ]);
  });
});
