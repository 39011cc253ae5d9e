// Rendered bodies of cacheable GET answers, keyed by their ETag (dataset version + URL),
// kept as JSON bytes and, once asked for, gzip bytes. Serialising and compressing the
// same answer again for every request was most of the server's time under load; a body
// depends only on the version and the URL, so it is rendered once. Bounded by bytes,
// least recently used first out; entries of older versions simply age out.
import zlib from 'node:zlib';

export interface CachedBody {
  json: Buffer;
  gzip?: Buffer;
}

/** Bodies smaller than this are sent as they are: gzip would save little. */
export const GZIP_MIN_BYTES = 1024;

export class ResponseBodyCache {
  readonly #maxBytes: number;
  readonly #entries = new Map<string, CachedBody>();
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(key: string): CachedBody | undefined {
    const entry = this.#entries.get(key);
    if (entry) {
      // Move to the end: most recently used.
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  /** Caches `json` under `key` (when it fits at all) and returns the entry. */
  put(key: string, json: Buffer): CachedBody {
    const entry: CachedBody = { json };
    if (json.length > this.#maxBytes / 4) return entry;
    this.#remove(key);
    this.#entries.set(key, entry);
    this.#bytes += json.length;
    this.#evict();
    return entry;
  }

  /** The entry's gzip bytes, compressed on first use and counted against the bound. */
  gzipOf(key: string, entry: CachedBody): Buffer {
    if (!entry.gzip) {
      entry.gzip = zlib.gzipSync(entry.json);
      if (this.#entries.get(key) === entry) {
        this.#bytes += entry.gzip.length;
        this.#evict();
      }
    }
    return entry.gzip;
  }

  #remove(key: string): void {
    const old = this.#entries.get(key);
    if (!old) return;
    this.#entries.delete(key);
    this.#bytes -= old.json.length + (old.gzip?.length ?? 0);
  }

  #evict(): void {
    for (const key of this.#entries.keys()) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#remove(key);
    }
  }
}
