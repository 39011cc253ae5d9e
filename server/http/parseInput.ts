// Input validation for a route: the query string and the path parameters against their
// zod schemas. A failure becomes a ValidationError naming every bad parameter; unknown
// parameters are named and the accepted ones listed, so a typo is easy to spot.
import type { z } from 'zod';
import { ValidationError, type FieldError } from './errors';
import type { QuerySchema } from './route';

function formatPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

export function parseInput<S extends QuerySchema>(schema: S, input: Record<string, unknown>, where: 'query' | 'path'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const accepted = Object.keys(schema.shape);
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        errors.push({
          path: key,
          message: accepted.length === 0 ? `unknown ${where} parameter; this route takes none` : `unknown ${where} parameter; expected one of ${accepted.join(', ')}`,
        });
      }
      continue;
    }
    const path = formatPath(issue.path);
    const missing = issue.code === 'invalid_type' && issue.path.length === 1 && input[String(issue.path[0])] === undefined;
    const repeated = issue.code === 'invalid_type' && Array.isArray(input[String(issue.path[0])]);
    errors.push({ path, message: missing ? 'is required' : repeated ? 'given more than once; give it once' : issue.message });
  }
  throw new ValidationError(errors);
}
