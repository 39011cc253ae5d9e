// Ids cut from text: the one slug of a name (extractor, review queue, generator) and the id
// made from a source's key (importers), both transliterating every script.
import { extractArticle } from '../../../server/ingest/extractArticle';
import { entityIdSchema } from '../../../server/model/records';
import { idFromKey, SLUG_MAX_LENGTH, slugify } from '../../../server/model/slug';
import { entityIdFor } from '../../../server/store/assignIds';

describe('slugify', () => {
  it.each([
    ['Elon Musk', 'elon-musk'],
    ['Marija Lukić', 'marija-lukic'],
    ['Recep Tayyip Erdoğan', 'recep-tayyip-erdogan'],
    ['Frau Dr. Irene Nierstenhöfer', 'frau-dr-irene-nierstenhofer'],
    ['Gießner Bauunternehmung GmbH', 'giessner-bauunternehmung-gmbh'],
    ['Łódź', 'lodz'],
    ['Søren Kierkegaard', 'soren-kierkegaard'],
    ['Dubravka Đedović Handanović', 'dubravka-dedovic-handanovic'],
    ["O'Brien", 'obrien'],
    ['O’Brien', 'obrien'],
    ["Women's Council", 'womens-council'],
    ['U.S. Steel', 'u-s-steel'],
    ['AT&T', 'at-t'],
    ['Acme™ Corp', 'acme-corp'],
    ['Nord Stream 2', 'nord-stream-2'],
    ['F-35 Program', 'f-35-program'],
    ['  The  Wall Street Journal ', 'the-wall-street-journal'],
  ])('slugs the Latin name %j as %j', (name, slug) => expect(slugify(name)).toBe(slug));

  it.each([
    ['Владимир Путин', 'vladimir-putin'],
    ['Алексей Навальный', 'aleksey-navalnyy'],
    ['Ελλάδα', 'ellada'],
    ['习近平', 'xijinping'],
    ['華為 Technologies', 'huawei-technologies'],
    ['トヨタ', 'toyota'],
    ['김정은', 'gimjeongeun'],
    ['محمد بن سلمان', 'mhmd-bn-slmn'],
  ])('transliterates the name %j to %j', (name, slug) => expect(slugify(name)).toBe(slug));

  it.each(['', '   ', '★☆', '🙂', '—', "'"])('falls back for %j, which has no letter or digit', (name) => {
    expect(slugify(name)).toBe('entity');
    expect(slugify(name, 'unnamed')).toBe('unnamed');
  });

  it('cuts a long name at SLUG_MAX_LENGTH with no trailing "-", and every slug is a valid entity id', () => {
    const long = `${'Северо '.repeat(20)}Company`;
    const slug = slugify(long);
    expect(slug).toBe(`${'severo-'.repeat(11)}sev`);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
    expect(slugify(`${'a'.repeat(79)} b`)).toBe('a'.repeat(79));
    for (const name of ['Владимир Путин', 'Łódź', '习近平', long])
      expect(entityIdSchema.safeParse(slugify(name)).success).toBe(true);
  });
});

describe('idFromKey', () => {
  it.each([
    ['Frau Lina Dachner', 'Frau-Lina-Dachner'],
    ['Frau Dr. Irene Nierstenhöfer', 'Frau-Dr.-Irene-Nierstenhofer'],
    ['"CDU"', 'CDU'],
    ['computational genomics', 'computational-genomics'],
    ["Codd's theorem", 'Codd-s-theorem'],
    ['Systematics – study of multi-term systems', 'Systematics-study-of-multi-term-systems'],
    ['δ-hyperbolic space', 'd-hyperbolic-space'],
    ['Мария', 'Mariya'],
    ['Алексей Навальный', 'Aleksey-Navalnyy'],
    ['  ', ''],
    ['★', ''],
  ])('makes the key %j into %j', (key, id) => expect(idFromKey(key)).toBe(id));
});

describe('one slug for every way in', () => {
  it('gives a new name the same id in the extractor and in the review queue', () => {
    const extracted = extractArticle(
      ' date 2024-11-02 Putin meets Musk\nВладимир Путин met Elon Musk in October 2022.\n',
      '201_test.txt',
    );
    expect(extracted.entities.map((e) => [e.id, e.name])).toEqual([
      ['vladimir-putin', 'Владимир Путин'],
      ['elon-musk', 'Elon Musk'],
    ]);
    const free = () => false;
    expect(entityIdFor({ name: 'Владимир Путин', type: 'person' }, free)).toBe('vladimir-putin');
    expect(entityIdFor({ name: "Conan O'Brien", type: 'person' }, free)).toBe('conan-obrien');
    expect(entityIdFor({ name: '习近平', type: 'person' }, free)).toBe('xijinping');
  });
});
