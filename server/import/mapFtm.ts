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
  FTM_NODE_SCHEMATA,
  FTM_SANCTION,
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

export function mapFtm(located: Iterable<LocatedFtmEntity>, baseVocabulary: Vocabulary): ImportedData {
  const vocabulary = new VocabularyBuilder(baseVocabulary);
  const all = new Map<string, LocatedFtmEntity>();
  for (const item of located) all.set(item.entity.id, item);

  const ids = new IdAllocator('entity');
  const entityIdByFtmId = new Map<string, string>();
  const entities: EntityInput[] = [];
  const entityTypes = new Map<string, string>();
  const claims: Claim[] = [];
  const claimIds = new Set<string>();
  const skipped = new Counter();
  const dangling = new Counter();
  let fellBack = 0;
  let addressesCopied = 0;

  const countryIds = new Map<string, string>();
  const countryFor = (code: string): string => {
    let id = countryIds.get(code);
    if (id === undefined) {
      const entity = countryEntity(code);
      id = ids.take(countryEntityId(code));
      entity.id = id;
      countryIds.set(code, id);
      entities.push(entity);
      entityTypes.set(id, 'country');
    }
    return id;
  };

  const addClaim = (claim: Omit<Claim, 'id'>, preferredId: string) => {
    let id = preferredId.slice(0, 190);
    for (let n = 2; claimIds.has(id); n++) id = `${preferredId.slice(0, 190)}~${n}`;
    claimIds.add(id);
    claims.push({ id, ...claim } as Claim);
  };

  const recordOf = (item: LocatedFtmEntity, urls: string[]) => {
    const url = urls.find((u) => httpUrlSchema.safeParse(u).success);
    return url ? { file: item.file, id: item.entity.id, url } : { file: item.file, id: item.entity.id };
  };

  // Things first, so that links can check the types at both ends.
  for (const item of all.values()) {
    const mapping = FTM_NODE_SCHEMATA.get(item.entity.schema);
    if (!mapping) continue;
    const id = ids.take(item.entity.id);
    entityIdByFtmId.set(item.entity.id, id);
    entityTypes.set(id, mapping.type);
  }

  for (const item of all.values()) {
    const { entity } = item;
    const mapping = FTM_NODE_SCHEMATA.get(entity.schema);
    if (!mapping) continue;
    const id = entityIdByFtmId.get(entity.id)!;
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
        addClaim(
          {
            subject: id,
            type: 'linked_to',
            object: countryFor(code),
            stance: 'asserts',
            record: recordOf(item, urls),
            summary: property,
          },
          `${entity.id}#${property}:${code}`,
        );
      }
      if (unmapped.length) properties[property] = unmapped;
      else delete properties[property];
    }

    const addressIds = strings(properties[FTM_ADDRESS_PROPERTY]);
    if (addressIds.length > 0) {
      const addresses: string[] = [];
      const missing: string[] = [];
      for (const addressId of addressIds) {
        const address = all.get(addressId)?.entity;
        if (address && address.schema === FTM_ADDRESS_SCHEMA)
          addresses.push(strings(address.properties.full)[0] ?? address.caption ?? addressId);
        else {
          missing.push(addressId);
          dangling.add(FTM_ADDRESS_PROPERTY);
        }
      }
      addressesCopied += addresses.length;
      delete properties[FTM_ADDRESS_PROPERTY];
      if (addresses.length) properties.addresses = addresses;
      if (missing.length) properties[FTM_ADDRESS_PROPERTY] = missing;
    }

    record.attributes = { schema: entity.schema, ...properties, ...envelope(entity) };
    refuseDeepAttributes({ file: item.file, line: item.line, record: entity.id }, record.attributes);
    entities.push(record);
  }

  /** The claim fields an interval entity carries: dates, role, summary, source URL; the rest as attributes. */
  const claimDetails = (item: LocatedFtmEntity, used: string[], roleProperties: string[] = []) => {
    const properties: Record<string, unknown[]> = { ...item.entity.properties };
    for (const property of used) delete properties[property];
    const details: Partial<Claim> = {};
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
  };

  /** Our entity id for a referenced FtM id, or undefined (counted) when it is not an imported thing. */
  const end = (ftmId: string, property: string): string | undefined => {
    const id = entityIdByFtmId.get(ftmId);
    if (id === undefined)
      dangling.add(
        all.has(ftmId)
          ? `${property} (to a ${all.get(ftmId)!.entity.schema}, which is not imported as a node)`
          : property,
      );
    return id;
  };

  const link = (
    item: LocatedFtmEntity,
    subject: string,
    preferredType: string,
    object: string,
    used: string[],
    roleProperties?: string[],
  ) => {
    const subjectType = entityTypes.get(subject)!;
    const objectType = entityTypes.get(object)!;
    let type = preferredType;
    if (!vocabulary.allows(type, subjectType, objectType)) {
      // e.g. a company as "director": holds_position needs a person, so keep the link as linked_to.
      type = FALLBACK_EDGE_TYPE;
      fellBack++;
    }
    const { details, record, attributes } = claimDetails(item, used, roleProperties);
    refuseDeepAttributes({ file: item.file, line: item.line, record: item.entity.id }, attributes);
    addClaim({ subject, type, object, stance: 'asserts', record, ...details, attributes }, item.entity.id);
  };

  for (const item of all.values()) {
    const { entity } = item;
    const edge = FTM_EDGE_SCHEMATA.get(entity.schema);
    if (edge) {
      const subjects = strings(entity.properties[edge.subject]).map((s) => end(s, edge.subject));
      const objects = strings(entity.properties[edge.object]).map((o) => end(o, edge.object));
      for (const subject of subjects) {
        for (const object of objects) {
          if (subject !== undefined && object !== undefined)
            link(item, subject, edge.type, object, [edge.subject, edge.object], edge.role);
        }
      }
      continue;
    }
    if (entity.schema === FTM_SANCTION.schema) {
      const code = strings(entity.properties.country)
        .map(normaliseCountryCode)
        .find((c) => c !== undefined);
      const authority = strings(entity.properties.authority)[0];
      let subject: string | undefined;
      if (code) subject = countryFor(code);
      else if (authority) {
        const authorityId = `authority-${slugify(authority, 'unnamed')}`;
        subject = entityIdByFtmId.get(authorityId);
        if (subject === undefined) {
          subject = ids.take(authorityId);
          entityIdByFtmId.set(authorityId, subject);
          entityTypes.set(subject, 'organization');
          entities.push({
            id: subject,
            type: 'organization',
            kind: 'government',
            name: authority,
            aliases: [],
            description: 'Sanctioning authority named by imported Sanction records.',
          });
        }
      }
      if (subject === undefined) {
        skipped.add('Sanction without a country or authority');
        continue;
      }
      for (const o of strings(entity.properties[FTM_SANCTION.object])) {
        const object = end(o, FTM_SANCTION.object);
        if (object !== undefined)
          link(item, subject, FTM_SANCTION.type, object, [FTM_SANCTION.object, ...(code ? ['country'] : [])]);
      }
      continue;
    }
    if (!FTM_NODE_SCHEMATA.get(entity.schema) && entity.schema !== FTM_ADDRESS_SCHEMA) skipped.add(entity.schema);
  }

  const notes: string[] = [];
  const addressCount = [...all.values()].filter((i) => i.entity.schema === FTM_ADDRESS_SCHEMA).length;
  if (addressCount > 0)
    notes.push(
      `${plural(addressCount, 'Address entity is not a node', 'Address entities are not nodes')}: ${plural(addressesCopied, 'address reference was', 'address references were')} copied as text into the "addresses" attribute of the entities that make them`,
    );
  if (skipped.total > 0)
    notes.push(
      `skipped ${plural(skipped.total, 'entity', 'entities')} of schemata with no mapping: ${skipped.describe()}`,
    );
  if (dangling.total > 0)
    notes.push(
      `${plural(dangling.total, 'reference', 'references')} to entities not in the input ${dangling.total === 1 ? 'was' : 'were'} left out: ${dangling.describe()}`,
    );
  if (fellBack > 0)
    notes.push(
      `${plural(fellBack, 'link', 'links')} imported as ${FALLBACK_EDGE_TYPE} because the ends do not fit the mapped type (the FtM schema is kept in the claim's attributes)`,
    );
  return { entities, claims, vocabulary: vocabulary.result(), notes };
}
