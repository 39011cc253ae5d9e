// JSON with object keys sorted, so two records can be compared for equality whatever
// order their fields were written in.
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(
        Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
    return inner;
  });
}

/** canonicalJson(a) === canonicalJson(b), compared field by field (a split compares some 2,000 claims) without making either text. */
export function sameRecord(a: unknown, b: unknown): boolean {
  return sameJson(a, b, 'top') ?? canonicalJson(a) === canonicalJson(b);
}

/** What JSON leaves of a value that it does not write: nothing at the top or in an object, null in an array. */
const unwritten = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** Plain data: a finite number becomes itself, a non-finite one null, as JSON writes them. */
function normal(value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

/** A value JSON writes as its own fields: an array, or a plain object without toJSON. */
function plainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return (
    (prototype === Object.prototype || prototype === null) &&
    typeof (value as { toJSON?: unknown }).toJSON !== 'function'
  );
}

/**
 * Whether a and b write the same canonical JSON; undefined where that takes JSON.stringify
 * itself to tell (a toJSON, a class instance, a bigint).
 */
function sameJson(a: unknown, b: unknown, at: 'top' | 'array' | 'field'): boolean | undefined {
  if (unwritten(a) || unwritten(b)) {
    if (at === 'array') return sameJson(unwritten(a) ? null : a, unwritten(b) ? null : b, 'field');
    return unwritten(a) && unwritten(b) ? true : typeof a === 'object' || typeof b === 'object' ? undefined : false;
  }
  const x = normal(a);
  const y = normal(b);
  if (typeof x === 'bigint' || typeof y === 'bigint') return undefined;
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') {
    if ((typeof x === 'object' && x !== null) || (typeof y === 'object' && y !== null)) return undefined;
    return x === y;
  }
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y)) return plainObject(Array.isArray(x) ? y : x) ? false : undefined;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) {
      const same = sameJson(x[i], y[i], 'array');
      if (same !== true) return same;
    }
    return true;
  }
  if (!plainObject(x) || !plainObject(y)) return undefined;
  const left = x as Record<string, unknown>;
  const right = y as Record<string, unknown>;
  let written = 0;
  for (const key of Object.keys(left)) {
    if (unwritten(left[key])) continue;
    written++;
    if (!Object.hasOwn(right, key) || unwritten(right[key])) return false;
    const same = sameJson(left[key], right[key], 'field');
    if (same !== true) return same;
  }
  for (const key of Object.keys(right)) if (!unwritten(right[key])) written--;
  return written === 0;
}
