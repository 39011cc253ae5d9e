// Malformed JSON must point at line and column, whatever V8's own message says.
import { locateJsonError } from '../../../server/load/locateJsonError';

describe('locateJsonError', () => {
  it('accepts valid JSON', () => {
    expect(locateJsonError('[{"a": 1, "b": [true, false, null, "x\\n", -1.5e3]}]')).toBeNull();
  });
  it('points at a missing comma', () => {
    expect(locateJsonError('[\n  {"a": 1\n   "b": 2}\n]')).toEqual({
      line: 3,
      column: 4,
      message: `malformed JSON: expected ',' or '}' after the property value but found "\\""`,
    });
  });
  it('points at a trailing comma', () => {
    expect(locateJsonError('[1, 2,]')).toEqual({
      line: 1,
      column: 7,
      message: 'malformed JSON: expected a value but found "]"',
    });
  });
  it('reports an unterminated file', () => {
    expect(locateJsonError('{"a": [1, 2')).toEqual({
      line: 1,
      column: 12,
      message: "malformed JSON: expected ',' or ']' after the array element but found the end of the file",
    });
  });
  it('refuses single-quoted property names', () => {
    expect(locateJsonError("{'a': 1}")).toEqual({
      line: 1,
      column: 2,
      message: `malformed JSON: expected a property name in double quotes but found "'"`,
    });
  });
  it('refuses text after the value', () => {
    expect(locateJsonError('[] []')?.message).toBe('malformed JSON: expected the end of the file but found "["');
  });
});
