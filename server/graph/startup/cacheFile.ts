// The start-up cache's file: a header, then sections of JSON, each parsed on its own
// (one string of the whole would pass V8's 512 MiB string limit at 100k entities; and
// JSON.parse makes a million objects several times faster than v8.deserialize, measured
// at 1M claims: 19 s against about 5 s). The header, padded to HEADER_BYTES, says the
// format, the key, each section's name and byte length, and a CRC-32 of everything
// after it, so a truncated or damaged file is told from a good one before it is used.
// Written section by section, yielding to the event loop between them, into a temporary
// file renamed into place when complete; `keepGoing` may stop it between sections, and
// `confirm` at the last moment, before the rename.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const MAGIC = 'claimgraph start-up cache';
export const HEADER_BYTES = 64 * 1024;

export interface CacheHeader {
  magic: string;
  format: number;
  key: string;
  sections: Array<{ name: string; bytes: number }>;
  crc32: number;
}

/** The cache is damaged (truncated, overwritten, not ours): said once, then the folder is loaded as usual. */
export class CorruptCacheError extends Error {}

/** Reads and checks only the header: undefined when there is no file; throws CorruptCacheError when it is not one. */
export function readHeader(file: string): CacheHeader | undefined {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const buffer = Buffer.alloc(HEADER_BYTES);
    const read = fs.readSync(fd, buffer, 0, HEADER_BYTES, 0);
    if (read < HEADER_BYTES) throw new CorruptCacheError(`it is truncated (${read} bytes, shorter than its header)`);
    let header: CacheHeader;
    try {
      header = JSON.parse(buffer.toString('utf8').trimEnd()) as CacheHeader;
    } catch {
      throw new CorruptCacheError('its header is not readable');
    }
    if (header?.magic !== MAGIC || !Array.isArray(header.sections))
      throw new CorruptCacheError('its header is not readable');
    return header;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Parses the sections of a file whose header was checked, one by one, each handed to
 * `onSection` before the next is parsed (so no more than one section's JSON is held at
 * once); false when the file was replaced since; throws CorruptCacheError when the body
 * does not match the header.
 */
export function readSections(
  file: string,
  header: CacheHeader,
  onSection: (name: string, value: unknown) => void,
): boolean {
  const buffer = fs.readFileSync(file);
  // Another server on the same folder may have renamed a new cache into place since the header was read.
  if (buffer.toString('utf8', 0, HEADER_BYTES).trimEnd() !== JSON.stringify(header)) return false;
  const expected = HEADER_BYTES + header.sections.reduce((sum, section) => sum + section.bytes, 0);
  if (buffer.length !== expected)
    throw new CorruptCacheError(`it is truncated (${buffer.length} of ${expected} bytes)`);
  if (zlib.crc32(buffer.subarray(HEADER_BYTES)) !== header.crc32)
    throw new CorruptCacheError('its checksum does not match its contents');
  let offset = HEADER_BYTES;
  for (const { name, bytes } of header.sections) {
    let value: unknown;
    try {
      value = JSON.parse(buffer.toString('utf8', offset, offset + bytes));
    } catch {
      throw new CorruptCacheError(`its section "${name}" is not JSON`);
    }
    onSection(name, value);
    offset += bytes;
  }
  return true;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes `sections` (each made when its turn comes) under `key`, atomically: a temporary
 * file beside `file`, renamed over it when complete. Resolves false, leaving nothing
 * behind, when `keepGoing` says to stop between sections or `confirm` before the rename;
 * throws what the file system throws.
 */
export async function writeCacheFile(
  file: string,
  key: string,
  format: number,
  sections: Iterable<{ name: string; value: () => unknown }>,
  keepGoing: () => boolean,
  confirm: () => boolean | Promise<boolean>,
): Promise<boolean> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(temporary, 'w');
  let renamed = false;
  try {
    const written: CacheHeader['sections'] = [];
    let offset = HEADER_BYTES;
    let crc = 0;
    for (const section of sections) {
      await nextTurn();
      if (!keepGoing()) return false;
      const bytes = Buffer.from(JSON.stringify(section.value()), 'utf8');
      fs.writeSync(fd, bytes, 0, bytes.length, offset);
      crc = zlib.crc32(bytes, crc);
      offset += bytes.length;
      written.push({ name: section.name, bytes: bytes.length });
    }
    const header: CacheHeader = { magic: MAGIC, format, key, sections: written, crc32: crc };
    const text = JSON.stringify(header);
    if (Buffer.byteLength(text) >= HEADER_BYTES) return false;
    fs.writeSync(fd, Buffer.from(text.padEnd(HEADER_BYTES - 1, ' ') + '\n', 'utf8'), 0, HEADER_BYTES, 0);
    await nextTurn();
    if (!keepGoing() || !(await confirm()) || !keepGoing()) return false;
    fs.closeSync(fd);
    fs.renameSync(temporary, file);
    renamed = true;
    return true;
  } finally {
    if (!renamed) {
      try {
        fs.closeSync(fd);
      } catch {
        // closed already
      }
      fs.rmSync(temporary, { force: true });
    }
  }
}
