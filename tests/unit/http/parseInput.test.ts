// The one helper that turns zod's issues into {path, message} field errors
// (server/http/parseInput.ts), in the words of where the input came from.
import { z } from 'zod';
import { fieldErrors, parseBody, parseInput } from '../../../server/http/parseInput';

const query = z.strictObject({ depth: z.coerce.number().int().min(1).max(3), q: z.string() });
const body = z.strictObject({
  text: z.string().min(1, { error: 'the article text is empty' }),
  subject: z.union([z.string(), z.strictObject({ name: z.string() })]).optional(),
});

function issues(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return result.error.issues;
}

describe('fieldErrors', () => {
  it('names an unknown query or path parameter with those accepted', () => {
    const input = { depth: '2', q: 'x', dpth: '3' };
    expect(fieldErrors(issues(query, input), 'query', input, ['depth', 'q'])).toEqual([
      { path: 'dpth', message: 'unknown query parameter; expected one of depth, q' },
    ]);
    expect(fieldErrors(issues(z.strictObject({}), { v: '2' }), 'path', { v: '2' })).toEqual([
      { path: 'v', message: 'unknown path parameter; this route takes none' },
    ]);
  });

  it('says a missing parameter is required and a repeated one is given more than once', () => {
    const input = { depth: '9', q: ['a', 'b'] };
    expect(fieldErrors(issues(query, input), 'query', input, ['depth', 'q'])).toEqual([
      { path: 'depth', message: 'Too big: expected number to be <=3' },
      { path: 'q', message: 'given more than once; give it once' },
    ]);
    expect(fieldErrors(issues(query, { depth: '1' }), 'query', { depth: '1' }, ['depth', 'q'])).toEqual([
      { path: 'q', message: 'is required' },
    ]);
  });

  it('names a body field a client may not set, a body that is no object, and the entity union', () => {
    const input = { text: '', id: 'mine', subject: 42 };
    expect(fieldErrors(issues(body, input), 'body', input)).toEqual([
      { path: 'text', message: 'the article text is empty' },
      {
        path: 'subject',
        message: 'expected an entity id, or a new entity {name, type, kind?, aliases?, description?, countryCode?}',
      },
      { path: 'id', message: 'unknown field: it cannot be set by a client' },
    ]);
    expect(fieldErrors(issues(body, [1]), 'body', [1])).toEqual([{ path: '', message: 'expected a JSON object' }]);
    expect(fieldErrors(issues(body, { text: 'x', subject: { name: 'n', id: 'i' } }), 'body', {})).toEqual([
      { path: 'subject.id', message: 'unknown field: it cannot be set by a client' },
    ]);
  });

  it('is what parseInput and parseBody throw, as 400 problems of their kind', () => {
    expect(() => parseInput(query, { depth: '1', q: 'x', z: '1' }, 'query')).toThrow(
      expect.objectContaining({
        status: 400,
        type: 'urn:claimgraph:problem:invalid-parameter',
        message: 'z: unknown query parameter; expected one of depth, q',
      }),
    );
    expect(() => parseBody(body, { text: 'x', id: 'mine' })).toThrow(
      expect.objectContaining({
        status: 400,
        type: 'urn:claimgraph:problem:invalid-body',
        message: 'id: unknown field: it cannot be set by a client',
      }),
    );
    expect(parseInput(query, { depth: '2', q: 'x' }, 'query')).toEqual({ depth: 2, q: 'x' });
  });
});
