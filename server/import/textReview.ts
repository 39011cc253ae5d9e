// The last step of every import: the text of each entity and claim is made fit to store,
// and every change is told in the import summary, counted, with the fields it touched.
// Bytes that were not UTF-8 become U+FFFD; control characters are removed; text longer
// than its field allows is cut; an attribute named "__proto__" is left out (zod and every
// JSON reader that copies objects drop it, so keeping it would lose it without a word).
import type { Claim, EntityInput } from '../model/records';
import type { Vocabulary } from '../model/vocabulary';
import type { InputFile } from './importData';
import type { ImportedData } from './types';

/** Unicode control characters (category Cc) but tab, line feed and carriage return. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** The longest text each field holds (server/model/records.ts); longer text is cut to it, ending in "…". */
export const ENTITY_TEXT_LIMITS: Readonly<Record<string, number>> = { name: 500, aliases: 500, description: 5000 };
export const CLAIM_TEXT_LIMITS: Readonly<Record<string, number>> = {
  quote: 5000,
  attributedTo: 500,
  role: 200,
  summary: 1000,
};

/** Fields of a claim that are ids of ours, left as they are (record.file too: it names the copy in sources/). */
const CLAIM_FIELDS_KEPT = new Set(['subject', 'object', 'type', 'stance']);
const MAX_FIELDS_LISTED = 8;

interface Change {
  key: string;
  /** Notes come in this order: invalid UTF-8, control characters, text too long (shortest limit first), reserved names. */
  order: number;
  what: string;
  action: string;
}

const INVALID_UTF8: Change = { key: 'utf8', order: 0, what: 'invalid UTF-8', action: 'replaced by U+FFFD' };
const CONTROL: Change = { key: 'control', order: 1, what: 'control characters', action: 'removed' };
const tooLong = (max: number): Change => ({
  key: `long ${max}`,
  order: 2 + max / (max + 1),
  what: `more than ${max} characters`,
  action: `cut to ${max}, ending in …`,
});
const RESERVED_NAME: Change = {
  key: 'proto',
  order: 3,
  what: 'an attribute named "__proto__"',
  action: 'left out: JSON readers drop that name',
};

/** Counts, per change, the records it touched and the fields it touched them in. */
class ChangeTally {
  private readonly totals = new Map<string, { change: Change; records: number; fields: Set<string> }>();
  private current = new Map<string, { change: Change; fields: Set<string> }>();

  note(change: Change, field: string): void {
    let seen = this.current.get(change.key);
    if (!seen) this.current.set(change.key, (seen = { change, fields: new Set() }));
    seen.fields.add(field);
  }

  endRecord(): void {
    for (const [key, { change, fields }] of this.current) {
      let total = this.totals.get(key);
      if (!total) this.totals.set(key, (total = { change, records: 0, fields: new Set() }));
      total.records++;
      for (const field of fields) total.fields.add(field);
    }
    this.current = new Map();
  }

  /** "3 entities had invalid UTF-8 in name, attributes.city (replaced by U+FFFD)". */
  notes(one: string, many: string): string[] {
    return [...this.totals.values()]
      .sort((a, b) => a.change.order - b.change.order)
      .map(({ change, records, fields }) => {
        const listed = [...fields].slice(0, MAX_FIELDS_LISTED).join(', ');
        const more = fields.size > MAX_FIELDS_LISTED ? ` and ${fields.size - MAX_FIELDS_LISTED} more fields` : '';
        return `${records} ${records === 1 ? one : many} had ${change.what} in ${listed}${more} (${change.action})`;
      });
  }
}

/** Sets `key` as an own property, "__proto__" included (plain assignment would set the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** Cuts to `max` UTF-16 units ending in "…", never between the two halves of a character. */
function cut(text: string, max: number): string {
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

class TextReviewer {
  constructor(
    private readonly marker: string | undefined,
    private readonly tally: ChangeTally | undefined,
  ) {}

  /** Fixed text: invalid UTF-8 as U+FFFD, control characters removed (kept as U+FFFD when nothing else would be left). */
  text(value: string, field: string): string {
    let text = value;
    if (this.marker !== undefined && text.includes(this.marker)) {
      text = text.replaceAll(this.marker, '\uFFFD');
      this.tally?.note(INVALID_UTF8, field);
    }
    if (CONTROL_CHARACTER.test(text)) {
      const removed = text.replace(CONTROL_CHARACTERS, '');
      text = removed === '' ? text.replace(CONTROL_CHARACTERS, '\uFFFD') : removed;
      this.tally?.note(CONTROL, field);
    }
    return text;
  }

  /** A value with every string and key fixed; arrays and objects are copied. Attributes nest at most MAX_ATTRIBUTE_DEPTH levels (checked by the mappers). */
  value(value: unknown, field: string): unknown {
    if (typeof value === 'string') return this.text(value, field);
    if (Array.isArray(value)) return value.map((item) => this.value(item, field));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      let name = this.text(key, `${field}.${key}`);
      while (Object.hasOwn(out, name)) name = `${name}~`;
      setOwn(out, name, this.value(item, `${field}.${name}`));
    }
    return out;
  }

  /** The attributes object: like value(), with "__proto__" left out at its top. */
  attributes(attributes: Record<string, unknown>): Record<string, unknown> {
    if (Object.hasOwn(attributes, '__proto__')) {
      this.tally?.note(RESERVED_NAME, 'attributes');
      const { ['__proto__']: _dropped, ...rest } = attributes;
      return this.value(rest, 'attributes') as Record<string, unknown>;
    }
    return this.value(attributes, 'attributes') as Record<string, unknown>;
  }

  limited(text: string, field: string, max: number | undefined): string {
    const fixed = this.text(text, field);
    if (max === undefined || fixed.length <= max) return fixed;
    this.tally?.note(tooLong(max), field);
    return cut(fixed, max);
  }
}

/** Attributes left empty (only "__proto__" was there) are no attributes. */
function setAttributes(record: Record<string, unknown>, attributes: Record<string, unknown>): void {
  if (Object.keys(attributes).length > 0) record.attributes = attributes;
}

function reviewEntity(entity: EntityInput, reviewer: TextReviewer): EntityInput {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(entity)) {
    if (field === 'attributes' && value) setAttributes(out, reviewer.attributes(value as Record<string, unknown>));
    else if (field === 'aliases' && Array.isArray(value))
      out.aliases = value.map((alias: string) => reviewer.limited(alias, 'aliases', ENTITY_TEXT_LIMITS.aliases));
    else if (typeof value === 'string') out[field] = reviewer.limited(value, field, ENTITY_TEXT_LIMITS[field]);
    else out[field] = value;
  }
  return out as EntityInput;
}

function reviewClaim(claim: Claim, reviewer: TextReviewer): Claim {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(claim)) {
    if (CLAIM_FIELDS_KEPT.has(field)) out[field] = value;
    else if (field === 'attributes' && value) setAttributes(out, reviewer.attributes(value as Record<string, unknown>));
    else if (field === 'record' && value) {
      const { file, ...rest } = value as Claim['record'] & object;
      out.record = { file, ...(reviewer.value(rest, 'record') as object) };
    } else if (typeof value === 'string') out[field] = reviewer.limited(value, field, CLAIM_TEXT_LIMITS[field]);
    else out[field] = value;
  }
  return out as Claim;
}

/** Claim ids that fixing made equal get ~2, ~3…, as the mappers do. */
function uniqueIds(claims: Claim[]): void {
  const seen = new Set<string>();
  for (const claim of claims) {
    let id = claim.id;
    for (let n = 2; seen.has(id); n++) id = `${claim.id.slice(0, 190)}~${n}`;
    claim.id = id;
    seen.add(id);
  }
}

export function reviewImportedText(data: ImportedData, inputs: InputFile[]): ImportedData {
  const marker = inputs.find((input) => input.invalidUtf8)?.invalidUtf8?.marker;
  // With no free noncharacter the marker is U+FFFD itself: then only the files can be counted.
  const countRecords = marker !== '\uFFFD';
  const entityTally = new ChangeTally();
  const claimTally = new ChangeTally();
  const entityReviewer = new TextReviewer(countRecords ? marker : undefined, entityTally);
  const claimReviewer = new TextReviewer(countRecords ? marker : undefined, claimTally);
  const entities = data.entities.map((entity) => {
    const reviewed = reviewEntity(entity, entityReviewer);
    entityTally.endRecord();
    return reviewed;
  });
  const claims = data.claims.map((claim) => {
    const reviewed = reviewClaim(claim, claimReviewer);
    claimTally.endRecord();
    return reviewed;
  });
  uniqueIds(claims);
  // Type names and notes quote the input too: fixed the same way, not counted.
  const quiet = new TextReviewer(countRecords ? marker : undefined, undefined);
  const vocabulary = quiet.value(data.vocabulary, 'vocabulary') as Vocabulary;
  const fileNotes = inputs
    .filter((input) => input.invalidUtf8)
    .map(
      ({ name, invalidUtf8 }) =>
        `${name}: ${invalidUtf8!.sequences} byte sequence${invalidUtf8!.sequences === 1 ? ' is' : 's are'} not UTF-8 (each replaced by U+FFFD)`,
    );
  const notes = [
    ...fileNotes,
    ...data.notes.map((note) => quiet.text(note, 'notes')),
    ...entityTally.notes('entity', 'entities'),
    ...claimTally.notes('claim', 'claims'),
  ];
  return { entities, claims, vocabulary, notes };
}
