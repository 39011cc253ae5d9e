// What the claim forms send (client/src/curation/claimDraft.ts, relationTypes.ts): the
// relation types limited by the ends, a new claim's body from a selected passage, a
// correction holding only what changed (null for a cleared field), and what is missing.
import {
  addClaimBody,
  changesSomething,
  correctionBody,
  trimmedPassage,
  type ClaimFormValues,
} from '../../../../client/src/curation/claimDraft';
import { allowedEdgeTypes, allowedTypesHint, keptEdgeType } from '../../../../client/src/curation/relationTypes';
import type { Claim } from '../../../../server/model/records';
import vocabulary from '../../../../graph-data/vocabulary.json';

const edgeTypes = vocabulary.edgeTypes;
const ids = (types: Array<{ id: string }>) => types.map((type) => type.id);
const musk = { kind: 'existing', id: 'elon-musk', name: 'Elon Musk', type: 'person' } as const;
const putin = { kind: 'existing', id: 'vladimir-putin', name: 'Vladimir Putin', type: 'person' } as const;
const ukraine = { kind: 'existing', id: 'country:UA', name: 'Ukraine', type: 'country' } as const;

describe('the relation types the ends allow', () => {
  it('keeps the types whose subject and object types fit, either way round when undirected', () => {
    expect(ids(allowedEdgeTypes(edgeTypes, 'person', 'person'))).toEqual([
      'associate_of',
      'in_contact_with',
      'requested',
      'acted_on_behalf_of',
      'provided_access',
      'restricted_access',
      'funded',
      'supported',
      'criticized',
      'used',
      'sanctioned',
      'linked_to',
    ]);
    expect(ids(allowedEdgeTypes(edgeTypes, 'service', 'organization'))).toEqual([
      'in_contact_with',
      'requested',
      'acted_on_behalf_of',
      'provided_access',
      'restricted_access',
      'funded',
      'supported',
      'criticized',
      'used',
      'linked_to',
    ]);
    const undirected = [
      { id: 'u', directed: false, subjectTypes: ['person'], objectTypes: ['country'], label: 'U', color: '#000000' },
    ];
    expect(ids(allowedEdgeTypes(undirected, 'country', 'person'))).toEqual(['u']);
    expect(ids(allowedEdgeTypes([{ ...undirected[0], directed: true }], 'country', 'person'))).toEqual([]);
  });

  it('narrows by the one end chosen, and not at all before', () => {
    expect(allowedEdgeTypes(edgeTypes, undefined, undefined)).toHaveLength(edgeTypes.length);
    expect(ids(allowedEdgeTypes(edgeTypes, undefined, 'service'))).not.toContain('member_of');
    expect(ids(allowedEdgeTypes(edgeTypes, 'service', undefined))).toEqual([
      'in_contact_with',
      'requested',
      'acted_on_behalf_of',
      'provided_access',
      'restricted_access',
      'funded',
      'supported',
      'criticized',
      'used',
      'linked_to',
    ]);
  });

  it('keeps the chosen type while allowed, and says how many fit', () => {
    const allowed = allowedEdgeTypes(edgeTypes, 'person', 'person');
    expect(keptEdgeType(allowed, 'funded')).toBe('funded');
    expect(keptEdgeType(allowed, 'owns')).toBe('associate_of');
    expect(keptEdgeType([], 'owns')).toBeUndefined();
    expect(allowedTypesHint(allowed, 'person', 'person')).toBe('12 relation types allow person → person.');
    expect(allowedTypesHint(allowed.slice(0, 1), 'person', 'person')).toBe('1 relation type allows person → person.');
    expect(allowedTypesHint([], 'service', 'service')).toBe('No relation type allows service → service.');
    expect(allowedTypesHint(allowed, 'person')).toBe('Choose both ends to see only the relation types that fit them.');
  });
});

const values: ClaimFormValues = {
  subject: musk,
  object: { kind: 'new', name: ' Starlink terminals ', type: 'service' },
  type: 'restricted_access',
  stance: 'asserts',
  date: ' 2022 ',
  attributedTo: '',
  reason: '',
};
const passage = { document: 'doc', quote: 'Musk stopping funding', start: 10, end: 31 };

describe('a new claim from a passage', () => {
  it('sends the quote with its offsets, the ends (a new one by name and type) and what was filled in', () => {
    expect(addClaimBody(passage, values)).toEqual({
      document: 'doc',
      quote: 'Musk stopping funding',
      start: 10,
      end: 31,
      subject: 'elon-musk',
      type: 'restricted_access',
      object: { name: 'Starlink terminals', type: 'service' },
      stance: 'asserts',
      date: '2022',
    });
    expect(
      addClaimBody(passage, {
        ...values,
        object: { kind: 'new', name: 'Orbital Relay', type: 'organization', entityKind: 'company' },
        attributedTo: ' intelligence sources ',
        reason: 'missed by the extractor',
      }),
    ).toMatchObject({
      object: { name: 'Orbital Relay', type: 'organization', kind: 'company' },
      attributedTo: 'intelligence sources',
      reason: 'missed by the extractor',
    });
  });

  it('says what is missing', () => {
    expect(
      addClaimBody(passage, {
        ...values,
        subject: undefined,
        object: { kind: 'new', name: ' ', type: 'service' },
        type: undefined,
      }),
    ).toEqual([
      { path: 'subject', message: 'choose the subject from the suggestions, or create a new entity' },
      { path: 'object', message: 'the new object entity needs a name' },
      { path: 'type', message: 'no relation type allows these ends' },
    ]);
  });

  it('quotes the selection without the white space around it', () => {
    const text = 'Musk met Putin.\n  Then nothing.';
    expect(trimmedPassage('doc', text, 14, 20)).toEqual({ document: 'doc', quote: '.\n  Th', start: 14, end: 20 });
    expect(trimmedPassage('doc', text, 20, 4)).toEqual({
      document: 'doc',
      quote: 'met Putin.\n  Th',
      start: 5,
      end: 20,
    });
    expect(trimmedPassage('doc', text, 15, 18)).toBeUndefined();
  });
});

describe('a correction', () => {
  const claim: Claim = {
    id: 'c1',
    subject: 'elon-musk',
    type: 'in_contact_with',
    object: 'vladimir-putin',
    stance: 'alleges',
    document: 'doc',
    quote: 'Musk met Putin',
    date: '2022',
    attributedTo: 'intelligence sources',
  };
  const same: ClaimFormValues = {
    subject: musk,
    object: putin,
    type: 'in_contact_with',
    stance: 'alleges',
    date: '2022',
    attributedTo: 'intelligence sources',
    reason: '',
  };

  it('holds only what changed, with null for a cleared date or attribution', () => {
    expect(correctionBody(claim, same)).toEqual({});
    expect(changesSomething({})).toBe(false);
    expect(changesSomething({ reason: 'why' })).toBe(false);
    expect(
      correctionBody(claim, { ...same, stance: 'asserts', date: '', attributedTo: ' ', reason: ' checked ' }),
    ).toEqual({ stance: 'asserts', date: null, attributedTo: null, reason: 'checked' });
    expect(correctionBody(claim, { ...same, object: ukraine, type: 'criticized', date: '2022-10' })).toEqual({
      object: 'country:UA',
      type: 'criticized',
      date: '2022-10',
    });
    expect(correctionBody(claim, { ...same, subject: { kind: 'new', name: 'Kimbal Musk', type: 'person' } })).toEqual({
      subject: { name: 'Kimbal Musk', type: 'person' },
    });
    expect(correctionBody({ ...claim, date: undefined }, { ...same, date: '' })).not.toHaveProperty('date');
  });
});
