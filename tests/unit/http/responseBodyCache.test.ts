// The cache of rendered answers: bounded by bytes, least recently used out first, gzip
// made once on demand.
import zlib from 'node:zlib';
import { ResponseBodyCache } from '../../../server/http/responseBodyCache';

const bytes = (n: number, fill = 'a') => Buffer.from(fill.repeat(n));

describe('ResponseBodyCache', () => {
  it('returns what was put, by key', () => {
    const cache = new ResponseBodyCache(1000);
    cache.put('k1', bytes(10));
    expect(cache.get('k1')?.json.toString()).toBe('a'.repeat(10));
    expect(cache.get('k2')).toBeUndefined();
    expect([cache.size, cache.bytes]).toEqual([1, 10]);
  });

  it('evicts the least recently used entries past its bound', () => {
    const cache = new ResponseBodyCache(1000);
    cache.put('a', bytes(200));
    cache.put('b', bytes(200));
    cache.put('c', bytes(200));
    cache.get('a'); // a is now the most recently used
    cache.put('d', bytes(200));
    cache.put('e', bytes(200)); // 1000 bytes: still fits
    cache.put('f', bytes(200)); // over: b goes first
    expect(['a', 'b', 'c', 'd', 'e', 'f'].filter((k) => cache.get(k) !== undefined)).toEqual(['a', 'c', 'd', 'e', 'f']);
    expect(cache.bytes).toBe(1000);
  });

  it('does not keep a body larger than a quarter of its bound, but still hands it back', () => {
    const cache = new ResponseBodyCache(1000);
    const entry = cache.put('big', bytes(300));
    expect(entry.json.length).toBe(300);
    expect(cache.get('big')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('compresses once and counts the gzip bytes', () => {
    const cache = new ResponseBodyCache(100_000);
    const entry = cache.put('k', bytes(5000, 'xy'));
    const gzip = cache.gzipOf('k', entry);
    expect(zlib.gunzipSync(gzip).toString()).toBe('xy'.repeat(5000));
    expect(cache.gzipOf('k', entry)).toBe(gzip);
    expect(cache.bytes).toBe(10_000 + gzip.length);
  });

  it('replacing a key does not count it twice', () => {
    const cache = new ResponseBodyCache(1000);
    cache.put('k', bytes(100));
    cache.put('k', bytes(50));
    expect([cache.size, cache.bytes]).toEqual([1, 50]);
  });
});
