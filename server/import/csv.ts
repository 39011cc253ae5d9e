// CSV → SourceGraphs: an optional nodes file (one row per node) and an edges file (one
// row per edge). Column names come from flags; without a nodes file, nodes are made from
// the edges' ends, typed from a column when one is named. Values stay strings: ids such
// as Facebook page ids exceed Number.MAX_SAFE_INTEGER.
import { parse, CsvError } from 'csv-parse/sync';
import { isValidIsoPrefix } from '../model/dates';
import { detectDelimiter } from './csvDelimiter';
import { ImportError } from './importError';
import type { SourceEdge, SourceGraph, SourceNode } from './types';

export interface CsvColumns {
  /** Nodes file: the id, label and type columns (defaults id, label, type). */
  idCol?: string;
  labelCol?: string;
  typeCol?: string;
  /** Edges file: the source, target and type columns (defaults source, target, type). */
  sourceCol?: string;
  targetCol?: string;
  edgeTypeCol?: string;
  /** Edges file without a nodes file: columns typing the source and target nodes. */
  sourceTypeCol?: string;
  targetTypeCol?: string;
  /** Edges file: the column with each edge's date (YYYY, YYYY-MM or YYYY-MM-DD). */
  dateCol?: string;
  /** The field separator; found from each file's header line when not given (csvDelimiter.ts). */
  delimiter?: string;
}

export interface CsvInput {
  file: string;
  text: string;
}

/** The attribute nodes made from edge ends carry their type in. */
export const EDGE_END_TYPE_ATTRIBUTE = 'type';

interface Row {
  line: number;
  values: Record<string, string>;
}

function readRows(file: string, text: string, required: Array<[string, string]>, given?: string): Row[] {
  const delimiter = given ?? detectDelimiter(text);
  let parsed: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    parsed = parse(text, {
      columns: true,
      info: true,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      delimiter,
    }) as typeof parsed;
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw new ImportError({ file, line }, `malformed CSV: ${error.message}`);
    }
    throw error;
  }
  const header =
    parsed.length > 0
      ? Object.keys(parsed[0].record)
      : (text.split(/\r?\n/, 1)[0] ?? '').split(delimiter).map((c) => c.trim().replace(/^"|"$/g, ''));
  for (const [column, flag] of required) {
    if (!header.includes(column))
      throw new ImportError(
        { file, line: 1 },
        `no column "${column}" (${flag}); the columns are: ${header.join(', ')}`,
      );
  }
  // csv-parse's trim leaves spaces inside quotes ("CDU "); a key with a stray space is the same key.
  return parsed.map(({ record, info }) => ({
    line: info.lines,
    values: Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v.trim()])),
  }));
}

/** An empty cell says nothing; it is not kept as an attribute. */
function withoutEmpty(values: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== ''));
}

function readNodes(input: CsvInput, columns: CsvColumns): SourceGraph {
  const idCol = columns.idCol ?? 'id';
  const labelCol = columns.labelCol;
  const typeCol = columns.typeCol;
  const required: Array<[string, string]> = [[idCol, '--id-col']];
  if (labelCol) required.push([labelCol, '--label-col']);
  if (typeCol) required.push([typeCol, '--type-col']);
  const rows = readRows(input.file, input.text, required, columns.delimiter);
  const lines = new Map<string, number>();
  const nodes: SourceNode[] = rows.map(({ line, values }) => {
    const key = values[idCol];
    if (!key) throw new ImportError({ file: input.file, line }, `the node has an empty "${idCol}"`);
    if (lines.has(key))
      throw new ImportError(
        { file: input.file, line, record: key },
        `duplicate node id (first at line ${lines.get(key)})`,
      );
    lines.set(key, line);
    const { [idCol]: _id, ...attributes } = withoutEmpty(values);
    if (labelCol && labelCol !== 'label') {
      delete attributes[labelCol];
      attributes.label = values[labelCol];
    }
    return { key, attributes, line };
  });
  return { file: input.file, nodes, edges: [] };
}

function readEdges(input: CsvInput, columns: CsvColumns, makeNodes: boolean): SourceGraph {
  const sourceCol = columns.sourceCol ?? 'source';
  const targetCol = columns.targetCol ?? 'target';
  const required: Array<[string, string]> = [
    [sourceCol, '--source-col'],
    [targetCol, '--target-col'],
  ];
  if (columns.edgeTypeCol) required.push([columns.edgeTypeCol, '--edge-type-col']);
  if (columns.dateCol) required.push([columns.dateCol, '--date-col']);
  if (columns.sourceTypeCol) required.push([columns.sourceTypeCol, '--source-type-col']);
  if (columns.targetTypeCol) required.push([columns.targetTypeCol, '--target-type-col']);
  const rows = readRows(input.file, input.text, required, columns.delimiter);
  const nodes = new Map<string, SourceNode>();
  const edges: SourceEdge[] = rows.map(({ line, values }) => {
    const at = { file: input.file, line, record: `line ${line}` };
    const source = values[sourceCol];
    const target = values[targetCol];
    if (!source) throw new ImportError(at, `the edge has an empty "${sourceCol}"`);
    if (!target) throw new ImportError(at, `the edge has an empty "${targetCol}"`);
    const attributes: Record<string, string> = withoutEmpty(values);
    for (const used of [sourceCol, targetCol, columns.sourceTypeCol, columns.targetTypeCol, columns.dateCol])
      if (used) delete attributes[used];
    const edge: SourceEdge = { source, target, directed: true, attributes, record: `line ${line}`, line };
    if (columns.dateCol && values[columns.dateCol]) {
      const date = values[columns.dateCol];
      if (!isValidIsoPrefix(date))
        throw new ImportError(at, `"${columns.dateCol}" is "${date}", expected a date as YYYY, YYYY-MM or YYYY-MM-DD`);
      edge.date = date;
    }
    if (makeNodes) {
      for (const [key, typeCol] of [
        [source, columns.sourceTypeCol],
        [target, columns.targetTypeCol],
      ] as const) {
        if (nodes.has(key)) continue;
        const node: SourceNode = { key, attributes: { label: key }, line };
        if (typeCol && values[typeCol]) node.attributes[EDGE_END_TYPE_ATTRIBUTE] = values[typeCol];
        nodes.set(key, node);
      }
    }
    return edge;
  });
  return { file: input.file, nodes: [...nodes.values()], edges };
}

/** One file: an edge list. Two files: nodes, then edges. */
export function readCsv(inputs: CsvInput[], columns: CsvColumns): SourceGraph[] {
  if (inputs.length === 1) return [readEdges(inputs[0], columns, true)];
  if (inputs.length === 2) return [readNodes(inputs[0], columns), readEdges(inputs[1], columns, false)];
  throw new ImportError(
    { file: inputs.map((i) => i.file).join(', ') },
    `csv takes one file (edges) or two (nodes, then edges), not ${inputs.length}`,
  );
}
