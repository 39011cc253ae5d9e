// A shared link naming an entity merged away (client/src/mergedLink.ts): the query string
// with the survivor in its place, every other parameter kept in order, and the note the
// user reads. The lookup through the API's 301 is checked in Chromium (tests/e2e/merging.test.ts).
import { mergedLinkNote, withSelectedNode } from '../../../client/src/mergedLink';

describe('a link to a merged entity', () => {
  it('puts the survivor in place of the merged entity and keeps the rest of the view', () => {
    expect(
      withSelectedNode('?nodeTypes=person%2Corganization&node=e-musk&depth=2&cam=0.5%2C0.5%2C1', 'elon-musk'),
    ).toBe('?nodeTypes=person%2Corganization&node=elon-musk&depth=2&cam=0.5%2C0.5%2C1');
    expect(withSelectedNode('?node=a%20b', 'c&d')).toBe('?node=c%26d');
  });

  it('says which entity the link named and which one it shows', () => {
    expect(mergedLinkNote('e-musk', { id: 'elon-musk', name: 'Elon Musk' })).toBe(
      'The link named e-musk, since merged into Elon Musk (elon-musk): it shows Elon Musk.',
    );
  });
});
