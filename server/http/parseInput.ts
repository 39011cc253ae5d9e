// Input validation for a route: the query string, the path parameters and the body
// against their zod schemas. One helper (fieldErrors) turns zod's issues into
// {path, message} field errors, in the words of where they were found: an unknown
// parameter is named with the accepted ones listed, so a typo is easy to spot; an
// unknown body field is named as one a client may not set (mass assignment).
import type { z } from 'zod';
import { InvalidBodyError, ValidationError, type FieldError } from './errors';
import type { QuerySchema } from './route';

export type InputPlace = 'query' | 'path' | 'body';

function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Zod's issues as field errors. `input` is what was parsed; `accepted` the parameters a query or path takes. */
export function fieldErrors(
  issues: readonly z.core.$ZodIssue[],
  where: InputPlace,
  input: unknown,
  accepted: readonly string[] = [],
): FieldError[] {
  const errors: FieldError[] = [];
  const given = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        if (where === 'body')
          errors.push({
            path: formatPath([...issue.path, key]),
            message: 'unknown field: it cannot be set by a client',
          });
        else
          errors.push({
            path: key,
            message:
              accepted.length === 0
                ? `unknown ${where} parameter; this route takes none`
                : `unknown ${where} parameter; expected one of ${accepted.join(', ')}`,
          });
      }
      continue;
    }
    const path = formatPath(issue.path);
    if (where === 'body') {
      if (issue.code === 'invalid_type' && issue.path.length === 0)
        errors.push({ path: '', message: 'expected a JSON object' });
      // The one union a body has: an entity given by id, or a new one.
      else if (issue.code === 'invalid_union' && issue.path.length > 0)
        errors.push({
          path,
          message: 'expected an entity id, or a new entity {name, type, kind?, aliases?, description?, countryCode?}',
        });
      else errors.push({ path, message: issue.message });
      continue;
    }
    const missing =
      issue.code === 'invalid_type' && issue.path.length === 1 && given[String(issue.path[0])] === undefined;
    const repeated = issue.code === 'invalid_type' && Array.isArray(given[String(issue.path[0])]);
    errors.push({
      path,
      message: missing ? 'is required' : repeated ? 'given more than once; give it once' : issue.message,
    });
  }
  return errors;
}

export function parseInput<S extends QuerySchema>(
  schema: S,
  input: Record<string, unknown>,
  where: 'query' | 'path',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(fieldErrors(result.error.issues, where, input, Object.keys(schema.shape)));
}

/** A strict body schema's failure as field errors; unknown fields (ids, status…) are named and refused. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  throw new InvalidBodyError(fieldErrors(result.error.issues, 'body', body));
}
