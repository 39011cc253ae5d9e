// The constructions the extractor was taught so that it reads articles nobody tuned it on:
// positions by apposition, possessive and relative clause; kin and lawyers; units; lists of
// products; coordination; speech acts; money and penalties; agreements; head-noun and
// pronoun coreference; surnames and honorifics. One small invented sentence per construction.
import { claimLines, extract } from './articleFixture';

const claims = (body: string) => claimLines(extract(body));

describe('positions', () => {
  it("reads a possessive role in apposition: the country's minister, its chairman, the union's chairman", () => {
    expect(claims("Portugal opened talks. Daniel Calder, the country's trade minister, spoke on Monday.")).toEqual([
      'daniel-calder holds_position country:PT asserts',
    ]);
    expect(claims('Kepler Works said profits rose. Its chairman, Daniel Calder, resigned.')).toEqual([
      'daniel-calder holds_position kepler-works asserts',
    ]);
    expect(claims("The Harbour Workers Union went on strike. The union's chairman, Daniel Calder, spoke.")).toEqual([
      'daniel-calder holds_position harbour-workers-union asserts',
    ]);
  });

  it('reads "is the director of" and a relative clause "which NAME founded and leads"', () => {
    expect(claims('Sarah Tolliver is the legal director of the Open Press Committee.')).toEqual([
      'sarah-tolliver holds_position open-press-committee asserts',
    ]);
    expect(claims('Kepler Works, which Sarah Tolliver founded and leads, denied it.')).toEqual([
      'sarah-tolliver linked_to kepler-works asserts',
      'sarah-tolliver holds_position kepler-works asserts',
    ]);
  });

  it('reads kin and a lawyer in apposition; the speaker owning up makes the lawyer claim confirmed', () => {
    expect(claims("Daniel Calder's wife, Sarah Calder, declined to comment.")).toEqual([
      'sarah-calder associate_of daniel-calder asserts',
    ]);
    expect(claims('Sarah Tolliver said her lawyer, Daniel Calder, would appeal.')).toEqual([
      'daniel-calder acted_on_behalf_of sarah-tolliver confirms',
    ]);
  });
});

describe('units, coordination and money', () => {
  it('reads "is a unit of" past a description of the parent', () => {
    expect(claims('Kepler Works is a unit of the Norwegian group Fjellnett Holdings.')).toEqual([
      'kepler-works part_of fjellnett-holdings asserts',
    ]);
  });

  it('gives each of two coordinated subjects the claim', () => {
    expect(claims('Daniel Calder and Sarah Tolliver reached an understanding with the Harbour Workers Union.')).toEqual(
      [
        'daniel-calder in_contact_with harbour-workers-union asserts',
        'sarah-tolliver in_contact_with harbour-workers-union asserts',
      ],
    );
  });

  it('keeps an amount out of the name before it, for a payment and a fine', () => {
    const paid = extract('Kepler Works paid Halden Assurance 2 million euros.');
    expect(paid.entities.map((e) => e.id)).toEqual(['kepler-works', 'halden-assurance']);
    expect(claimLines(paid)).toEqual(['kepler-works funded halden-assurance asserts']);
    expect(claims('The Financial Conduct Authority fined the insurer Halden Assurance 4 million euros.')).toEqual([
      'financial-conduct-authority sanctioned halden-assurance asserts',
    ]);
  });
});

describe('speech acts', () => {
  it('reads accusations, a quoted judgement and a demand', () => {
    expect(claims('Sarah Tolliver accused Daniel Calder of lying.')).toEqual([
      'sarah-tolliver criticized daniel-calder asserts',
    ]);
    expect(claims('Sarah Tolliver called Daniel Calder "a liar".')).toEqual([
      'sarah-tolliver criticized daniel-calder asserts',
    ]);
    expect(claims('Sarah Tolliver demanded that the Harbour Workers Union end the strike.')).toEqual([
      'sarah-tolliver requested harbour-workers-union asserts',
    ]);
  });
});

describe('names and coreference', () => {
  it('resolves a surname and an honorific with the surname to the person named in full, never a new entity', () => {
    const result = extract('Daniel Calder runs Kepler Works. Calder said the firm was safe. Mr Calder denied it.');
    expect(result.entities.map((e) => [e.id, e.type, e.aliases])).toEqual([
      ['daniel-calder', 'person', ['Calder', 'Mr Calder']],
      ['kepler-works', 'organization', []],
    ]);
  });

  it('names nobody with a one-letter speaker label or the word after a colon', () => {
    expect(extract('Q: What did Daniel Calder say?').entities.map((e) => e.id)).toEqual(['daniel-calder']);
  });
});
