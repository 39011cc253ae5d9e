// The hint shown when a quote is not in its document.
import { findNearestPassage } from '../../../server/load/findNearestPassage';

describe('findNearestPassage', () => {
  const text = 'The report says the minister met the envoy in Rome. Later, the envoy left for Paris.';
  it('finds the passage sharing most words', () => {
    expect(findNearestPassage(text, 'the minister met an envoy in Rome')).toEqual({
      text: 'the minister met the envoy in Rome',
      start: 16,
      end: 50,
      overlap: 6 / 7,
    });
  });
  it('returns null when no word is shared', () => {
    expect(findNearestPassage(text, 'zebra quokka')).toBeNull();
  });
});
