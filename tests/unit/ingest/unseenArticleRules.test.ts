// The constructions taught for articles nobody tuned the extractor on, second round: a
// possessor is no sentence subject for "Its chairman"; a relative clause naming an employer;
// a role in apposition before a described outlet; "which X's nephew NAME founded and leads";
// a body's request after "asked X's office to" and "pressure from X and Y to"; criticism of
// an act by its noun ("called the fine …", "called the US sanctions …"); a government body
// after its country's name or named after it; names: a surname that only occurs inside
// another name ("Department of Health") is no surname; "for A and B", "A & B" and "Pilots'
// Union" stay one name; a lone first name is its person; towns written only as places,
// datelines, abbreviated months and holidays name nobody. One small invented sentence per construction.
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
