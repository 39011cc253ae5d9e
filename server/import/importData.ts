// The import formats by name, and the one function the CLI calls: read the input files,
// parse them with the format's reader, and map them onto our records and vocabulary.
import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { describeFileSize } from '../load/readDataFolder';
import { MAX_INPUT_FILE_BYTES } from '../model/inputLimits';
import { vocabularySchema, type Vocabulary } from '../model/vocabulary';
import { defaultVocabularyFile } from '../paths';
import { readCsv, EDGE_END_TYPE_ATTRIBUTE, type CsvColumns } from './csv';
import { readFtmLines, type LocatedFtmEntity } from './ftm';
import { readGexf } from './gexf';
import { readGraphml } from './graphml';
import { ImportError } from './importError';
import { readGraphJson } from './json';
import { keepSourcePositions, type LayoutMode } from './keptLayout';
import { mapFtm } from './mapFtm';
import { mapSourceGraphs } from './mapSourceGraphs';
import { reviewImportedText } from './textReview';
import type { ImportedData, SourceGraph, TypeMappingOptions } from './types';

export const importFormats = ['gexf', 'graphml', 'json', 'csv', 'ftm'] as const;
export type ImportFormat = (typeof importFormats)[number];

export function isImportFormat(name: string): name is ImportFormat {
  return (importFormats as readonly string[]).includes(name);
}

export interface ImportOptions extends TypeMappingOptions, CsvColumns {
  /** keep (the default): a file that places every node is drawn at its positions; recompute: ForceAtlas2 lays it out. */
  layout?: LayoutMode;
}

export interface InputFile {
  /** Where it was read from. */
  path: string;
  /** Its base name: what messages and claims cite. */
  name: string;
  text: string;
  /** The bytes read from standard input, which has no file to copy into sources/. */
  stdinBytes?: Buffer;
  /** Byte sequences that were not UTF-8: how many, and the character that stands for each in `text` until the import ends. */
  invalidUtf8?: { sequences: number; marker: string };
}

/**
 * The largest input file: it is decoded whole into one string, and V8 cannot make a string
 * of more than 2^29 - 24 characters (about 536.9 million); past that, reading would fail
 * with an error naming no file. 512 MB (decimal) stays under it.
 */
export { MAX_INPUT_FILE_BYTES };

/**
 * Bytes that are not UTF-8 are decoded as a noncharacter (U+FDD0…U+FDEF, reserved for a
 * program's internal use) that occurs in no input, instead of U+FFFD: the records made
 * from them can then be counted exactly, and the marker becomes U+FFFD when the import
 * ends (textReview.ts). A U+FFFD that the file itself holds is kept and not counted.
 */
function chooseMarker(texts: string[]): string | undefined {
  for (let code = 0xfdd0; code <= 0xfdef; code++) {
    const marker = String.fromCharCode(code);
    if (!texts.some((text) => text.includes(marker))) return marker;
  }
  return undefined;
}

const ENCODED_REPLACEMENT = Buffer.from([0xef, 0xbf, 0xbd]);

/** Decodes bytes that are not all UTF-8: U+FFFD the file holds stays, every invalid sequence becomes `marker`. */
function decodeMarkingInvalid(bytes: Buffer, marker: string): { text: string; invalid: number } {
  // An encoded U+FFFD always decodes as itself (EF starts a sequence whatever precedes it),
  // so decoding between them separately gives the same text, with every U+FFFD inside a piece an invalid sequence.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const pieces: string[] = [];
  let invalid = 0;
  for (let start = 0; ;) {
    const found = bytes.indexOf(ENCODED_REPLACEMENT, start);
    const piece = decoder.decode(bytes.subarray(start, found === -1 ? bytes.length : found));
    pieces.push(
      piece.replace(/\uFFFD/g, () => {
        invalid++;
        return marker;
      }),
    );
    if (found === -1) break;
    start = found + ENCODED_REPLACEMENT.length;
  }
  return { text: pieces.join('\uFFFD'), invalid };
}

/** The path that stands for standard input; its InputFile is named `stdinName`. */
export const STANDARD_INPUT = '-';

/** Reads `file`, or standard input for `-`, refusing one over MAX_INPUT_FILE_BYTES. */
function readBytes(filePath: string): Buffer {
  const tooLarge = (size: number) =>
    new ImportError(
      { file: filePath },
      `the file is ${describeFileSize(size)}; input files over ${MAX_INPUT_FILE_BYTES / 1_000_000} MB are refused (split it into several files: every format but csv takes several FILEs)`,
    );
  if (filePath === STANDARD_INPUT) {
    const bytes = fs.readFileSync(0);
    if (bytes.length > MAX_INPUT_FILE_BYTES) throw tooLarge(bytes.length);
    return bytes;
  }
  const size = fs.statSync(filePath).size;
  if (size > MAX_INPUT_FILE_BYTES) throw tooLarge(size);
  return fs.readFileSync(filePath);
}

export interface ReadOptions {
  /** The name standard input (`-`) is cited by. */
  stdinName?: string;
  /** The files' character encoding, a WHATWG label such as windows-1252; UTF-8 by default. */
  encoding?: string;
}

/** Whether TextDecoder knows `label` (utf-8, windows-1252, latin1, iso-8859-15, utf-16le…). */
export function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

export function readInputFiles(paths: string[], options: ReadOptions = {}): InputFile[] {
  const stdinName = options.stdinName ?? 'stdin';
  const encoding = new TextDecoder(options.encoding ?? 'utf-8').encoding;
  const names = new Map<string, string>();
  const read = paths.map((filePath) => {
    const name = filePath === STANDARD_INPUT ? stdinName : path.basename(filePath);
    if (names.has(name))
      throw new ImportError(
        { file: name },
        `two input files have this name (${names.get(name)} and ${filePath}); claims cite files by name, so rename one`,
      );
    names.set(name, filePath);
    let bytes: Buffer;
    try {
      bytes = readBytes(filePath);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new ImportError(
        { file: filePath },
        code === 'ENOENT'
          ? 'no such file; check the path'
          : code === 'EISDIR'
            ? 'is a folder, not a file; give a file inside it'
            : `cannot read it (${code ?? (error as Error).message})`,
      );
    }
    const stdinBytes = filePath === STANDARD_INPUT ? bytes : undefined;
    // In another encoding every byte sequence stands for a character of its own (windows-1252 has one for every byte).
    if (encoding !== 'utf-8')
      return { path: filePath, name, text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes), stdinBytes };
    // Only a file that is not UTF-8 keeps its bytes, to be decoded again once the marker is chosen.
    return isUtf8(bytes)
      ? { path: filePath, name, text: bytes.toString('utf8'), stdinBytes }
      : {
          path: filePath,
          name,
          text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
          bytes,
          stdinBytes,
        };
  });
  const marker = read.every((file) => file.bytes === undefined)
    ? undefined
    : (chooseMarker(read.map((file) => file.text)) ?? '\uFFFD');
  return read.map((file) => {
    const decoded =
      file.bytes === undefined ? { text: file.text, invalid: 0 } : decodeMarkingInvalid(file.bytes, marker!);
    // A byte-order mark is not part of the data (JSON.parse, for one, refuses it).
    const input: InputFile = { path: file.path, name: file.name, text: decoded.text.replace(/^\uFEFF/, '') };
    if (file.stdinBytes !== undefined) input.stdinBytes = file.stdinBytes;
    if (file.bytes !== undefined) input.invalidUtf8 = { sequences: decoded.invalid, marker: marker! };
    return input;
  });
}

export function defaultVocabulary(): Vocabulary {
  return vocabularySchema.parse(JSON.parse(fs.readFileSync(defaultVocabularyFile, 'utf8')));
}

export function importData(
  format: ImportFormat,
  inputs: InputFile[],
  options: ImportOptions = {},
  baseVocabulary: Vocabulary = defaultVocabulary(),
): ImportedData {
  if (inputs.length === 0) throw new ImportError({ file: '(none)' }, 'no input file given');
  if (format === 'ftm') {
    const entities = new Map<string, LocatedFtmEntity>();
    for (const input of inputs) readFtmLines(input.name, input.text, entities);
    return reviewImportedText(mapFtm(entities.values(), baseVocabulary), inputs);
  }
  let graphs: SourceGraph[];
  let mapping: TypeMappingOptions = options;
  if (format === 'csv') {
    graphs = readCsv(
      inputs.map((i) => ({ file: i.name, text: i.text })),
      options,
    );
    const edgeEndsTyped =
      inputs.length === 1 && (options.sourceTypeCol !== undefined || options.targetTypeCol !== undefined);
    mapping = {
      ...options,
      nodeTypeAttr: edgeEndsTyped ? EDGE_END_TYPE_ATTRIBUTE : (options.typeCol ?? options.nodeTypeAttr),
      edgeTypeAttr: options.edgeTypeCol ?? options.edgeTypeAttr,
    };
  } else {
    const read = format === 'gexf' ? readGexf : format === 'graphml' ? readGraphml : readGraphJson;
    graphs = inputs.map((input) => read(input.name, input.text));
  }
  return keepSourcePositions(
    reviewImportedText(mapSourceGraphs(graphs, mapping, baseVocabulary), inputs),
    options.layout ?? 'keep',
    inputs.map((input) => input.name),
  );
}
