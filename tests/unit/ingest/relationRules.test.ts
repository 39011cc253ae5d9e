import { extractArticle } from '../../../server/ingest/extractArticle';
import { indexVocabulary } from '../../../server/model/vocabulary';
import { dataset, vocabulary } from '../graph/fixtures';
import { article, claimLines, extract } from './articleFixture';

describe('relation rules', () => {
  it('reads the direction of an active verb', () => {
    expect(claimLines(extract('Russia invaded Ukraine in February 2022.'))).toEqual([
      'country:RU attacked country:UA asserts',
    ]);
  });

  it('reads the direction of a passive verb', () => {
    expect(claimLines(extract('Ukraine was invaded by Russia in February 2022.'))).toEqual([
      'country:RU attacked country:UA asserts',
    ]);
    expect(claimLines(extract('Ukraine has been supplied by the United States with tanks.'))).toEqual([
      'country:US provided_access country:UA asserts',
    ]);
  });

  it('reads contact, requests and favours', () => {
    expect(
      claimLines(extract('German Chancellor Olaf Scholz met French President Emmanuel Macron on Monday.')),
    ).toEqual([
      'olaf-scholz in_contact_with emmanuel-macron asserts',
      'olaf-scholz holds_position country:DE asserts',
      'emmanuel-macron holds_position country:FR asserts',
    ]);
    expect(
      claimLines(
        extract('Moraes ordered X suspended and told the telecommunications regulator Anatel to enforce the block.'),
      ),
    ).toEqual(['moraes requested anatel asserts', 'moraes sanctioned x asserts']);
    expect(claimLines(extract('Semiconductor Manufacturing International Corp (SMIC) made chips for Huawei.'))).toEqual(
      ['semiconductor-manufacturing-international-corp acted_on_behalf_of huawei asserts'],
    );
  });

  it('gives each of "A and B" the claim', () => {
    expect(claimLines(extract('Apple and Google removed TikTok from their app stores.'))).toEqual([
      'apple restricted_access tiktok asserts',
      'google restricted_access tiktok asserts',
    ]);
  });

  it('reads titles, roles and appositions as positions', () => {
    expect(claimLines(extract('Kremlin spokesperson Dmitry Peskov spoke to reporters.'))).toEqual([
      'dmitry-peskov holds_position kremlin asserts',
    ]);
    expect(
      claimLines(extract("Valerii Zaluzhnyi, then commander-in-chief of Ukraine's armed forces, denied it.")),
    ).toEqual([
      'valerii-zaluzhnyi holds_position ukraines-armed-forces asserts',
      'ukraines-armed-forces part_of country:UA asserts',
    ]);
    expect(
      claimLines(
        extract(
          'Commerce Secretary Gina Raimondo visited Beijing. The Commerce Department later revoked licences for exports to Huawei.',
        ),
      ),
    ).toEqual([
      'gina-raimondo holds_position commerce-department asserts',
      'commerce-department restricted_access huawei asserts',
    ]);
  });

  it('reads possessives as ownership, operation or membership', () => {
    expect(claimLines(extract("Vodafone's Ziggo service was suspended."))).toEqual(['vodafone operates ziggo asserts']);
    expect(
      claimLines(extract("The US Commerce Department's Bureau of Industry and Security restricted exports to China.")),
    ).toEqual([
      'bureau-of-industry-and-security part_of commerce-department asserts',
      'commerce-department part_of country:US asserts',
      'bureau-of-industry-and-security restricted_access country:CN asserts',
    ]);
    expect(
      claimLines(extract('Pavel Durov, the founder and owner of the messaging app Telegram, left France.')),
    ).toEqual(['pavel-durov owns telegram asserts']);
    expect(claimLines(extract('Starlink, the satellite internet service run by SpaceX, was switched on.'))).toEqual([
      'spacex operates starlink asserts',
    ]);
  });

  it('resolves "the company" to the company named before', () => {
    expect(claimLines(extract('Globex warned investors. Later the company halted shipments to Initech.'))).toEqual([
      'globex restricted_access initech asserts',
    ]);
  });

  it('resolves "it" after "said" to the speaker, and "This" to the previous subject', () => {
    expect(claimLines(extract('Globex said it had halted shipments to Initech.'))).toEqual([
      'globex restricted_access initech confirms',
    ]);
    expect(
      claimLines(
        extract(
          'Putin asked Musk not to activate it. This was allegedly done as a favor to Chinese President Xi Jinping.',
        ),
      ),
    ).toEqual([
      'putin requested musk asserts',
      'putin acted_on_behalf_of xi-jinping alleges',
      'xi-jinping holds_position country:CN asserts',
    ]);
  });

  it('makes no claim the vocabulary forbids between those entity types', () => {
    // With a vocabulary where only countries and organisations can be attacked, a pipeline (a service) cannot be.
    const strict = structuredClone(vocabulary.vocabulary);
    strict.edgeTypes = strict.edgeTypes.map((t) =>
      t.id === 'attacked' ? { ...t, objectTypes: ['country', 'organization'] } : t,
    );
    const text = article('Moscow has blamed Washington and London for the attack on the Nord Stream pipelines.');
    expect(
      claimLines(
        extractArticle(text, 'test-article.txt', { ...dataset([], [], []), vocabulary: indexVocabulary(strict) }),
      ),
    ).toEqual([]);
    // The default vocabulary allows it.
    expect(claimLines(extractArticle(text, 'test-article.txt'))).toEqual([
      'country:US attacked nord-stream alleges',
      'country:GB attacked nord-stream alleges',
    ]);
  });

  it('uses the criticism type when a person "attacks" someone in words', () => {
    expect(claimLines(extract('Elon Musk attacked Alexandre de Moraes on his platform.'))).toEqual([
      'elon-musk criticized alexandre-de-moraes asserts',
    ]);
  });

  it('quotes the body verbatim and dates the claim', () => {
    const result = extract(
      'In August 2024, The Wall Street Journal reported that the sabotage of the Nord Stream pipelines had been overseen by Zaluzhnyi, the army chief. Russia invaded Ukraine in February 2022.',
    );
    expect(result.claims).toEqual([
      {
        subject: 'country:RU',
        type: 'attacked',
        object: 'country:UA',
        stance: 'asserts',
        quote: 'Russia invaded Ukraine',
        date: '2022-02',
        confidence: 0.65,
      },
    ]);
  });

  it('attributes a hedged claim to its source', () => {
    expect(extract('According to people familiar with the matter, Globex halted shipments to Initech.').claims).toEqual(
      [
        {
          subject: 'globex',
          type: 'restricted_access',
          object: 'initech',
          stance: 'alleges',
          quote: 'Globex halted shipments to Initech',
          attributedTo: 'people familiar with the matter',
          confidence: 0.65,
        },
      ],
    );
  });

  it('skips a relative clause when looking for the subject of the main verb', () => {
    expect(
      claimLines(
        extract(
          'Microsoft, which invested 13 billion dollars in OpenAI, has also been accused by Google of anticompetitive practices.',
        ),
      ),
    ).toEqual(['google criticized microsoft asserts', 'microsoft funded openai asserts']);
  });

  it('reads links, and a position held in a country written as a possessive', () => {
    expect(
      claimLines(
        extract("Midnight Blizzard, a hacking group linked to Russia's foreign intelligence service, struck again."),
      ),
    ).toEqual([
      'midnight-blizzard linked_to russias-foreign-intelligence-service asserts',
      'russias-foreign-intelligence-service part_of country:RU asserts',
    ]);
    expect(
      claimLines(extract("Qatar's Prime Minister Mohammed bin Abdulrahman Al Thani announced the truce.")),
    ).toEqual(['mohammed-bin-abdulrahman-al-thani holds_position country:QA asserts']);
  });

  it('hedges a claim that officials are said to make', () => {
    expect(claimLines(extract('Iran has funded Hamas for years, US officials say.'))).toEqual([
      'country:IR funded hamas alleges',
    ]);
  });

  it('does not join two clauses as "A and B"', () => {
    expect(
      claimLines(
        extract(
          'China declined to condemn Moscow, and Chinese Foreign Minister Wang Yi spoke with Ukrainian Foreign Minister Dmytro Kuleba.',
        ),
      ),
    ).toEqual([
      'wang-yi in_contact_with dmytro-kuleba asserts',
      'wang-yi holds_position country:CN asserts',
      'dmytro-kuleba holds_position country:UA asserts',
    ]);
  });

  it('resolves "the country" to the country the article is about', () => {
    expect(
      claimLines(
        extract(
          'Ukraine got Starlink terminals after Russia invaded Ukraine. Ukraine thanked Musk. Russia objected. The country was provided free access to Starlink.',
        ),
      ),
    ).toEqual(['country:RU attacked country:UA asserts', 'country:UA used starlink asserts']);
  });

  it('reads "blamed X for the attack" as an alleged attack on what the article says was attacked', () => {
    expect(
      extract(
        'Explosions damaged the offices of Baltic Pipe Company. Moscow has blamed Washington and London for the attack.',
      ).claims,
    ).toEqual([
      {
        subject: 'country:US',
        type: 'attacked',
        object: 'baltic-pipe-company',
        stance: 'alleges',
        quote: 'blamed Washington and London for the attack',
        confidence: 0.65,
      },
      {
        subject: 'country:GB',
        type: 'attacked',
        object: 'baltic-pipe-company',
        stance: 'alleges',
        quote: 'blamed Washington and London for the attack',
        confidence: 0.65,
      },
    ]);
  });

  it('reads "blamed X" without an attack as criticism', () => {
    expect(claimLines(extract('German Chancellor Olaf Scholz also blamed the Kremlin.'))).toEqual([
      'olaf-scholz criticized kremlin asserts',
      'olaf-scholz holds_position country:DE asserts',
    ]);
  });

  it('quotes the noun after a demonym that stands for its state', () => {
    expect(extract('The European Union has since sanctioned several Russian officials.').claims).toEqual([
      {
        subject: 'european-union',
        type: 'sanctioned',
        object: 'country:RU',
        stance: 'asserts',
        quote: 'European Union has since sanctioned several Russian officials',
        confidence: 0.65,
      },
    ]);
  });

  it('takes the speaker of "said" from the subject, not from an object before it', () => {
    // Le Monde says it, so the meeting is alleged and attributed to Le Monde, not confirmed by Petrov.
    expect(extract('Le Monde identified him as Ivan Petrov and said Petrov had met Emmanuel Macron.').claims).toEqual([
      {
        subject: 'ivan-petrov',
        type: 'in_contact_with',
        object: 'emmanuel-macron',
        stance: 'alleges',
        quote: 'Petrov had met Emmanuel Macron',
        attributedTo: 'le-monde',
        confidence: 0.65,
      },
    ]);
  });
});
