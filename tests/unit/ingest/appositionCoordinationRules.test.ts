// The constructions taught in the third round on articles nobody tuned the extractor on:
// coordination past a description in apposition ("met A and the port's chief executive, B"),
// contact with a body through its unnamed official ("met Norway's deputy foreign minister"),
// "in coordination with officers of X", a quoted judgement of what a person said ("called
// his testimony …"), the appositive name rather than its possessor as the subject of a second
// verb ("Her lawyer, NAME, said … and called"), the employer's name before a role in an
// apposition, "who is its chairman" past an apposition, and a demonym before officers or
// border guards standing for the state; the head of an apposition, not a place modifying its
// noun, as the object of "owned by"; membership ("A and B are members of X", "whose members
// are …", "a member of parliament from X"); "added A and B to its Entity List"; "a unit of the
// Swiss drugmaker X" past the demonym's country. One small
// invented sentence per construction.
import { claimLines, extract } from './articleFixture';

const claims = (body: string) => claimLines(extract(body));

describe('coordination and apposition', () => {
  it('takes the name after a description in apposition as a second object: "met A and the port\'s chief executive, B"', () => {
    expect(claims("Ewa Nowak met Piotr Zielinski and the port's chief executive, Henryk Sobczak, on Monday.")).toEqual([
      'ewa-nowak in_contact_with piotr-zielinski asserts',
      'ewa-nowak in_contact_with henryk-sobczak asserts',
    ]);
  });

  it('meets the named official, not the possessor, when the official is named: "met Norway\'s foreign minister, NAME"', () => {
    expect(claims("Lina Kaur met Norway's foreign minister, Erik Dahl, on Friday.")).toEqual([
      'lina-kaur in_contact_with erik-dahl asserts',
      'erik-dahl holds_position country:NO asserts',
    ]);
  });

  it('takes the name in apposition to "Her lawyer" as the subject of a verb after "and"', () => {
    expect(
      claims(
        'Dora Lind was charged on Monday. Her lawyer, Ivo Brandt, said the case was weak and called Aron Weiss "a liar".',
      ),
    ).toEqual(['ivo-brandt acted_on_behalf_of dora-lind asserts', 'ivo-brandt criticized aron-weiss confirms']);
  });
});

describe('contact', () => {
  it('reads a meeting with an unnamed official of a country as contact with the country', () => {
    expect(claims("Lina Kaur met Norway's deputy foreign minister on Friday.")).toEqual([
      'lina-kaur in_contact_with country:NO asserts',
    ]);
  });

  it('reads "acted in coordination with officers of X"', () => {
    expect(claims("Marek Dvorak acted in coordination with officers of Poland's Internal Security Agency.")).toEqual([
      'marek-dvorak in_contact_with internal-security-agency asserts',
      'internal-security-agency part_of country:PL asserts',
    ]);
  });
});

describe('criticism', () => {
  it('reads a quoted judgement of what a person said as criticism of the person: "called his testimony …"', () => {
    expect(claims('Aron Weiss testified on Monday. Dora Lind called his testimony "a fiction".')).toEqual([
      'dora-lind criticized aron-weiss asserts',
    ]);
  });

  it('keeps "his" no argument before a noun that is no quoted judgement ("called his lawyer on Monday")', () => {
    expect(claims('Aron Weiss testified on Monday. Dora Lind called his lawyer on Monday.')).toEqual([]);
  });

  it('takes a demonym before "customs officers" for the state', () => {
    expect(claims('Tomas Ek accused Finnish customs officers of helping smugglers.')).toEqual([
      'tomas-ek criticized country:FI asserts',
    ]);
  });
});

describe('positions', () => {
  it('reads the employer\'s name before the role in an apposition: "NAME, a former ORG sales representative"', () => {
    expect(claims('Solvay Chemicals denied it. Karl Ostrow, a former Solvay sales representative, testified.')).toEqual(
      ['karl-ostrow holds_position solvay-chemicals asserts'],
    );
  });

  it('reads "NAME, a former banker at a fund, who is its chairman"', () => {
    expect(
      claims(
        'Norvik Capital bought the club. Anna Berg, a former banker at a London fund, who is its chairman, spoke.',
      ),
    ).toEqual(['anna-berg holds_position norvik-capital asserts']);
  });

  it('reads no position when the role after the employer\'s name is of another body ("a former Solvay director of the fund")', () => {
    expect(claims('Karl Ostrow, a former Solvay director of the Baltic Fund, testified.')).toEqual([]);
  });
});

describe('ownership, membership and lists', () => {
  it('takes the apposition\'s head, not the place modifying its noun, as what "owned by" is about', () => {
    expect(claims('Norsk Data, an Oslo company owned by a former navy officer, Olav Lie, sold it.')).toEqual([
      'olav-lie owns norsk-data asserts',
    ]);
  });

  it('reads "A and B are members of X"', () => {
    expect(claims('Estonia and Latvia are members of the European Union.')).toEqual([
      'country:EE member_of european-union asserts',
      'country:LV member_of european-union asserts',
    ]);
  });

  it('reads "X, a body whose members are A, B and C"', () => {
    expect(claims('The Danube Council, a regional body whose members are Austria, Hungary and Slovakia, met.')).toEqual(
      [
        'country:AT member_of danube-council asserts',
        'country:HU member_of danube-council asserts',
        'country:SK member_of danube-council asserts',
      ],
    );
  });

  it('reads a member of parliament from a party, and a member of a party, as membership, not a position', () => {
    expect(claims('Mira Kovac, an opposition member of parliament from the Green Future party, spoke.')).toEqual([
      'mira-kovac member_of green-future asserts',
    ]);
    expect(claims('Mira Kovac, a member of the Green Future, spoke.')).toEqual([
      'mira-kovac member_of green-future asserts',
    ]);
  });

  it('reads "added A and B to its Entity List" as sanctioning each', () => {
    expect(claims('The Trade Department added Corvex Systems and Corvex Gulf FZE to its Entity List in May.')).toEqual([
      'trade-department sanctioned corvex-systems asserts',
      'trade-department sanctioned corvex-gulf-fze asserts',
    ]);
  });
});

describe('units', () => {
  it('reads "a unit of the Swiss drugmaker X" as part of X, not of the demonym\'s country', () => {
    expect(claims('Korvo Romania, a unit of the Swiss drugmaker Korvo Pharma, paid.')).toEqual([
      'korvo-romania part_of korvo-pharma asserts',
    ]);
  });
});
