// The constructions taught for articles nobody tuned the extractor on, second round. Positions:
// a possessor is no sentence subject for "Its chairman", a relative clause naming an employer,
// a role before a described outlet, "which X's nephew NAME founded and leads". Requests: "asked
// X's office to", "pressure from X and Y to". Criticism of an act by its noun ("called the
// fine …", "called the US sanctions …"). Government bodies after or named after their country.
// Ownership: the agent of "controlled by" past a description or kin word, shares held, joint
// ventures, state funds, the appositive's head as the subject of "which". Contact, shared data,
// purchases from a unit, a campaign financed, a maker, lei as money. Names: a surname only ever
// inside another name is none, "for A and B", "A & B" and "Pilots' Union" stay one name, a
// short name joins the longer one named most often, a lone first name its person; towns only
// written as places, datelines, abbreviated months and holidays name nobody. One small invented
// sentence per construction.
import { claimLines, extract } from './articleFixture';

const claims = (body: string) => claimLines(extract(body));
const entityNames = (body: string) => extract(body).entities.map((e) => `${e.type} ${e.name}`);

describe('positions', () => {
  it('takes the antecedent of "Its chairman" from the subject, not from its possessor', () => {
    expect(claims("Norway's Fisheries Directorate said the rules stay. Its chairman, Lars Tveit, agreed.")).toEqual([
      'fisheries-directorate part_of country:NO asserts',
      'lars-tveit holds_position fisheries-directorate asserts',
    ]);
  });

  it('never takes a country for "the bank" because a demonym described a bank ("a Kenyan bank")', () => {
    expect(
      claims(
        "Kenya fined a Kenyan bank. Lake Basin Bank said it would pay. The bank's chief compliance officer, Amina Odhiambo, resigned.",
      ),
    ).toEqual(['amina-odhiambo holds_position lake-basin-bank asserts']);
  });

  it('reads a relative clause naming the employer: "NAME, who works for the … portal X"', () => {
    expect(claims('Ana Petrić, who works for the independent news portal Glasnik, was hacked.')).toEqual([
      'ana-petric holds_position glasnik asserts',
    ]);
  });

  it('reads a role in apposition before a described outlet: "a reporter for the independent Baku outlet X"', () => {
    expect(claims('Ilkin Rzayev, a reporter for the independent Baku outlet Kanal Press, was detained.')).toEqual([
      'ilkin-rzayev holds_position kanal-press asserts',
    ]);
  });

  it('reads "the former head of procurement at X"', () => {
    expect(claims('Mara Voicu, the former head of procurement at Colentina Clinic, testified.')).toEqual([
      'mara-voicu holds_position colentina-clinic asserts',
    ]);
  });

  it('reads "which NAME\'s nephew NAME founded and leads" and "which the Thai tycoon NAME founded and chairs"', () => {
    expect(
      claims("Vadim Cerna paid. The Open Hands Society, which Cerna's nephew Ion Cerna founded and leads, denied it."),
    ).toEqual([
      'ion-cerna linked_to open-hands-society asserts',
      'ion-cerna holds_position open-hands-society asserts',
      'ion-cerna associate_of vadim-cerna asserts',
    ]);
    expect(claims('Delta River Power, which the Thai tycoon Anan Chaiyo founded and chairs, won.')).toEqual([
      'anan-chaiyo linked_to delta-river-power asserts',
      'anan-chaiyo holds_position delta-river-power asserts',
    ]);
  });
});

describe('requests', () => {
  it('reads "asked X\'s office to" with the possessor before the body', () => {
    expect(claims("Maria Tudose has asked the OSCE's Election Monitoring Office to send observers.")).toEqual([
      'maria-tudose requested election-monitoring-office asserts',
    ]);
  });

  it('reads "faced pressure from X and Y to" as both asking the one under pressure', () => {
    expect(
      claims('Kenya has faced pressure from the United States and the European Union to tighten oversight.'),
    ).toEqual(['country:US requested country:KE asserts', 'european-union requested country:KE asserts']);
  });
});

describe('criticism of an act by its noun', () => {
  it('reads "called the fine …" as criticism of whoever fined', () => {
    expect(
      claims('The Data Review Board fined Kelvo Insurance on Monday. Kelvo Insurance called the fine "absurd".'),
    ).toEqual([
      'data-review-board sanctioned kelvo-insurance asserts',
      'kelvo-insurance criticized data-review-board asserts',
    ]);
  });

  it('reads "called the US sanctions …" as criticism of the country named before the act', () => {
    expect(claims('Kordan Gold Trading called the US sanctions "a political weapon".')).toEqual([
      'kordan-gold-trading criticized country:US asserts',
    ]);
  });
});

describe('government bodies and their countries', () => {
  it("reads a body after its country's name, and a central bank named after its country, as part of it", () => {
    expect(claims('The US State Department has called for him to be freed.')).toEqual([
      'state-department part_of country:US asserts',
    ]);
    expect(claims("Kenya's lenders are under review. The Central Bank of Kenya has fined Lake Basin Bank.")).toEqual([
      'central-bank-of-kenya sanctioned lake-basin-bank asserts',
      'central-bank-of-kenya part_of country:KE asserts',
    ]);
  });
});

describe('names', () => {
  it('keeps a company whose last word only occurs inside another name ("Department of Health") a company, and its short name one with it', () => {
    expect(
      entityNames(
        'The insurer Varda Health was fined. Varda said it would appeal. The Department of Health said it had asked for a review.',
      ),
    ).toEqual(['organization Varda Health', 'organization Department of Health']);
  });

  it('keeps "for A and B", "A & B" and a plural possessive before a head noun inside one name', () => {
    expect(
      entityNames("The Agency for Roads and Bridges hired Dunmore & Pike. The Port Pilots' Union objected."),
    ).toEqual([
      'organization Agency for Roads and Bridges',
      'organization Dunmore & Pike',
      "organization Port Pilots' Union",
    ]);
  });

  it('joins a short name to the longer name it opens that is named most often', () => {
    expect(
      entityNames(
        "Tern bought Kestrel Athletic. Kestrel Athletic lost. Kestrel Media Studios closed. Kestrel's coach, Sean Boyle, left.",
      ),
    ).toEqual([
      'organization Tern',
      'organization Kestrel Athletic',
      'organization Kestrel Media Studios',
      'person Sean Boyle',
    ]);
  });

  it('joins a lone first name to the one person whose name it opens', () => {
    expect(entityNames('Lejla Hodzic, a reporter, was detained. Lejla is in custody.')).toEqual([
      'person Lejla Hodzic',
    ]);
  });

  it('names no town an article only writes as a place, but keeps a name used otherwise or one invested in', () => {
    expect(
      entityNames('Omar Haddad, who lives in Pelvara, called it unfair. Reporters in Pelvara waited. Trenlo sued.'),
    ).toEqual(['person Omar Haddad', 'organization Trenlo']);
    expect(claims('Vantor invested 3 million euros in Trellix.')).toEqual(['vantor funded trellix asserts']);
  });

  it('names nobody with a dateline, an abbreviated month or a holiday', () => {
    expect(
      entityNames('ALMATY, Oct 8 — Kazakhstan closed its border. Traders said goods would be short before Christmas.'),
    ).toEqual(['country Kazakhstan']);
    expect(entityNames('VIENTIANE — Laos approved the dam.')).toEqual(['country Laos']);
  });
});

describe('ownership by participles, shares and state funds', () => {
  it('reads the agent of "controlled by" past a description, "the family of" or a possessor and kin word', () => {
    expect(claims('Kelda Trading, a holding company controlled by businessman Ivo Marsh, won.')).toEqual([
      'ivo-marsh owns kelda-trading asserts',
    ]);
    expect(claims("Pella Events, an organiser owned by Ana Voicu's husband, Petru Voicu, won.")).toEqual([
      'petru-voicu owns pella-events asserts',
      'petru-voicu associate_of ana-voicu asserts',
    ]);
    expect(
      claims('Rimor Holdings, which is controlled by the family of Hong Kong shipping magnate Victor Lam, bid.'),
    ).toEqual(['victor-lam owns rimor-holdings asserts']);
  });

  it('reads "N percent of X\'s shares are held by Y" and "a joint venture in which Y holds N percent"', () => {
    expect(claims("Records show that 40 percent of Chambi Mining's shares are held by Dunmore Capital.")).toEqual([
      'dunmore-capital owns chambi-mining alleges',
    ]);
    expect(
      claims(
        'Tarn Power Company, a joint venture in which the Thai developer Siam River Power holds 70 percent, signed.',
      ),
    ).toEqual(['siam-river-power owns tarn-power-company asserts']);
  });

  it('reads "a state fund of X", and takes the appositive\'s head as the subject of "which invested"', () => {
    expect(
      claims(
        'The Muscat Star Fund, a state investment fund of Oman, which invested about 150 million pounds in Tern Sports, denied it.',
      ),
    ).toEqual(['star-fund funded tern-sports asserts', 'country:OM owns star-fund asserts']);
  });
});

describe('contact, access and money', () => {
  it('reads "toured … with", "reached an understanding with" and "had spoken with the head of X, NAME"', () => {
    expect(claims('Somchai Kit toured the site with Anan Wong in April.')).toEqual([
      'somchai-kit in_contact_with anan-wong asserts',
    ]);
    expect(claims('The Kelda Dockers Union reached an understanding with Gdynia Terminal Services on pay.')).toEqual([
      'kelda-dockers-union in_contact_with gdynia-terminal-services asserts',
    ]);
    expect(claims('Vesna Lalić said she had spoken with the head of the ANB, Milan Kovač, on Monday.')).toEqual([
      'vesna-lalic in_contact_with milan-kovac confirms',
      'milan-kovac holds_position anb alleges',
    ]);
  });

  it('reads "shared data with the firms A and B" and "bought licences from X\'s sales unit, Y"', () => {
    expect(claims('Nora Field shared claims data with three partner firms, Allegra Dental and Kerry Optics.')).toEqual([
      'nora-field provided_access allegra-dental asserts',
      'nora-field provided_access kerry-optics asserts',
    ]);
    expect(
      claims("Brisa Labs bought licences for Nightjar from Halcyon's sales unit, Halcyon Gulf FZE, in Dubai."),
    ).toEqual(['halcyon-gulf-fze provided_access brisa-labs asserts', 'halcyon-gulf-fze part_of halcyon asserts']);
  });

  it('reads "X\'s A and B apps" as products X operates', () => {
    expect(claims("Apple patched a flaw in Apple's iMessage and FaceTime apps.")).toEqual([
      'apple operates imessage asserts',
      'apple operates facetime asserts',
    ]);
  });

  it('takes the agent of "controlled by" from the name after "by" only, and the subject of a verb after "by X and"', () => {
    expect(
      claims('Kordan Gold Trading denied being controlled by Osman Tahir and called the US sanctions unfair.'),
    ).toEqual(['osman-tahir owns kordan-gold-trading denies', 'kordan-gold-trading criticized country:US denies']);
  });

  it('reads "X\'s campaign was financed from abroad by Y" as funding X, a maker of a product, and lei as money', () => {
    expect(claims("Marek Lis said Ivo Dobre's campaign was financed from abroad by Vadim Rusu.")).toEqual([
      'vadim-rusu funded ivo-dobre alleges',
    ]);
    expect(claims('The Nightjar spyware tool is made by Halcyon Intelligence Systems.')).toEqual([
      'halcyon-intelligence-systems operates nightjar asserts',
    ]);
    expect(claims('Helvarin Pharma paid 640,000 lei to Medicor Events.')).toEqual([
      'helvarin-pharma funded medicor-events asserts',
    ]);
  });
});

describe('penalties, bodies and demonyms', () => {
  it('reads revoking a licence as a penalty on its holder', () => {
    expect(claims('The Mines Office has revoked the licence of Luano Copper Holdings.')).toEqual([
      'mines-office sanctioned luano-copper-holdings asserts',
    ]);
    expect(claims("The regulator Civil Air Office withdrew Tarn Air's operating permit.")).toEqual([
      'civil-air-office sanctioned tarn-air asserts',
    ]);
  });

  it('keeps "Premier League" one body rather than the title "Premier" and a person', () => {
    expect(
      claims('The Premier League cleared the deal. FairPlay Watch has criticised the league for approving it.'),
    ).toEqual(['fairplay-watch criticized premier-league asserts']);
  });

  it('knows the demonyms the press writes ("Lao", "Kyrgyz") and reads a state company after one', () => {
    expect(claims('The Lao state holding company Lao Power Holdings holds 30 percent.')).toEqual([
      'country:LA owns lao-power-holdings asserts',
    ]);
    expect(entityNames('Kyrgyz exporters lost money.')).toEqual(['country Kyrgyzstan']);
  });
});
