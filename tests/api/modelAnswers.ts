// What a scripted model answers about writeApp's ARTICLE ("Elon Musk spoke with Kremlin
// spokesperson Dmitry Peskov about Starlink in October 2024, according to people familiar
// with the call. / Orbital Relay Ltd, a new reseller, sells Starlink terminals in
// Kazakhstan."): a good answer, whose names match seed entities in other cases and
// accents, and an answer full of what models make up, each claim failing one check.

/** Every claim holds: names as the article (or the seed, case and accents aside) writes them. */
export const GOOD_ANSWER = {
  entities: [
    { name: 'Elon Musk', type: 'person', aliases: ['Musk'] },
    // An accent and a different case: still the seed's dmitry-peskov and kremlin.
    { name: 'Dmitry Peskóv', type: 'person', aliases: [] },
    { name: 'KREMLIN', type: 'organization', aliases: [] },
    { name: 'Starlink', type: 'service', aliases: [] },
    { name: 'Orbital Relay Ltd', type: 'organization', aliases: ['Orbital Relay', 'ORL Holdings'] },
    { name: 'Kazakhstan', type: 'country', aliases: [] },
  ],
  claims: [
    {
      subject: 'Elon Musk',
      type: 'in_contact_with',
      object: 'Dmitry Peskóv',
      stance: 'alleges',
      quote: 'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink in October 2024',
      date: '2024-10',
      attributedTo: 'people familiar with the call',
      confidence: 0.85,
    },
    {
      subject: 'Dmitry Peskóv',
      type: 'holds_position',
      object: 'KREMLIN',
      stance: 'asserts',
      quote: 'Kremlin spokesperson Dmitry Peskov',
      date: null,
      attributedTo: null,
      confidence: 0.9,
    },
    {
      subject: 'Orbital Relay',
      type: 'provided_access',
      object: 'Starlink',
      stance: 'asserts',
      quote: 'Orbital Relay Ltd, a new reseller, sells Starlink terminals in Kazakhstan',
      date: null,
      attributedTo: null,
      confidence: 0.7,
    },
  ],
};

/** One claim that holds, then one per kind of made-up output. */
export const HALLUCINATED_ANSWER = {
  entities: [
    { name: 'Elon Musk', type: 'person', aliases: ['Musk'] },
    { name: 'Dmitry Peskov', type: 'person', aliases: [] },
    { name: 'Starlink', type: 'service', aliases: [] },
    // Named nowhere in the article.
    { name: 'Vladimir Putin', type: 'person', aliases: ['Putin'] },
    // Named in it, but of a node type the vocabulary does not have.
    { name: 'Orbital Relay Ltd', type: 'reseller', aliases: [] },
  ],
  claims: [
    {
      subject: 'Musk',
      type: 'in_contact_with',
      object: 'Dmitry Peskov',
      stance: 'asserts',
      quote: 'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov',
      date: '2024-10',
      attributedTo: null,
      confidence: 0.8,
    },
    {
      subject: 'Elon Musk',
      type: 'in_contact_with',
      object: 'Dmitry Peskov',
      stance: 'asserts',
      quote: 'Elon Musk secretly met Dmitry Peskov in Moscow',
      date: null,
      attributedTo: null,
      confidence: 0.9,
    },
    {
      subject: 'Elon Musk',
      type: 'bribed',
      object: 'Dmitry Peskov',
      stance: 'asserts',
      quote: 'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov',
      date: null,
      attributedTo: null,
      confidence: 0.9,
    },
    {
      subject: 'Starlink',
      type: 'holds_position',
      object: 'Elon Musk',
      stance: 'asserts',
      quote: 'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink',
      date: null,
      attributedTo: null,
      confidence: 0.5,
    },
    {
      subject: 'Elon Musk',
      type: 'in_contact_with',
      object: 'Vladimir Putin',
      stance: 'alleges',
      quote: 'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov',
      date: null,
      attributedTo: null,
      confidence: 0.6,
    },
    {
      subject: 'Elon Musk',
      type: 'in_contact_with',
      object: 'Dmitry Peskov',
      stance: 'alleges',
      quote: 'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov about Starlink in October 2024',
      date: '2024-13',
      attributedTo: 'people familiar with the call',
      confidence: 0.8,
    },
    {
      subject: 'Elon Musk',
      type: 'in_contact_with',
      object: 'Dmitry Peskov',
      stance: 'suspects',
      quote: 'Elon Musk spoke with Kremlin spokesperson Dmitry Peskov',
      date: null,
      attributedTo: null,
      confidence: 0.8,
    },
    {
      subject: 'Gazprom',
      type: 'funded',
      object: 'Orbital Relay Ltd',
      stance: 'asserts',
      quote: 'Orbital Relay Ltd, a new reseller',
      date: null,
      attributedTo: null,
      confidence: 1.5,
    },
    'Musk met Peskov',
  ],
};

/** Why each claim of HALLUCINATED_ANSWER after the first is dropped, by its place in the answer. */
export const HALLUCINATION_REASONS = [
  { index: 1, reason: 'its quote is not a verbatim passage of the article body' },
  { index: 2, reason: 'unknown edge type "bribed"' },
  {
    index: 3,
    reason:
      'edge type "holds_position" does not allow service → person (allowed: person → organization/country/service)',
  },
  { index: 4, reason: 'object "Vladimir Putin" is not named in the article' },
  {
    index: 5,
    reason: 'date "2024-13" is not a date as YYYY, YYYY-MM or YYYY-MM-DD that exists in the calendar',
  },
  { index: 6, reason: 'unknown stance "suspects"' },
  {
    index: 7,
    reason:
      'subject "Gazprom" is not one of the entities the answer lists; object "Orbital Relay Ltd" has unknown node type "reseller"; its confidence is not a number from 0 to 1',
  },
  { index: 8, reason: 'it is not an object' },
];
