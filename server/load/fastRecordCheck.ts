// A fast path for step 1 at scale: a million claims through zod cost seconds
// and a copy of every record. These checks accept a parsed JSON record as it is only
// when it is certainly valid AND already identical to what zod would return (keys in the
// schema's order, no defaults to fill in); anything else, valid or not, goes to zod,
// which stays the single source of the rules and of every error message.
// Keep in step with server/model/records.ts: tests/unit/load/fastRecordCheck.test.ts
// compares the two on many valid and broken records.
import { pathBeyondDepth } from '../model/attributeDepth';
import { isValidIsoPrefix } from '../model/dates';

const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const HTTP_URL = /^https?:\/\/[^\s]+$/i;
const COUNTRY_CODE = /^[A-Z]{2}$/;

type Check = (value: unknown) => boolean;

const text =
  (min: number, max: number): Check =>
  (value) =>
    typeof value === 'string' && value.length >= min && value.length <= max;
const anyText: Check = (value) => typeof value === 'string';
const nonEmptyText: Check = (value) => typeof value === 'string' && value.length >= 1;
const entityId: Check = (value) =>
  typeof value === 'string' && value.length >= 1 && value.length <= 200 && ENTITY_ID.test(value);
const datePrefix: Check = (value) => typeof value === 'string' && isValidIsoPrefix(value);
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;
/** attributesSchema: zod copies it, which is the same value for plain JSON, and refuses values nested too deep. */
const looseRecord: Check = (value) =>
  isPlainObject(value) && !Object.hasOwn(value, '__proto__') && pathBeyondDepth(value) === undefined;

/** True when `value` is an object with only these keys, in this order, each passing its check. */
function orderedFields(
  value: unknown,
  fields: ReadonlyArray<readonly [string, Check, boolean]>,
): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  let next = 0;
  for (const key in value) {
    // Advance to the field named `key`; a required field skipped over means it is missing.
    while (next < fields.length && fields[next][0] !== key) {
      if (fields[next][2]) return false;
      next += 1;
    }
    if (next === fields.length || !fields[next][1](value[key])) return false;
    next += 1;
  }
  for (; next < fields.length; next++) if (fields[next][2]) return false;
  return true;
}

const recordReferenceFields = [
  ['file', nonEmptyText, true],
  ['id', nonEmptyText, true],
  ['url', (v: unknown) => typeof v === 'string' && v.length <= 2000 && HTTP_URL.test(v), false],
] as const;

const claimFields = [
  ['id', text(1, 200), true],
  ['subject', entityId, true],
  ['type', nonEmptyText, true],
  ['object', entityId, true],
  ['stance', nonEmptyText, true],
  ['document', nonEmptyText, false],
  ['quote', text(1, 5000), false],
  ['record', (v: unknown) => orderedFields(v, recordReferenceFields), false],
  ['attributedTo', text(1, 500), false],
  ['date', datePrefix, false],
  ['startDate', datePrefix, false],
  ['endDate', datePrefix, false],
  ['role', text(0, 200), false],
  ['summary', text(0, 1000), false],
  ['addedBy', text(1, 200), false],
  ['addedAt', text(1, 40), false],
  ['attributes', looseRecord, false],
] as const;

const entityFields = [
  ['id', entityId, true],
  ['type', nonEmptyText, true],
  ['name', text(1, 500), true],
  // Required here although zod defaults it: a missing one means zod's output differs.
  [
    'aliases',
    (v: unknown) =>
      Array.isArray(v) && v.every((alias) => typeof alias === 'string' && alias.length >= 1 && alias.length <= 500),
    true,
  ],
  ['description', text(0, 5000), false],
  ['kind', anyText, false],
  ['countryCode', (v: unknown) => typeof v === 'string' && COUNTRY_CODE.test(v), false],
  ['attributes', looseRecord, false],
] as const;

/** A claim zod would accept and return unchanged (including the cross-field rules). */
export function isSettledClaim(value: unknown): boolean {
  if (!orderedFields(value, claimFields)) return false;
  const hasQuote = value.quote !== undefined;
  if (hasQuote === (value.record !== undefined)) return false;
  if (hasQuote && value.document === undefined) return false;
  const { startDate, endDate } = value as { startDate?: string; endDate?: string };
  return !(startDate && endDate && startDate > endDate);
}

/** An entity zod would accept and return unchanged. */
export function isSettledEntity(value: unknown): boolean {
  return orderedFields(value, entityFields);
}
