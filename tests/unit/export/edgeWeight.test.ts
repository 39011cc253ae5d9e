// An edge's exported weight: its claims' own imported `weight`, 1 for a claim without one.
import { edgeWeight } from '../../../server/export/flatAttributes';
import type { EdgeAttributes, EdgeClaim } from '../../../server/model/graph';

const claim = (attributes?: Record<string, unknown>): EdgeClaim => ({
  id: 'c',
  subject: 'a',
  object: 'b',
  stance: 'asserts',
  ...(attributes ? { attributes } : {}),
});
const edge = (claims: EdgeClaim[]) => ({ claims }) as EdgeAttributes;

describe('edgeWeight', () => {
  it('is the claim count for claims of our own', () => {
    expect(edgeWeight(edge([claim(), claim(), claim()]))).toBe(3);
  });

  it("sums the claims' imported weights, 1 for a claim without one", () => {
    expect(edgeWeight(edge([claim({ weight: 8 })]))).toBe(8);
    expect(edgeWeight(edge([claim({ weight: 2.5 }), claim({ cooccurrence: 4 }), claim({ weight: 0 })]))).toBe(3.5);
  });

  it('counts 1 for a weight that is not a finite number', () => {
    expect(edgeWeight(edge([claim({ weight: '8' }), claim({ weight: Number.NaN }), claim({ weight: null })]))).toBe(3);
  });
});
