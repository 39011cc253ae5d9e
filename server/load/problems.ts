// Load problems: what went wrong, in which file, at which record and field. The loader
// collects every problem before failing so a user fixes a broken folder in one pass.
export interface LoadProblem {
  /** Path of the file relative to the data folder, e.g. "claims.json" or "documents/x.txt". */
  file: string;
  /** Index of the record in its file's array, when the problem is in one record. */
  index?: number;
  /** The record's id, when it has one. */
  id?: string;
  /** Field path inside the record, e.g. "aliases[0]". */
  field?: string;
  /** Line and column (1-based) for syntax errors. */
  line?: number;
  column?: number;
  message: string;
}

/** One line per problem: `claims.json: record [3] id "c4": field "date": expected …`. */
export function formatProblem(problem: LoadProblem): string {
  const parts: string[] = [
    problem.line !== undefined ? `${problem.file}:${problem.line}:${problem.column ?? 1}` : problem.file,
  ];
  if (problem.index !== undefined)
    parts.push(`record [${problem.index}]${problem.id !== undefined ? ` id "${problem.id}"` : ''}`);
  else if (problem.id !== undefined) parts.push(`id "${problem.id}"`);
  if (problem.field) parts.push(`field "${problem.field}"`);
  parts.push(problem.message);
  return parts.join(': ');
}

/** Thrown when a data folder cannot be loaded; carries every problem found. */
export class DataIntegrityError extends Error {
  readonly problems: LoadProblem[];
  constructor(problems: LoadProblem[]) {
    super(
      `the data folder has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map(formatProblem).join('\n')}`,
    );
    this.name = 'DataIntegrityError';
    this.problems = problems;
  }
}

/** Renders a zod issue path as `aliases[0]` or `record.file`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
