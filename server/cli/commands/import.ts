// `claimgraph import [--format gexf|graphml|json|csv|ftm] FILE... --out DIR` (the format
// from the files' names when not given): turns external
// data (Gephi files, spreadsheets, FollowTheMoney entities) into a data folder of ours
// that `claimgraph validate` accepts and `claimgraph serve` explores.
import path from 'node:path';
import { buildGraph } from '../../graph/buildGraph';
import {
  importData,
  importFormats,
  isImportFormat,
  isKnownEncoding,
  readInputFiles,
  type ImportOptions,
} from '../../import/importData';
import { ImportError } from '../../import/importError';
import { formatOfFiles } from '../../import/formatOfFile';
import { isLayoutMode, layoutModes } from '../../import/keptLayout';
import { OutputFolderError, writeDataFolder } from '../../import/writeDataFolder';
import { parseFlags, UsageError, type Command } from '../command';
import { exitCodeFor } from '../exitCodes';
import { formatCount, startProgress } from '../progress';

type MappingOption = Exclude<keyof ImportOptions, 'layout'>;

// Flag name → ImportOptions field. Every one is an optional string.
const mappingFlags = {
  'node-type-attr': 'nodeTypeAttr',
  'edge-type-attr': 'edgeTypeAttr',
  'default-node-type': 'defaultNodeType',
  'default-edge-type': 'defaultEdgeType',
  'id-col': 'idCol',
  'label-col': 'labelCol',
  'type-col': 'typeCol',
  'source-col': 'sourceCol',
  'target-col': 'targetCol',
  'edge-type-col': 'edgeTypeCol',
  'source-type-col': 'sourceTypeCol',
  'target-type-col': 'targetTypeCol',
  'date-col': 'dateCol',
  delimiter: 'delimiter',
} as const satisfies Record<string, MappingOption>;

const csvOnly = new Set([
  'id-col',
  'label-col',
  'type-col',
  'source-col',
  'target-col',
  'edge-type-col',
  'source-type-col',
  'target-type-col',
  'date-col',
  'delimiter',
]);

const flagOptions = Object.fromEntries(
  Object.keys(mappingFlags).map((flag) => [flag, { type: 'string' as const }]),
) as Record<keyof typeof mappingFlags, { type: 'string' }>;

/** The --delimiter value as one character: `tab` (or `\t`) for a tab. */
function csvDelimiter(text: string): string {
  if (text === 'tab' || text === '\\t' || text === '\t') return '\t';
  if (text.length !== 1 || /[\s"\w]/.test(text))
    throw new UsageError(`--delimiter expects one character such as , ; | or the word tab, not "${text}"`);
  return text;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'turn GEXF, GraphML, graph JSON, CSV or FollowTheMoney files into a data folder',
  usage: [
    `claimgraph import [--format ${importFormats.join('|')}] FILE... --out DIR [--force] [--layout ${layoutModes.join('|')}]`,
    "    the format, when not given, from the files' names: .gexf, .graphml, .csv or .tsv, .json, .ftm.json or .ijson (ftm)",
    '    [--node-type-attr NAME] [--edge-type-attr NAME] [--default-node-type TYPE] [--default-edge-type TYPE]',
    '    csv (FILE is EDGES.csv, or NODES.csv EDGES.csv): [--id-col C] [--label-col C] [--type-col C]',
    '    [--source-col C] [--target-col C] [--edge-type-col C] [--source-type-col C] [--target-type-col C] [--date-col C]',
    "    [--delimiter ','|';'|tab|'|' (default: found from the header)] [--encoding utf-8|windows-1252|… (default utf-8)]",
    '    FILE - reads standard input (give --format)',
  ].join('\n'),
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      {
        format: { type: 'string' },
        out: { type: 'string' },
        force: { type: 'boolean' },
        encoding: { type: 'string' },
        layout: { type: 'string' },
        ...flagOptions,
      },
      true,
    );
    const format = values.format ?? formatOfFiles(positionals);
    if (format === undefined)
      throw new UsageError(
        positionals.length > 0 && !positionals.some((file: string) => file === '-')
          ? `--format is required: ${positionals.join(', ')} ${positionals.length === 1 ? 'does' : 'do'} not say it by ${positionals.length === 1 ? 'its' : 'their'} name (.gexf, .graphml, .csv, .tsv, .json, .ftm.json, .ijson); one of ${importFormats.join(', ')}`
          : `--format is required (one of ${importFormats.join(', ')})`,
      );
    if (!isImportFormat(format))
      throw new UsageError(`unknown format "${format}"; expected one of ${importFormats.join(', ')}`);
    if (values.out === undefined) throw new UsageError('--out DIR is required: the data folder to create');
    if (positionals.length === 0) throw new UsageError('no input FILE given');
    const options: ImportOptions = {};
    const given: Record<string, string> = {};
    if (values.layout !== undefined) {
      if (!isLayoutMode(values.layout))
        throw new UsageError(`unknown --layout "${values.layout}"; expected ${layoutModes.join(' or ')}`);
      options.layout = values.layout;
      given.layout = values.layout;
    }
    for (const [flag, field] of Object.entries(mappingFlags) as Array<[keyof typeof mappingFlags, MappingOption]>) {
      const value = values[flag];
      if (value === undefined) continue;
      if (csvOnly.has(flag) && format !== 'csv') throw new UsageError(`--${flag} applies to --format csv only`);
      if (format === 'ftm')
        throw new UsageError(`--${flag} does not apply to --format ftm: its mapping is fixed (see README.md)`);
      options[field] = value;
      given[flag] = value;
    }
    const progress = startProgress(io.progress, 'import');
    if (values.encoding !== undefined) {
      if (format !== 'csv')
        throw new UsageError('--encoding applies to --format csv only (XML and JSON say their own)');
      if (!isKnownEncoding(values.encoding))
        throw new UsageError(
          `--encoding: unknown encoding "${values.encoding}"; use e.g. utf-8, windows-1252, iso-8859-15`,
        );
      given.encoding = values.encoding;
    }
    if (options.delimiter !== undefined) options.delimiter = csvDelimiter(options.delimiter);
    try {
      progress.update(`reading ${positionals.length === 1 ? positionals[0] : `${positionals.length} files`}`, true);
      const inputs = readInputFiles(positionals, {
        stdinName: `stdin.${format === 'ftm' ? 'ftm.json' : format}`,
        encoding: values.encoding,
      });
      const characters = inputs.reduce((sum, input) => sum + input.text.length, 0);
      progress.update(`mapping ${formatCount(characters)} characters of ${format}`, true);
      const data = importData(format, inputs, options);
      progress.update(
        `writing ${formatCount(data.entities.length)} entities and ${formatCount(data.claims.length)} claims`,
        true,
      );
      const dataset = writeDataFolder(
        values.out,
        data,
        inputs.map((input) => ({ path: input.path, name: input.name, bytes: input.stdinBytes })),
        { format, options: given, notes: data.notes },
        values.force === true,
      );
      progress.update(`building the graph of ${formatCount(dataset.entities.size)} entities`, true);
      const graph = buildGraph(dataset);
      progress.done();
      io.out(`imported ${inputs.map((i) => i.name).join(', ')} (${format}) into ${path.resolve(values.out)}`);
      io.out(`  entities  ${dataset.entities.size}`);
      io.out(`  claims    ${dataset.claims.length}`);
      io.out(`  edges     ${graph.size}`);
      for (const note of data.notes) io.err(`claimgraph import: note: ${note}`);
      return 0;
    } catch (error) {
      progress.done();
      if (error instanceof ImportError || error instanceof OutputFolderError) {
        io.err(`claimgraph import: ${error.message}; nothing was written to ${values.out}`);
        return exitCodeFor(error);
      }
      throw error;
    }
  },
};
