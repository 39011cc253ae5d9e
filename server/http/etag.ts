// ETags of API responses: a response is a function of the dataset version and the
// request URL (path and query), so their hash identifies it without rendering it. Weak,
// because compression may change the bytes but not the meaning.
import { createHash } from 'node:crypto';

export function etagFor(version: string, url: string): string {
  return `W/"${createHash('sha256').update(version).update('\n').update(url).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header value lists `etag` (weak comparison, as RFC 9110 asks for GET). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}
