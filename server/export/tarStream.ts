// A tar archive (POSIX ustar) streamed as text chunks, so that an export of several files
// is still one download that streams like the others. A tar header states its file's
// size before the file, so each file's chunks are made twice: once to count its UTF-8
// bytes, once to write them (the second count must agree, or the export stops rather
// than write a broken archive). The files' makers must give the same text both times.
// Every header is ASCII and NULs, one byte per character, so the archive stays text.
import { STEP } from '../steps';

export interface TarFile {
  /** Path inside the archive, ASCII, at most 100 bytes. */
  name: string;
  chunks: () => Iterable<string>;
}

const BLOCK = 512;
/** The most bytes ustar's 11 octal digits can state (8 GiB − 1). */
const MAX_SIZE = 0o77777777777;

/** Chunks counted between two steps of the counting pass, which writes nothing. */
const CHUNKS_PER_STEP = 256;

function field(value: string, length: number): string {
  if (value.length > length) throw new Error(`tar: "${value}" does not fit a field of ${length} bytes`);
  return value + '\0'.repeat(length - value.length);
}

const octal = (value: number, digits: number) => value.toString(8).padStart(digits, '0');

/** A ustar header block; mtime 0, owner root: the same graph gives the same bytes. */
export function tarHeader(name: string, size: number, type: 'file' | 'directory'): string {
  if (!/^[\x20-\x7e]+$/.test(name)) throw new Error(`tar: the name "${name}" is not printable ASCII`);
  if (size > MAX_SIZE) throw new Error(`tar: a file of ${size} bytes is larger than ustar can state`);
  const before =
    field(name, 100) +
    field(type === 'file' ? '0000644' : '0000755', 8) +
    field('0000000', 8) +
    field('0000000', 8) +
    field(octal(size, 11), 12) +
    field(octal(0, 11), 12);
  const after =
    (type === 'file' ? '0' : '5') +
    field('', 100) +
    'ustar\0' +
    '00' +
    field('root', 32) +
    field('root', 32) +
    field('0000000', 8) +
    field('0000000', 8) +
    field('', 155) +
    field('', 12);
  // The checksum is the sum of the header's bytes, its own field counted as eight spaces.
  let sum = 0;
  for (const part of [before, '        ', after]) for (let i = 0; i < part.length; i++) sum += part.charCodeAt(i);
  return `${before}${octal(sum, 6)}\0 ${after}`;
}

/** UTF-8 bytes of the chunks, passing their steps on. */
function* countBytes(chunks: Iterable<string>): Generator<string, number> {
  let bytes = 0;
  let counted = 0;
  for (const chunk of chunks) {
    if (chunk === STEP || ++counted % CHUNKS_PER_STEP === 0) yield STEP;
    bytes += Buffer.byteLength(chunk, 'utf8');
  }
  return bytes;
}

/** A directory entry, then each file under it, then the two empty blocks that end an archive. */
export function* tarChunks(directory: string, files: TarFile[]): Generator<string> {
  yield tarHeader(`${directory}/`, 0, 'directory');
  for (const file of files) {
    const name = `${directory}/${file.name}`;
    const size = yield* countBytes(file.chunks());
    yield tarHeader(name, size, 'file');
    let written = 0;
    for (const chunk of file.chunks()) {
      written += Buffer.byteLength(chunk, 'utf8');
      yield chunk;
    }
    if (written !== size) throw new Error(`tar: ${name} gave ${written} bytes after counting ${size}`);
    if (size % BLOCK !== 0) yield '\0'.repeat(BLOCK - (size % BLOCK));
  }
  yield '\0'.repeat(2 * BLOCK);
}
