// Entity rules added for articles the extractor was not tuned on: compound adjectives,
// demonym-led names, company names that look like personal names, short and plural forms,
// "known as", and definite descriptions taken from the article's own wording.
import { detectStance } from '../../../server/ingest/detectStance';
import { claimLines, extract } from './articleFixture';

const entities = (body: string) => extract(body).entities.map((e) => `${e.id} ${e.type} ${e.name}`);

describe('names', () => {
  it('keeps a demonym that opens an organisation name, and makes a government body of it part of the country', () => {
    expect(
      entities(
        'Mining tycoon Viktor Halvorsen allegedly paid more than 2 million euros to the Serbian Progressive Party in 2023.',
      ),
    ).toEqual([
      'viktor-halvorsen person Viktor Halvorsen',
      'serbian-progressive-party organization Serbian Progressive Party',
      'country:RS country Serbia',
    ]);
    expect(
      claimLines(
        extract('Tarmo Kask, a procurement adviser at the Estonian Ministry of Defence, was arrested in September.'),
      ),
    ).toEqual([
      'tarmo-kask holds_position estonian-ministry-of-defence asserts',
      'estonian-ministry-of-defence part_of country:EE asserts',
    ]);
  });

  it('reads a compound adjective as a name before the name it describes, dropping a place of business', () => {
    expect(entities('The European Union has imposed sanctions on Dubai-based Meridian Tanker Management.')).toEqual([
      'european-union organization European Union',
      'meridian-tanker-management organization Meridian Tanker Management',
    ]);
    expect(claimLines(extract('The Iran-backed Houthi movement attacked a tanker.'))).toEqual([
      'country:IR supported houthi asserts',
    ]);
  });

  it('types capitalised names made of ordinary words, or never used by surname, as organisations', () => {
    expect(
      entities(
        'Meridian Tanker Management is owned by Cypriot shipping magnate Andreas Kyriacou, who also controls the insurer Aegis Marine.',
      ),
    ).toEqual([
      'meridian-tanker-management organization Meridian Tanker Management',
      'country:CY country Cyprus',
      'andreas-kyriacou person Andreas Kyriacou',
      'aegis-marine organization Aegis Marine',
    ]);
    expect(
      entities('Gazprom Neft, the oil arm of the Russian state gas giant Gazprom, currently owns 50 percent of NIS.'),
    ).toEqual([
      'gazprom-neft organization Gazprom Neft',
      'country:RU country Russia',
      'gazprom organization Gazprom',
      'nis organization NIS',
    ]);
  });

  it('types a name as a person when its surname is used alone, or a role describes it', () => {
    expect(entities('Tarmo Kask met Naftna Industrija Srbije. Kask denied it.')).toEqual([
      'tarmo-kask person Tarmo Kask',
      'naftna-industrija-srbije organization Naftna Industrija Srbije',
    ]);
    expect(entities('Opposition politician Nika Melia spoke.')).toEqual(['nika-melia person Nika Melia']);
  });

  it('continues an agency name over "for", keeps "Ministry of Foreign Affairs" whole, and reads brand names in lower case', () => {
    expect(
      entities('Psiphon, a free circumvention tool funded by the US Agency for Global Media, is popular.'),
    ).toEqual([
      'psiphon service Psiphon',
      'country:US country United States',
      'agency-for-global-media organization Agency for Global Media',
    ]);
    expect(
      claimLines(extract("Taiwan's Ministry of Foreign Affairs confirmed that its systems had been breached.")),
    ).toEqual(['ministry-of-foreign-affairs part_of country:TW asserts']);
    expect(entities('The Treasury Department also sanctioned i-Soon.')).toEqual([
      'treasury-department organization Treasury Department',
      'i-soon organization i-Soon',
    ]);
  });

  it("drops saints' cities and directions used as adjectives", () => {
    expect(
      entities('St Petersburg is big. After Western insurers withdrew, the US Agency for Global Media paid.'),
    ).toEqual(['country:US country United States', 'agency-for-global-media organization Agency for Global Media']);
  });

  it('joins a short name to the one longer organisation name it opens, a plural to its singular, and "known as" names', () => {
    expect(entities('Nordvik Telecom grew. Nordvik hired staff.')).toEqual([
      'nordvik-telecom organization Nordvik Telecom',
    ]);
    expect(
      entities('A spokesman for the Houthis, Mohammed Abdulsalam, spoke. The Houthi movement attacked ships.'),
    ).toEqual(['houthis organization Houthis', 'mohammed-abdulsalam person Mohammed Abdulsalam']);
    expect(entities('The Internal Security Service, known as KAPO, arrested him.')).toEqual([
      'internal-security-service organization Internal Security Service',
    ]);
  });

  it('keeps a short name apart when both are named in one sentence', () => {
    expect(entities('Gazprom Neft, the oil arm of Gazprom, grew.')).toEqual([
      'gazprom-neft organization Gazprom Neft',
      'gazprom organization Gazprom',
    ]);
  });

  it('joins a body described before its name ("Lithuania\'s parliament, the Seimas")', () => {
    expect(claimLines(extract("Lithuania's parliament, the Seimas, urged the European Commission to act."))).toEqual([
      'seimas requested european-commission asserts',
      'seimas part_of country:LT asserts',
    ]);
  });
});

describe('references', () => {
  it('reads "the NOUN" as the name the article described with that noun', () => {
    expect(
      claimLines(
        extract(
          'The founder of the cryptocurrency exchange Kolkhida, Levan Beridze, spoke. The exchange was fined 3 million lari by the National Bank of Georgia in March 2023.',
        ),
      ),
    ).toEqual(['levan-beridze linked_to kolkhida asserts', 'national-bank-of-georgia sanctioned kolkhida asserts']);
  });

  it('reads "the party", "the minister" and "the businessman"', () => {
    expect(
      claimLines(
        extract(
          'Halvorsen paid 2 million euros to the Serbian Progressive Party. According to the watchdog, the party also received 400,000 euros from Adriatic Advisory in 2022.',
        ),
      ),
    ).toEqual([
      'halvorsen funded serbian-progressive-party asserts',
      'adriatic-advisory funded serbian-progressive-party alleges',
    ]);
    expect(
      claimLines(
        extract(
          'Mining tycoon Viktor Halvorsen spoke. Serbian Finance Minister Dragan Kovač spoke too. The minister confirmed that he had met the businessman.',
        ),
      ),
    ).toEqual([
      'dragan-kovac holds_position country:RS asserts',
      'dragan-kovac in_contact_with viktor-halvorsen confirms',
    ]);
  });

  it('reads "the government" as the country the article is about', () => {
    expect(
      claimLines(
        extract('Georgia grew. Opposition politician Nika Melia accused the government of protecting Kolkhida.'),
      ),
    ).toEqual(['nika-melia criticized country:GE asserts', 'country:GE acted_on_behalf_of kolkhida alleges']);
  });

  it('reads "its" after "citing" as the name just before, not the subject', () => {
    expect(
      claimLines(extract('Germany imposed sanctions on Balkan Ore Company in early 2024, citing its links to Russia.')),
    ).toEqual(['country:DE sanctioned balkan-ore-company asserts', 'balkan-ore-company linked_to country:RU alleges']);
  });

  it('keeps the first clause\'s topic for "it" after ", and X added it"', () => {
    expect(
      claimLines(
        extract(
          'Meridian was already sanctioned by the United Kingdom in December 2024, and the US Treasury Department added it to its sanctions list in January.',
        ),
      ),
    ).toEqual([
      'country:GB sanctioned meridian asserts',
      'treasury-department sanctioned meridian asserts',
      'treasury-department part_of country:US asserts',
    ]);
  });

  it('looks for "the company" in its own sentence first', () => {
    expect(
      claimLines(
        extract(
          "Swedish group Nordvik Telecom agreed to acquire Latvian provider BaltNet. Nordvik's largest shareholder is the Chinese conglomerate Huaxin Holdings, which acquired a 19 percent stake in the company in 2021.",
        ),
      ),
    ).toEqual(['nordvik-telecom owns baltnet asserts', 'huaxin-holdings owns nordvik-telecom asserts']);
  });
});

describe('stance cues', () => {
  it('hedges what documents show', () => {
    const text =
      'The money was transferred through Adriatic Advisory Ltd, a consulting firm that is controlled by Halvorsen, the documents show.';
    expect(detectStance({ text, cueStart: text.indexOf('is controlled'), cueEnd: text.indexOf(' Halvorsen') })).toBe(
      'alleges',
    );
  });

  it('confirms what a party claims responsibility for', () => {
    expect(
      detectStance({
        text: 'The group claimed responsibility for a strike on the tanker.',
        cueStart: 10,
        cueEnd: 40,
        confirmed: true,
      }),
    ).toBe('confirms');
  });
});
