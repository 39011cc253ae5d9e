// Maps FollowTheMoney entities onto our records (the tables are in ftmSchemata.ts):
// thing schemata become entities, interval schemata and Sanctions become claims with
// stance "asserts" citing the file and the FtM id, countries become `country:XX` entities
// linked to whatever names them. Unmapped properties are kept as attributes. References
// to entities that are not in the input are counted and reported, never fatal.
import { isValidIsoPrefix } from '../model/dates';
import { httpUrlSchema, type Claim, type EntityInput } from '../model/records';
import { slugify } from '../model/slug';
import type { Vocabulary } from '../model/vocabulary';
import { countryEntity, countryEntityId, normaliseCountryCode } from './countries';
import type { FtmEntity, LocatedFtmEntity } from './ftm';
import {
  FTM_ADDRESS_PROPERTY,
  FTM_ADDRESS_SCHEMA,
  FTM_COUNTRY_PROPERTIES,
  FTM_EDGE_SCHEMATA,
  FTM_ASSET_NODE_TYPE,
  FTM_ASSET_OBJECT_OF,
  FTM_SANCTION,
  ftmNodeMapping,
} from './ftmSchemata';
import { IdAllocator } from './identifiers';
import { refuseDeepAttributes } from './importError';
import { FALLBACK_EDGE_TYPE, VocabularyBuilder } from './typeMapping';
import type { ImportedData } from './types';

const SUMMARY_PROPERTIES = ['summary', 'description', 'purpose', 'program'];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function strings(values: readonly unknown[] | undefined): string[] {
  return (values ?? [])
    .filter((v): v is string => typeof v === 'string')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** FtM dates are ISO strings, sometimes with a time: keep the date part when it is a real date. */
function isoPrefix(value: string): string | undefined {
  const date = value.slice(0, 10);
  return isValidIsoPrefix(date) ? date : undefined;
}

/** The envelope fields of an export line (datasets, first_seen…), kept as attributes. */
function envelope(entity: FtmEntity): Record<string, unknown> {
  const { id: _id, schema: _schema, caption: _caption, properties: _properties, ...rest } = entity;
  return rest;
}

class Counter {
  private readonly counts = new Map<string, number>();
  add(key: string, by = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }
  get total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
  describe(): string {
    return [...this.counts]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, n]) => `${n} ${key}`)
      .join(', ');
  }
}

/** A citation of an FtM entity: the file and the FtM id, with its first http(s) source URL if any. */
function recordOf(item: LocatedFtmEntity, urls: string[]) {
  const url = urls.find((u) => httpUrlSchema.safeParse(u).success);
  return url ? { file: item.file, id: item.entity.id, url } : { file: item.file, id: item.entity.id };
}

/** The claim fields an interval entity carries: dates, role, summary, source URL; the rest as attributes. */
function claimDetails(item: LocatedFtmEntity, used: string[], roleProperties: string[] = []) {
  const properties: Record<string, unknown[]> = { ...item.entity.properties };
  for (const property of used) delete properties[property];
  const details: Partial<Claim> = {};
  takeDates(properties, details);
  for (const property of roleProperties) {
    const role = strings(properties[property])[0];
    if (role) {
      details.role = role;
      delete properties[property];
      break;
    }
  }
  for (const property of SUMMARY_PROPERTIES) {
    const summary = strings(properties[property])[0];
    if (summary) {
      details.summary = summary;
      if (strings(properties[property]).length === 1) delete properties[property];
      break;
    }
  }
  const urls = strings(properties.sourceUrl);
  const record = recordOf(item, urls);
  if (record.url !== undefined) {
    const rest = urls.filter((u) => u !== record.url);
    if (rest.length) properties.sourceUrl = rest;
    else delete properties.sourceUrl;
  }
  return { details, record, attributes: { schema: item.entity.schema, ...properties, ...envelope(item.entity) } };
}

/** Moves startDate, endDate and date into the claim's fields when every value is a date; an end before the start stays an attribute. */
function takeDates(properties: Record<string, unknown[]>, details: Partial<Claim>): void {
  const dates = (property: string) =>
    strings(properties[property])
      .map(isoPrefix)
      .filter((d): d is string => d !== undefined)
      .sort();
  const take = (property: string, pick: 'first' | 'last', field: 'date' | 'startDate' | 'endDate') => {
    const values = dates(property);
    if (values.length === 0) return;
    details[field] = pick === 'first' ? values[0] : values[values.length - 1];
    if (values.length === strings(properties[property]).length) delete properties[property];
  };
  take('startDate', 'first', 'startDate');
  take('endDate', 'last', 'endDate');
  take('date', 'first', 'date');
  if (details.startDate && details.endDate && details.startDate > details.endDate) {
    properties.endDate = [details.endDate];
    delete details.endDate;
  }
}

/** One import's state: the entities and claims made so far, the id maps, and the counts the notes report. */
class FtmMapping {
  readonly vocabulary: VocabularyBuilder;
  readonly all = new Map<string, LocatedFtmEntity>();
  private readonly ids = new IdAllocator('entity');
  private readonly entityIdByFtmId = new Map<string, string>();
  readonly entities: EntityInput[] = [];
  private readonly entityTypes = new Map<string, string>();
  readonly claims: Claim[] = [];
  private readonly claimIds = new Set<string>();
  private readonly countryIds = new Map<string, string>();
  private readonly skipped = new Counter();
  private readonly dangling = new Counter();
  private fellBack = 0;
  private addressesCopied = 0;

  constructor(located: Iterable<LocatedFtmEntity>, baseVocabulary: Vocabulary) {
    this.vocabulary = new VocabularyBuilder(baseVocabulary);
    for (const item of located) this.all.set(item.entity.id, item);
  }

  /** Gives every thing its entity id first, so that links can check the types at both ends. */
  allocateThings(): void {
    for (const item of this.all.values()) {
      const mapping = ftmNodeMapping(item.entity.schema);
      if (!mapping) continue;
      if (mapping.type === FTM_ASSET_NODE_TYPE.id)
        this.vocabulary.ensureNodeType(structuredClone(FTM_ASSET_NODE_TYPE), FTM_ASSET_OBJECT_OF);
      const id = this.ids.take(item.entity.id);
      this.entityIdByFtmId.set(item.entity.id, id);
      this.entityTypes.set(id, mapping.type);
    }
  }

  /** The `country:XX` entity for a code, made on first use. */
  private countryFor(code: string): string {
    let id = this.countryIds.get(code);
    if (id === undefined) {
      const entity = countryEntity(code);
      id = this.ids.take(countryEntityId(code));
      entity.id = id;
      this.countryIds.set(code, id);
      this.entities.push(entity);
      this.entityTypes.set(id, 'country');
    }
    return id;
  }

  private addClaim(claim: Omit<Claim, 'id'>, preferredId: string): void {
    let id = preferredId.slice(0, 190);
    for (let n = 2; this.claimIds.has(id); n++) id = `${preferredId.slice(0, 190)}~${n}`;
    this.claimIds.add(id);
    this.claims.push({ id, ...claim } as Claim);
  }

  mapThing(item: LocatedFtmEntity): void {
    const { entity } = item;
    const mapping = ftmNodeMapping(entity.schema);
    if (!mapping) return;
    const id = this.entityIdByFtmId.get(entity.id)!;
    const properties: Record<string, unknown[]> = { ...entity.properties };
    const names = strings(properties.name);
    // Text too long for its field is cut, and counted, when the import ends (textReview.ts).
    const name = entity.caption?.trim() || names[0] || strings(properties.alias)[0] || entity.id;
    const aliases = [...new Set([...names, ...strings(properties.alias)])].filter((a) => a !== name);
    delete properties.name;
    delete properties.alias;
    const record: EntityInput = { id, type: mapping.type, name, aliases };
    if (mapping.kind) record.kind = mapping.kind;
    const description = strings(properties.description)[0];
    if (description) {
      record.description = description;
      delete properties.description;
    }
    this.linkCountries(item, id, properties);
    this.copyAddresses(properties);
    record.attributes = { schema: entity.schema, ...properties, ...envelope(entity) };
    refuseDeepAttributes({ file: item.file, line: item.line, record: entity.id }, record.attributes);
    this.entities.push(record);
  }

  /** Country properties become linked_to claims to `country:XX` entities; values that are not countries stay. */
  private linkCountries(item: LocatedFtmEntity, id: string, properties: Record<string, unknown[]>): void {
    const urls = strings(properties.sourceUrl);
    for (const property of FTM_COUNTRY_PROPERTIES) {
      const values = strings(properties[property]);
      if (values.length === 0) continue;
      const unmapped: string[] = [];
      for (const value of values) {
        const code = normaliseCountryCode(value);
        if (!code) {
          unmapped.push(value);
          continue;
        }
        this.addClaim(
          {
            subject: id,
            type: 'linked_to',
            object: this.countryFor(code),
            stance: 'asserts',
            record: recordOf(item, urls),
            summary: property,
          },
          `${item.entity.id}#${property}:${code}`,
        );
      }
      if (unmapped.length) properties[property] = unmapped;
      else delete properties[property];
    }
  }

  /** Address references become the addresses' text; references to addresses not in the input stay, counted. */
  private copyAddresses(properties: Record<string, unknown[]>): void {
    const addressIds = strings(properties[FTM_ADDRESS_PROPERTY]);
    if (addressIds.length === 0) return;
    const addresses: string[] = [];
    const missing: string[] = [];
    for (const addressId of addressIds) {
      const address = this.all.get(addressId)?.entity;
      if (address && address.schema === FTM_ADDRESS_SCHEMA)
        addresses.push(strings(address.properties.full)[0] ?? address.caption ?? addressId);
      else {
        missing.push(addressId);
        this.dangling.add(FTM_ADDRESS_PROPERTY);
      }
    }
    this.addressesCopied += addresses.length;
    delete properties[FTM_ADDRESS_PROPERTY];
    if (addresses.length) properties.addresses = addresses;
    if (missing.length) properties[FTM_ADDRESS_PROPERTY] = missing;
  }

  /** Interval schemata and Sanctions become claims; any other schema that is not a thing or an Address is counted as skipped. */
  mapLink(item: LocatedFtmEntity): void {
    const { entity } = item;
    const edge = FTM_EDGE_SCHEMATA.get(entity.schema);
    if (edge) {
      const subjects = strings(entity.properties[edge.subject]).map((s) => this.end(s, edge.subject));
      const objects = strings(entity.properties[edge.object]).map((o) => this.end(o, edge.object));
      for (const subject of subjects) {
        for (const object of objects) {
          if (subject !== undefined && object !== undefined)
            this.link(item, subject, edge.type, object, [edge.subject, edge.object], edge.role);
        }
      }
      return;
    }
    if (entity.schema === FTM_SANCTION.schema) {
      this.mapSanction(item);
      return;
    }
    if (!ftmNodeMapping(entity.schema) && entity.schema !== FTM_ADDRESS_SCHEMA) this.skipped.add(entity.schema);
  }

  /** A Sanction is a claim from its country (or else its authority, made an organization) to each sanctioned entity. */
  private mapSanction(item: LocatedFtmEntity): void {
    const { entity } = item;
    const code = strings(entity.properties.country)
      .map(normaliseCountryCode)
      .find((c) => c !== undefined);
    const authority = strings(entity.properties.authority)[0];
    let subject: string | undefined;
    if (code) subject = this.countryFor(code);
    else if (authority) subject = this.authorityFor(authority);
    if (subject === undefined) {
      this.skipped.add('Sanction without a country or authority');
      return;
    }
    for (const o of strings(entity.properties[FTM_SANCTION.object])) {
      const object = this.end(o, FTM_SANCTION.object);
      if (object !== undefined)
        this.link(item, subject, FTM_SANCTION.type, object, [FTM_SANCTION.object, ...(code ? ['country'] : [])]);
    }
  }

  /** The organization entity for a sanctioning authority, made on first use. */
  private authorityFor(authority: string): string {
    const authorityId = `authority-${slugify(authority, 'unnamed')}`;
    let subject = this.entityIdByFtmId.get(authorityId);
    if (subject === undefined) {
      subject = this.ids.take(authorityId);
      this.entityIdByFtmId.set(authorityId, subject);
      this.entityTypes.set(subject, 'organization');
      this.entities.push({
        id: subject,
        type: 'organization',
        kind: 'government',
        name: authority,
        aliases: [],
        description: 'Sanctioning authority named by imported Sanction records.',
      });
    }
    return subject;
  }

  /** Our entity id for a referenced FtM id, or undefined (counted) when it is not an imported thing. */
  private end(ftmId: string, property: string): string | undefined {
    const id = this.entityIdByFtmId.get(ftmId);
    if (id === undefined)
      this.dangling.add(
        this.all.has(ftmId)
          ? `${property} (to a ${this.all.get(ftmId)!.entity.schema}, which is not imported as a node)`
          : property,
      );
    return id;
  }

  private link(
    item: LocatedFtmEntity,
    subject: string,
    preferredType: string,
    object: string,
    used: string[],
    roleProperties?: string[],
  ): void {
    const subjectType = this.entityTypes.get(subject)!;
    const objectType = this.entityTypes.get(object)!;
    let type = preferredType;
    if (!this.vocabulary.allows(type, subjectType, objectType)) {
      // e.g. a company as "director": holds_position needs a person, so keep the link as linked_to.
      type = FALLBACK_EDGE_TYPE;
      this.fellBack++;
    }
    const { details, record, attributes } = claimDetails(item, used, roleProperties);
    refuseDeepAttributes({ file: item.file, line: item.line, record: item.entity.id }, attributes);
    this.addClaim({ subject, type, object, stance: 'asserts', record, ...details, attributes }, item.entity.id);
  }

  /** What the import left out or changed, said once each. */
  notes(): string[] {
    const notes: string[] = [];
    const addressCount = [...this.all.values()].filter((i) => i.entity.schema === FTM_ADDRESS_SCHEMA).length;
    if (addressCount > 0)
      notes.push(
        `${plural(addressCount, 'Address entity is not a node', 'Address entities are not nodes')}: ${plural(this.addressesCopied, 'address reference was', 'address references were')} copied as text into the "addresses" attribute of the entities that make them`,
      );
    if (this.skipped.total > 0)
      notes.push(
        `skipped ${plural(this.skipped.total, 'entity', 'entities')} of schemata with no mapping: ${this.skipped.describe()}`,
      );
    if (this.dangling.total > 0)
      notes.push(
        `${plural(this.dangling.total, 'reference', 'references')} to entities not in the input ${this.dangling.total === 1 ? 'was' : 'were'} left out: ${this.dangling.describe()}`,
      );
    if (this.fellBack > 0)
      notes.push(
        `${plural(this.fellBack, 'link', 'links')} imported as ${FALLBACK_EDGE_TYPE} because the ends do not fit the mapped type (the FtM schema is kept in the claim's attributes)`,
      );
    return notes;
  }
}

export function mapFtm(located: Iterable<LocatedFtmEntity>, baseVocabulary: Vocabulary): ImportedData {
  const mapping = new FtmMapping(located, baseVocabulary);
  mapping.allocateThings();
  for (const item of mapping.all.values()) mapping.mapThing(item);
  for (const item of mapping.all.values()) mapping.mapLink(item);
  const notes = mapping.notes();
  return { entities: mapping.entities, claims: mapping.claims, vocabulary: mapping.vocabulary.result(), notes };
}
