// The import formats by name, and the one function the CLI calls: read the input files,
// parse them with the format's reader, and map them onto our records and vocabulary.
import fs from 'node:fs';
import path from 'node:path';
import { vocabularySchema, type Vocabulary } from '../model/vocabulary';
import { defaultVocabularyFile } from '../paths';
import { readCsv, EDGE_END_TYPE_ATTRIBUTE, type CsvColumns } from './csv';
import { readFtmLines, type LocatedFtmEntity } from './ftm';
import { readGexf } from './gexf';
import { readGraphml } from './graphml';
import { ImportError } from './importError';
import { readGraphJson } from './json';
import { mapFtm } from './mapFtm';
import { mapSourceGraphs } from './mapSourceGraphs';
import type { ImportedData, SourceGraph, TypeMappingOptions } from './types';

export const importFormats = ['gexf', 'graphml', 'json', 'csv', 'ftm'] as const;
export type ImportFormat = (typeof importFormats)[number];

export function isImportFormat(name: string): name is ImportFormat {
  return (importFormats as readonly string[]).includes(name);
}

export interface ImportOptions extends TypeMappingOptions, CsvColumns {}

export interface InputFile {
  /** Where it was read from. */
  path: string;
  /** Its base name: what messages and claims cite. */
  name: string;
  text: string;
}

export function readInputFiles(paths: string[]): InputFile[] {
  const names = new Map<string, string>();
  return paths.map((filePath) => {
    const name = path.basename(filePath);
    if (names.has(name)) throw new ImportError({ file: name }, `two input files have this name (${names.get(name)} and ${filePath}); claims cite files by name, so rename one`);
    names.set(name, filePath);
    let text: string;
    try {
      text = fs.readFileSync(filePath, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new ImportError({ file: filePath }, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot read it (${code ?? (error as Error).message})`);
    }
    // A byte-order mark is not part of the data (JSON.parse, for one, refuses it).
    return { path: filePath, name, text: text.replace(/^\uFEFF/, '') };
  });
}

export function defaultVocabulary(): Vocabulary {
  return vocabularySchema.parse(JSON.parse(fs.readFileSync(defaultVocabularyFile, 'utf8')));
}

export function importData(format: ImportFormat, inputs: InputFile[], options: ImportOptions = {}, baseVocabulary: Vocabulary = defaultVocabulary()): ImportedData {
  if (inputs.length === 0) throw new ImportError({ file: '(none)' }, 'no input file given');
  if (format === 'ftm') {
    const entities = new Map<string, LocatedFtmEntity>();
    for (const input of inputs) readFtmLines(input.name, input.text, entities);
    return mapFtm(entities.values(), baseVocabulary);
  }
  let graphs: SourceGraph[];
  let mapping: TypeMappingOptions = options;
  if (format === 'csv') {
    graphs = readCsv(inputs.map((i) => ({ file: i.name, text: i.text })), options);
    const edgeEndsTyped = inputs.length === 1 && (options.sourceTypeCol !== undefined || options.targetTypeCol !== undefined);
    mapping = {
      ...options,
      nodeTypeAttr: edgeEndsTyped ? EDGE_END_TYPE_ATTRIBUTE : (options.typeCol ?? options.nodeTypeAttr),
      edgeTypeAttr: options.edgeTypeCol ?? options.edgeTypeAttr,
    };
  } else {
    const read = format === 'gexf' ? readGexf : format === 'graphml' ? readGraphml : readGraphJson;
    graphs = inputs.map((input) => read(input.name, input.text));
  }
  return mapSourceGraphs(graphs, mapping, baseVocabulary);
}
