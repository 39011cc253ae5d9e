// Claims that point back at earlier claims: criticism of "the sanctions" goes to whoever
// imposed them, support for "the operation" to whoever carried it out, and a denial that
// names no object ("denied making any payments") denies the earlier claim of that kind.
import { agentsOfAct, typesOfActNoun, typesOfDeniedAct } from '../../../server/ingest/earlierClaims';
import { claimLines, extract } from './articleFixture';

const claims = (body: string) => claimLines(extract(body));

describe('claims about earlier acts', () => {
  it('maps act nouns and denied acts to edge types', () => {
    expect(typesOfActNoun('sanctions')).toEqual(['sanctioned']);
    expect(typesOfActNoun('Strikes')).toEqual(['attacked']);
    expect(typesOfActNoun('weather')).toEqual([]);
    expect(typesOfDeniedAct('making any payments')).toEqual(['funded']);
    expect(typesOfDeniedAct('passing any classified')).toEqual(['provided_access']);
    expect(typesOfDeniedAct('any knowledge of')).toEqual([]);
  });

  it('finds no agents when no earlier claim is of the kind', () => {
    const result = extract('Russia condemned the weather.');
    expect(result.claims).toEqual([]);
    expect(
      agentsOfAct(
        'sanctions',
        { key: 'x', id: 'x', name: 'X', type: 'country', mentions: [], titles: new Set() },
        100,
        [],
        '',
      ),
    ).toEqual([]);
  });

  it('gives criticism of "the sanctions" to who imposed them, and of "the decision" to who acted on the critic', () => {
    expect(
      claims(
        "The European Union imposed sanctions on Meridian Shipping. Russia's Foreign Ministry condemned the sanctions as illegal.",
      ),
    ).toEqual([
      'european-union sanctioned meridian-shipping asserts',
      'foreign-ministry criticized european-union asserts',
      'foreign-ministry part_of country:RU asserts',
    ]);
    expect(
      claims('Germany imposed sanctions on Balkan Ore Company. The company called the decision politically motivated.'),
    ).toEqual(['country:DE sanctioned balkan-ore-company asserts', 'balkan-ore-company criticized country:DE asserts']);
  });

  it('prefers the act whose own words use the noun ("the strikes" → "carried out air strikes")', () => {
    expect(
      claims(
        'The United States and Britain carried out air strikes on targets in Houthi-controlled areas. The Houthi movement claimed responsibility for a missile strike on the tanker Marlin Luanda. Nasser Kanaani condemned the strikes.',
      ),
    ).toEqual([
      'country:US attacked houthi asserts',
      'country:GB attacked houthi asserts',
      'houthi attacked marlin-luanda confirms',
      'nasser-kanaani criticized country:US asserts',
      'nasser-kanaani criticized country:GB asserts',
    ]);
  });

  it('gives support for "the operation" to each who carried it out', () => {
    expect(
      claims(
        'The United States and Britain carried out air strikes on targets in Houthi-controlled areas of Yemen. The operation was backed by Canada and the Netherlands.',
      ),
    ).toEqual([
      'country:US attacked houthi asserts',
      'country:GB attacked houthi asserts',
      'country:CA supported country:US asserts',
      'country:CA supported country:GB asserts',
      'country:NL supported country:US asserts',
      'country:NL supported country:GB asserts',
    ]);
  });

  it("reads a denial with no object as denying the denier's earlier claim of that kind", () => {
    expect(
      claims(
        'Mining tycoon Viktor Halvorsen allegedly paid more than 2 million euros to the Serbian Progressive Party in 2023. Halvorsen, who owns the Balkan Ore Company, denied making any payments.',
      ),
    ).toEqual([
      'viktor-halvorsen funded serbian-progressive-party alleges',
      'viktor-halvorsen owns balkan-ore-company asserts',
      'viktor-halvorsen funded serbian-progressive-party denies',
    ]);
    expect(claims('Halvorsen met Kovač. Halvorsen denied making any payments.')).toEqual([
      'halvorsen in_contact_with kovac asserts',
    ]);
  });

  it('keeps an allegation and "an allegation X denied" in one sentence as two claims', () => {
    expect(
      claims(
        'US officials have accused Iran of supplying the Houthi movement with drones, an allegation Tehran has repeatedly denied.',
      ),
    ).toEqual([
      'country:US criticized country:IR asserts',
      'country:IR provided_access houthi alleges',
      'country:IR provided_access houthi denies',
    ]);
  });
});
