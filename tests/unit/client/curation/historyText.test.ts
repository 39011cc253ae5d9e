// The history as the explorer words it (client/src/curation/historyText.ts), the entity
// version read from its edits, the version a 412 names and the event a 409 names; and
// the entity Edit form's body (entityDraft.ts) holding only what changed.
import {
  aliasList,
  editChangesSomething,
  entityEditBody,
  entityFormValues,
} from '../../../../client/src/curation/entityDraft';
import {
  blockingEventOf,
  currentVersionOf,
  entityVersion,
  eventLine,
  eventTime,
} from '../../../../client/src/curation/historyText';
import type { CurationEntry } from '../../../../server/model/curationEvents';
import type { Claim, Entity } from '../../../../server/model/records';

const names: Record<string, string> = { ann: 'Ann', bob: 'Bob', acme: 'Acme Corp' };
const nameOf = (id: string) => names[id] ?? id;
const claim: Claim = {
  id: 'c1',
  subject: 'ann',
  type: 'in_contact_with',
  object: 'bob',
  stance: 'alleges',
  document: 'd',
  quote: 'q',
  date: '2022',
};
const at = '2026-05-01T10:20:03.123Z';
const base = { at, author: 'token', claim: 'c1', version: 1, entities: [] };
const ann: Entity = { id: 'ann', type: 'person', name: 'Ann', aliases: ['Annie'] };

describe('the history in words', () => {
  it('says what each kind of event did, by whom, when and why', () => {
    const events: CurationEntry[] = [
      { kind: 'addClaim', id: 'e1', ...base, before: null, after: claim },
      {
        kind: 'correctClaim',
        id: 'e2',
        ...base,
        version: 2,
        before: claim,
        after: { ...claim, stance: 'asserts', date: undefined, object: 'acme' },
        reason: 'checked',
      },
      { kind: 'retractClaim', id: 'e3', ...base, version: 3, before: claim, after: null, reason: 'misread' },
      { kind: 'revert', id: 'e4', ...base, version: 4, before: null, after: claim, reverts: 'e3' },
      { kind: 'revert', id: 'e5', ...base, version: 5, before: claim, after: null, reverts: 'e1' },
      {
        kind: 'editEntity',
        id: 'e6',
        at,
        author: 'cli',
        entity: 'ann',
        version: 2,
        before: ann,
        after: { ...ann, name: 'Anne', aliases: [], description: 'A person' },
      },
      {
        kind: 'editEntity',
        id: 'e7',
        at,
        author: 'token',
        entity: 'ann',
        version: 3,
        before: { ...ann, name: 'Anne' },
        after: ann,
        reverts: 'e6',
      },
    ];
    expect(events.map((event) => eventLine(event, nameOf))).toEqual([
      { what: 'Added claim c1: Ann in_contact_with Bob (alleges)', who: 'token, 2026-05-01 10:20:03 UTC' },
      {
        what: 'Corrected claim c1: stance alleges → asserts; object Bob → Acme Corp; date 2022 → none',
        who: 'token, 2026-05-01 10:20:03 UTC',
        why: 'checked',
      },
      {
        what: 'Retracted claim c1: Ann in_contact_with Bob (alleges)',
        who: 'token, 2026-05-01 10:20:03 UTC',
        why: 'misread',
      },
      {
        what: 'Undid e3 on claim c1: back on the graph: Ann in_contact_with Bob (alleges)',
        who: 'token, 2026-05-01 10:20:03 UTC',
      },
      { what: 'Undid e1 on claim c1: taken off the graph', who: 'token, 2026-05-01 10:20:03 UTC' },
      {
        what: 'Edited Anne: name Ann → Anne; aliases Annie → none; description none → A person',
        who: 'cli, 2026-05-01 10:20:03 UTC',
      },
      { what: 'Undid e6 on Ann: name Anne → Ann', who: 'token, 2026-05-01 10:20:03 UTC' },
    ]);
    expect(eventTime('yesterday')).toBe('yesterday');
  });

  it('reads the entity version from its newest edit, 1 when never edited', () => {
    const edit = (id: string, entity: string, version: number): CurationEntry => ({
      kind: 'editEntity',
      id,
      at,
      author: 'token',
      entity,
      version,
      before: ann,
      after: ann,
    });
    const newestFirst = [
      edit('e4', 'bob', 7),
      { kind: 'addClaim', id: 'e3', ...base, before: null, after: claim } as CurationEntry,
      edit('e2', 'ann', 3),
      edit('e1', 'ann', 2),
    ];
    expect(entityVersion(newestFirst, 'ann')).toBe(3);
    expect(entityVersion(newestFirst, 'acme')).toBe(1);
  });

  it('reads the entity version from a merge of it or into it, and from a split', () => {
    const bob: Entity = { id: 'bob', type: 'person', name: 'Bob', aliases: [] };
    const merge = (kind: 'mergeEntities' | 'splitEntity', id: string, mergedVersion: number, version: number) =>
      ({
        kind,
        id,
        at,
        author: 'token',
        entity: 'bob',
        into: 'ann',
        merged: bob,
        mergedVersion,
        before: ann,
        after: { ...ann, aliases: ['Annie', 'Bob'] },
        version,
        claims: [],
        ...(kind === 'splitEntity' ? { reverts: 'e1' } : {}),
      }) as CurationEntry;
    const merged = [merge('mergeEntities', 'e1', 2, 4)];
    expect(entityVersion(merged, 'ann')).toBe(4);
    expect(entityVersion(merged, 'bob')).toBe(2);
    const split = [merge('splitEntity', 'e2', 3, 5), ...merged];
    expect(entityVersion(split, 'ann')).toBe(5);
    expect(entityVersion(split, 'bob')).toBe(3);
  });

  it('reads the current version of a 412 and the event a refused revert names', () => {
    const problem = {
      type: 't',
      title: 'Precondition failed',
      status: 412,
      detail: 'claim "c1" is at version 2, not 1',
      errors: [{ path: 'If-Match', message: 'the current version is "2"' }],
    };
    expect(currentVersionOf(problem)).toBe(2);
    expect(currentVersionOf({ ...problem, errors: [] })).toBeUndefined();
    expect(currentVersionOf(undefined)).toBeUndefined();
    const conflict = {
      type: 't',
      title: 'Conflict',
      status: 409,
      detail:
        'event "e1" cannot be reverted: event "e2" (correctClaim by token at 2026-05-01T10:20:03.123Z) changed claim "c1" after it; revert "e2" first',
    };
    expect(blockingEventOf(conflict)).toBe('e2');
    expect(blockingEventOf({ ...conflict, detail: 'claim "c1" was retracted' })).toBeUndefined();
  });
});

describe('the entity edit', () => {
  const acme: Entity = {
    id: 'acme',
    type: 'organization',
    name: 'Acme Corp',
    aliases: ['Acme'],
    kind: 'company',
    description: 'Makes things',
    countryCode: 'US',
  };

  it('reads aliases one per line, without blanks or repeats', () => {
    expect(aliasList(' Acme \n\nAcme\r\nACME Inc.\n')).toEqual(['Acme', 'ACME Inc.']);
  });

  it('holds only what changed, null for a cleared description, kind or country', () => {
    const start = entityFormValues(acme);
    expect(start).toEqual({
      name: 'Acme Corp',
      aliases: 'Acme',
      description: 'Makes things',
      type: 'organization',
      kind: 'company',
      countryCode: 'US',
      reason: '',
    });
    expect(entityEditBody(acme, start)).toEqual({});
    expect(editChangesSomething(entityEditBody(acme, { ...start, reason: 'why' }))).toBe(false);
    expect(
      entityEditBody(acme, {
        ...start,
        name: ' Acme Corporation ',
        aliases: 'Acme\nAcme Corp',
        description: ' ',
        kind: '',
        countryCode: 'gb',
        reason: 'full name',
      }),
    ).toEqual({
      name: 'Acme Corporation',
      aliases: ['Acme', 'Acme Corp'],
      description: null,
      kind: null,
      countryCode: 'GB',
      reason: 'full name',
    });
    expect(entityEditBody(acme, { ...start, type: 'service', countryCode: '' })).toEqual({
      type: 'service',
      countryCode: null,
    });
  });
});
