import path from 'node:path';
import { extractArticle } from '../../../server/ingest/extractArticle';
import { loadDataset } from '../../../server/load/loadDataset';
import { article, extract } from './articleFixture';

const entity = (body: string, id: string) => extract(body).entities.find((e) => e.id === id);
const ids = (body: string) => extract(body).entities.map((e) => e.id);

describe('entity mentions', () => {
  it('joins a surname to the full name it ends', () => {
    const result = extract('Tech billionaire Elon Musk met Vladimir Putin. Musk later denied it.');
    expect(result.entities.map((e) => e.id)).toEqual(['elon-musk', 'vladimir-putin']);
    expect(entity('Tech billionaire Elon Musk met Vladimir Putin. Musk later denied it.', 'elon-musk')).toEqual({
      id: 'elon-musk',
      name: 'Elon Musk',
      type: 'person',
      aliases: ['Musk'],
      existing: false,
    });
  });

  it('splits a title from the person and the country a demonym implies', () => {
    expect(extract('Chinese President Xi Jinping spoke.').entities).toEqual([
      { id: 'country:CN', name: 'China', type: 'country', aliases: ['Chinese'], existing: false },
      {
        id: 'xi-jinping',
        name: 'Xi Jinping',
        type: 'person',
        aliases: ['Chinese President Xi Jinping'],
        existing: false,
      },
    ]);
  });

  it('splits an organisation from a title inside one capitalised span', () => {
    expect(ids('Supreme Federal Court Justice Alexandre de Moraes ruled.')).toEqual([
      'supreme-federal-court',
      'alexandre-de-moraes',
    ]);
  });

  it('reads capitals as their countries', () => {
    expect(ids('Washington sanctioned Beijing in May.')).toEqual(['country:US', 'country:CN']);
  });

  it('joins a bracketed acronym to the name before it', () => {
    expect(
      entity(
        'Semiconductor Manufacturing International Corp (SMIC) made chips. SMIC declined to comment.',
        'semiconductor-manufacturing-international-corp',
      )?.aliases,
    ).toEqual(['SMIC']);
  });

  it('keeps "People\'s Daily" and "Federal Prosecutor\'s Office" whole but splits "Huawei\'s Ascend"', () => {
    expect(ids("People's Daily criticized Nvidia.")).toEqual(['peoples-daily', 'nvidia']);
    expect(ids("Germany's Federal Prosecutor's Office charged him.")).toEqual([
      'country:DE',
      'federal-prosecutors-office',
    ]);
    expect(ids("Huawei's Ascend processors are made in China.")).toEqual(['huawei', 'ascend', 'country:CN']);
  });

  it('names a government body written in lower case after a country', () => {
    expect(entity("China's commerce ministry objected.", 'chinas-commerce-ministry')).toEqual({
      id: 'chinas-commerce-ministry',
      name: "China's commerce ministry",
      type: 'organization',
      aliases: [],
      existing: false,
    });
  });

  it('types a name with a product noun or a model number as a service', () => {
    expect(entity('Nvidia shipped H20 chips.', 'h20')?.type).toBe('service');
    expect(entity('Durov founded the messaging app Telegram.', 'telegram')?.type).toBe('service');
  });

  it('drops places, laws and months', () => {
    expect(ids('Durov landed at Le Bourget airport in August.')).toEqual(['durov']);
    expect(ids('Congress passed the Foreign Adversary Controlled Applications Act.')).toEqual(['congress']);
  });

  it('drops ordinary words that open a sentence', () => {
    expect(ids('Demand in China remained strong.')).toEqual(['country:CN']);
  });

  it('matches known entities of the dataset by name and alias and keeps their ids', () => {
    const dataset = loadDataset(path.join(__dirname, '../../../graph-data'));
    const result = extractArticle(article('Musk said the Kremlin called him.'), 'test.txt', dataset);
    expect(result.entities.map((e) => [e.id, e.existing])).toEqual([
      ['elon-musk', true],
      ['kremlin', true],
    ]);
  });

  it('types a name described as a group as an organisation and keeps three-letter agencies', () => {
    expect(
      extract('Midnight Blizzard, a hacking group, struck. The company blamed the SVR.').entities.map((e) => [
        e.id,
        e.type,
      ]),
    ).toEqual([
      ['midnight-blizzard', 'organization'],
      ['svr', 'organization'],
    ]);
  });

  it('reads a demonym before a state body as the country itself', () => {
    expect(
      extract('Meta denied sharing data with American intelligence agencies.').claims.map((c) => [
        c.subject,
        c.type,
        c.object,
        c.stance,
      ]),
    ).toEqual([['meta', 'provided_access', 'country:US', 'denies']]);
  });

  it('drops plural common nouns that open a sentence but keeps unknown names', () => {
    expect(ids('Explosions damaged the offices of Baltic Pipe Company.')).toEqual(['baltic-pipe-company']);
    expect(ids('Reuters reported that Sophgo denied it.')).toEqual(['reuters', 'sophgo']);
  });

  it('joins an initialism to the name it abbreviates', () => {
    expect(extract('The EU said the European Union would respond.').entities).toEqual([
      { id: 'european-union', name: 'European Union', type: 'organization', aliases: ['EU'], existing: false },
    ]);
  });

  it('keeps a title with its portfolio ("Secretary of State") apart from the name', () => {
    expect(
      extract('Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi.').entities.map((e) => [
        e.id,
        e.aliases,
      ]),
    ).toEqual([
      ['antony-blinken', ['Secretary of State Antony Blinken']],
      ['country:CN', ['Chinese']],
      ['wang-yi', ['Chinese Foreign Minister Wang Yi']],
    ]);
  });
});
