// When the explorer holds only part of a dataset (client/src/partialView.ts): the counts
// at which it stops drawing the whole, how many entities it asks for, and the exact
// wording of the notices and the status line the user reads.
import {
  graphLimit,
  partialLoadingMessage,
  partialOpeningNotice,
  partialViewFor,
  statusLineText,
} from '../../../client/src/partialView';

describe('partialViewFor', () => {
  it('draws the whole dataset up to 20,000 entities and 150,000 relations', () => {
    expect(partialViewFor({ entities: 20_000, edges: 150_000 })).toBeUndefined();
    expect(partialViewFor({ entities: 0, edges: 0 })).toBeUndefined();
  });

  it('holds part of a dataset above either count', () => {
    expect(partialViewFor({ entities: 20_001, edges: 10 })).toEqual({ entities: 20_001, relations: 10 });
    expect(partialViewFor({ entities: 500, edges: 150_001 })).toEqual({ entities: 500, relations: 150_001 });
  });
});

describe('graphLimit', () => {
  it('asks for the 2,000 opening entities of a partial view, else for all', () => {
    expect(graphLimit({ entities: 50_000, relations: 90_000 })).toBe(2000);
    expect(graphLimit(undefined)).toBeUndefined();
  });
});

describe('what the user reads', () => {
  const partial = { entities: 1_234_567, relations: 9_876_543 };

  it('says what is loading', () => {
    expect(partialLoadingMessage(partial)).toBe('Loading the 2,000 most connected of 1,234,567 entities…');
  });

  it('adds to the status line how much of the dataset is held', () => {
    expect(statusLineText('12 of 2000 entities · 30 of 4100 relations shown', 2000, partial)).toBe(
      '12 of 2000 entities · 30 of 4100 relations shown · part of a larger graph: 2,000 of 1,234,567 entities; search to open others',
    );
    expect(statusLineText('4 of 4 entities · 3 of 3 relations shown', 4, undefined)).toBe(
      '4 of 4 entities · 3 of 3 relations shown',
    );
  });

  it('says once drawn what the partial view holds and how to open the rest', () => {
    expect(partialOpeningNotice(partial, 2000)).toBe(
      'This dataset has 1,234,567 entities and 9,876,543 relations, more than the explorer draws at once. ' +
        'It opened on the 2,000 most connected entities and the relations among them; search to open any other entity with its relations.',
    );
  });
});
