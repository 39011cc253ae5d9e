// How deeply the `attributes` of an entity or claim may nest objects and arrays. Deeper
// values parse (JSON.parse does not recurse) but break everything that walks them
// afterwards: JSON.stringify and structuredClone overflow the stack at a few thousand
// levels, so a folder that loads would answer 500 on every route that returns the record.
// The loader refuses such a record, the importers refuse such an input, both naming the
// path of the first value that is too deep.

import { MAX_ATTRIBUTE_DEPTH } from './inputLimits';

/** Attribute values may sit at most this many keys below `attributes` (attributes.a.b… has 32 keys at most). */
export { MAX_ATTRIBUTE_DEPTH };

/** The message for a value past the limit, the same in the loader and the importers. */
export const ATTRIBUTE_DEPTH_MESSAGE = `nested more than ${MAX_ATTRIBUTE_DEPTH} levels deep; attributes may nest objects and arrays at most ${MAX_ATTRIBUTE_DEPTH} levels`;

/**
 * The key path (below the attributes object) of the first value nested deeper than
 * `limit`, or undefined when every value is within it. Array positions are numbers.
 * Recursion stops at the limit, so the stack stays shallow whatever the input.
 */
export function pathBeyondDepth(
  attributes: unknown,
  limit: number = MAX_ATTRIBUTE_DEPTH,
): Array<string | number> | undefined {
  if (typeof attributes !== 'object' || attributes === null) return undefined;
  if (Array.isArray(attributes)) {
    for (let index = 0; index < attributes.length; index++) {
      const found = childBeyond(attributes[index], limit);
      if (found) return [index, ...(found === true ? [] : found)];
    }
    return undefined;
  }
  for (const key in attributes) {
    if (!Object.hasOwn(attributes, key)) continue;
    const found = childBeyond((attributes as Record<string, unknown>)[key], limit);
    if (found) return [key, ...(found === true ? [] : found)];
  }
  return undefined;
}

/** A child of a container `remaining` levels above the limit: true when the child itself is past it. */
function childBeyond(child: unknown, remaining: number): Array<string | number> | true | undefined {
  if (remaining === 0) return true;
  if (typeof child !== 'object' || child === null) return undefined;
  return pathBeyondDepth(child, remaining - 1);
}
