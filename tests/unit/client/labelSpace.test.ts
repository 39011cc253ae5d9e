// The label space (client/src/render/labelSpace.ts): a box that overlaps one already
// taken in this frame is refused, unless forced; touching edges do not overlap; a new
// frame starts empty.
import { createLabelSpace } from '../../../client/src/render/labelSpace';

describe('the label space of a frame', () => {
  it('refuses a box over one taken, takes one beside it, and forgets them all on reset', () => {
    const space = createLabelSpace();
    expect(space.claim({ x: 10, y: 10, width: 200, height: 19 })).toBe(true);
    // Far apart cells of the grid, but the long box reaches across them.
    expect(space.claim({ x: 190, y: 20, width: 40, height: 19 })).toBe(false);
    expect(space.claim({ x: 210, y: 10, width: 40, height: 19 })).toBe(true);
    expect(space.claim({ x: 10, y: 29, width: 200, height: 19 })).toBe(true);
    expect(space.claim({ x: 100, y: 15, width: 10, height: 10 }, true)).toBe(true);
    space.reset();
    expect(space.claim({ x: 190, y: 20, width: 40, height: 19 })).toBe(true);
  });
});
