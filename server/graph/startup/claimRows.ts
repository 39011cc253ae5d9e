// The start-up cache's claims as rows rather than objects: each claim is
// [shape, value, value…], its values in its own key order, its shape (the list of its
// keys) kept once in a table, and its entity, edge type, stance and document as their
// positions in the dataset's entities, the vocabulary's edge types and stances and the
// dataset's documents. Parsing a million such rows makes numbers, not a million copies of
// each id string, and nothing has to look the ids up again to share them. A quote that is
// its document's text at its offsets (nearly all) is left out and sliced from that text,
// which is in memory anyway: a tenth of the bytes of the file not parsed. Each shape's
// claim and the relation's copy of it (toEdgeClaim's, with its document's title and
// date) are then made by one function compiled for that shape, so both come out with
// exactly the loader's and toEdgeClaim's keys in their order, without testing field by
// field a million times.
import type { ResolvedClaim } from '../../model/dataset';
import { EDGE_CLAIM_KEYS, type EdgeClaim } from '../../model/graph';
import type { DocumentRecord } from '../../model/records';
import { CorruptCacheError } from './cacheFile';

/** The tables a row's positions point into. */
export interface RowTables {
  entities: readonly string[];
  edgeTypes: readonly string[];
  stances: readonly string[];
  documents: readonly DocumentRecord[];
}

/** Where a claim's references are looked up, by key. */
const REFERENCE: Record<string, 'entities' | 'edgeTypes' | 'stances' | 'documents'> = {
  subject: 'entities',
  object: 'entities',
  type: 'edgeTypes',
  stance: 'stances',
  document: 'documents',
};

/** toEdgeClaim's keys a claim carries itself: the document's title and date are made after `document`. */
const EDGE_CLAIM_OWN_KEYS = EDGE_CLAIM_KEYS.filter((key) => key !== 'documentTitle' && key !== 'documentDate');

const REQUIRED = ['id', 'subject', 'object', 'type', 'stance'];

/** Writes claims as rows, gathering their shapes into `shapes`. */
export class ClaimRowWriter {
  readonly shapes: string[][] = [];
  private readonly shapeIndex = new Map<string, number>();
  private readonly positions: Record<'entities' | 'edgeTypes' | 'stances' | 'documents', Map<string, number>>;
  private readonly texts: Map<string, string>;

  constructor(tables: {
    entities: Iterable<string>;
    edgeTypes: Iterable<string>;
    stances: Iterable<string>;
    documents: Iterable<Pick<DocumentRecord, 'id' | 'text'>>;
  }) {
    const documents = [...tables.documents];
    const positionsOf = (ids: Iterable<string>) => new Map([...ids].map((id, position) => [id, position]));
    this.positions = {
      entities: positionsOf(tables.entities),
      edgeTypes: positionsOf(tables.edgeTypes),
      stances: positionsOf(tables.stances),
      documents: positionsOf(documents.map((document) => document.id)),
    };
    this.texts = new Map(documents.map((document) => [document.id, document.text]));
  }

  /** The shape of `claim`, added to the table when new: all are known before the first row is written. */
  shapeOf(claim: ResolvedClaim): { keys: string[]; shape: number } {
    // Keys whose value is undefined are left out, as JSON leaves them out of an object.
    const record = claim as unknown as Record<string, unknown>;
    const keys = Object.keys(record).filter((key) => record[key] !== undefined);
    const name = keys.join('\0');
    let shape = this.shapeIndex.get(name);
    if (shape === undefined) {
      shape = this.shapes.length;
      this.shapes.push(keys);
      this.shapeIndex.set(name, shape);
    }
    return { keys, shape };
  }

  row(claim: ResolvedClaim): unknown[] {
    const record = claim as unknown as Record<string, unknown>;
    const { keys, shape } = this.shapeOf(claim);
    const row: unknown[] = [shape];
    for (const key of keys) {
      const table = REFERENCE[key];
      if (key === 'quote' && this.quoteInText(claim)) row.push(null);
      else if (table === undefined) row.push(record[key]);
      else {
        const position = this.positions[table].get(record[key] as string);
        // A claim naming what the dataset does not hold: no cache rather than a wrong one.
        if (position === undefined) throw new Error(`claim "${claim.id}" names an unknown ${key}`);
        row.push(position);
      }
    }
    return row;
  }

  /** Whether the quote is its document's text at its offsets: then the row leaves it out, and the reader takes it from there. */
  private quoteInText(claim: ResolvedClaim): boolean {
    const text = claim.document === undefined ? undefined : this.texts.get(claim.document);
    return (
      text !== undefined &&
      claim.quoteStart !== undefined &&
      claim.quoteEnd !== undefined &&
      text.slice(claim.quoteStart, claim.quoteEnd) === claim.quote
    );
  }
}

/** Makes a row's claim and its relation's copy, appending them to `claims` and `edgeClaims`. */
type RowReader = (row: unknown[], tables: RowTables, claims: ResolvedClaim[], edgeClaims: EdgeClaim[]) => void;

/** The reader compiled for one shape. Keys only ever appear as JSON string literals in its source. */
function compileShape(shape: unknown): RowReader {
  if (!Array.isArray(shape) || !shape.every((key) => typeof key === 'string') || new Set(shape).size !== shape.length)
    throw new CorruptCacheError('its claims are not claims');
  const keys = shape as string[];
  if (REQUIRED.some((key) => !keys.includes(key))) throw new CorruptCacheError('its claims are not claims');
  const at = (key: string): string => `row[${keys.indexOf(key) + 1}]`;
  /** What a key's row value stands for: the value itself, or what its position points to. */
  const target = (key: string): string => {
    const table = REFERENCE[key];
    return table === undefined ? at(key) : `tables.${table}[${at(key)}]`;
  };
  // A quote left out (null) is its document's text between its offsets: a slice of a
  // string already in memory instead of a copy parsed from the file.
  const quote =
    keys.includes('document') && keys.includes('quoteStart') && keys.includes('quoteEnd')
      ? `(${at('quote')} === null ? ${target('document')}.text.slice(${at('quoteStart')}, ${at('quoteEnd')}) : ${at('quote')})`
      : at('quote');
  const claim = keys.map(
    (key) => `${JSON.stringify(key)}: ${key === 'quote' ? quote : target(key)}${key === 'document' ? '.id' : ''}`,
  );
  const edge: string[] = [];
  for (const key of EDGE_CLAIM_OWN_KEYS) {
    if (!keys.includes(key)) continue;
    edge.push(`${JSON.stringify(key)}: claim[${JSON.stringify(key)}]`);
    if (key === 'document')
      edge.push(`documentTitle: ${target('document')}.title`, `documentDate: ${target('document')}.date`);
  }
  const checks = keys
    .filter((key) => REFERENCE[key] !== undefined)
    .map(
      (key) =>
        `if (typeof ${target(key)} !== '${key === 'document' ? 'object' : 'string'}') throw new Corrupt('its claims name records it does not hold');`,
    );
  const source = [
    'return function readRow(row, tables, claims, edgeClaims) {',
    `if (row.length !== ${keys.length + 1}) throw new Corrupt('its claims are not claims');`,
    ...checks,
    `const claim = { ${claim.join(', ')} };`,
    'claims.push(claim);',
    `edgeClaims.push({ ${edge.join(', ')} });`,
    '};',
  ].join('\n');
  // Compiled from the shape's keys as JSON string literals only: nothing of the file becomes code.
  return new Function('Corrupt', source)(CorruptCacheError) as RowReader;
}

/** Reads rows written by ClaimRowWriter with these shapes. */
export class ClaimRowReader {
  private readonly readers: RowReader[];
  readonly claims: ResolvedClaim[] = [];
  /** The relations' copies of the claims, position for position. */
  readonly edgeClaims: EdgeClaim[] = [];

  constructor(
    shapes: unknown,
    private readonly tables: RowTables,
  ) {
    if (!Array.isArray(shapes)) throw new CorruptCacheError('its claims are not claims');
    this.readers = shapes.map(compileShape);
  }

  read(rows: unknown): void {
    if (!Array.isArray(rows)) throw new CorruptCacheError('its claims are not claims');
    for (const row of rows as unknown[][]) {
      const reader = Array.isArray(row) && typeof row[0] === 'number' ? this.readers[row[0]] : undefined;
      if (reader === undefined) throw new CorruptCacheError('its claims are not claims');
      reader(row, this.tables, this.claims, this.edgeClaims);
    }
  }
}
