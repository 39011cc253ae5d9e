// Checks of parameters against the loaded data, which the static schemas cannot make:
// node types, edge types and statuses come from the dataset's vocabulary (a user may
// extend it), document and entity ids from its records. Every problem is reported at once.
import type { GraphFilters } from '../model/api';
import type { Dataset } from '../model/dataset';
import { prefixEnd, prefixStart } from '../model/dates';
import { survivorOf } from '../model/entityRedirects';
import { NotFoundError, ValidationError, type FieldError } from './errors';
import { RedirectResult } from './route';

const MAX_LISTED = 30;

function expected(values: Iterable<string>): string {
  const list = [...values];
  return list.length > MAX_LISTED ? `${list.slice(0, MAX_LISTED).join(', ')}, …` : list.join(', ');
}

function checkList(
  errors: FieldError[],
  path: string,
  values: string[] | undefined,
  known: Map<string, unknown>,
  what: string,
  listKnown = true,
): void {
  for (const value of values ?? []) {
    if (!known.has(value))
      errors.push({
        path,
        message: `unknown ${what} "${value}"${listKnown ? `; expected one of ${expected(known.keys())}` : ''}`,
      });
  }
}

export function graphFilterErrors(
  filters: GraphFilters,
  dataset: Pick<Dataset, 'vocabulary' | 'documents'>,
): FieldError[] {
  const errors: FieldError[] = [];
  checkList(errors, 'nodeTypes', filters.nodeTypes, dataset.vocabulary.nodeTypes, 'node type');
  checkList(errors, 'edgeTypes', filters.edgeTypes, dataset.vocabulary.edgeTypes, 'edge type');
  checkList(errors, 'status', filters.status, dataset.vocabulary.statuses, 'status');
  checkList(errors, 'documents', filters.documents, dataset.documents, 'document', false);
  if (filters.from !== undefined && filters.to !== undefined && prefixEnd(filters.to) < prefixStart(filters.from)) {
    errors.push({ path: 'to', message: `${filters.to} is before from=${filters.from}` });
  }
  return errors;
}

/** Throws a ValidationError listing every problem of the filters and of `more`. */
export function checkGraphFilters(
  filters: GraphFilters,
  dataset: Pick<Dataset, 'vocabulary' | 'documents'>,
  more: FieldError[] = [],
): void {
  const errors = [...graphFilterErrors(filters, dataset), ...more];
  if (errors.length > 0) throw new ValidationError(errors);
}

export function nodeTypeErrors(
  path: string,
  values: string[] | undefined,
  dataset: Pick<Dataset, 'vocabulary'>,
): FieldError[] {
  const errors: FieldError[] = [];
  checkList(errors, path, values, dataset.vocabulary.nodeTypes, 'node type');
  return errors;
}

export function edgeTypeErrors(
  path: string,
  values: string[] | undefined,
  dataset: Pick<Dataset, 'vocabulary'>,
): FieldError[] {
  const errors: FieldError[] = [];
  checkList(errors, path, values, dataset.vocabulary.edgeTypes, 'edge type');
  return errors;
}

/** 404 naming the parameter when `id` is no entity of the dataset (saying where it went when it was merged away). */
export function requireEntity(dataset: Pick<Dataset, 'entities' | 'redirects'>, id: string, parameter: string): void {
  if (dataset.entities.has(id)) return;
  const survivor = survivorOf(dataset.redirects, id);
  const message =
    survivor === undefined
      ? `no entity with id "${id}"`
      : `no entity with id "${id}": it was merged into "${survivor}"`;
  throw new NotFoundError(message, [{ path: parameter, message }]);
}

/**
 * A 301 to the survivor's `/api/entities/{survivor}<rest>` when `id` is an entity merged
 * away, so links to it keep working; undefined otherwise.
 */
export function redirectIfMerged(dataset: Pick<Dataset, 'entities' | 'redirects'>, id: string, rest = '') {
  if (dataset.entities.has(id)) return undefined;
  const survivor = survivorOf(dataset.redirects, id);
  if (survivor === undefined) return undefined;
  return new RedirectResult(`/api/entities/${encodeURIComponent(survivor)}${rest}`, { id, mergedInto: survivor });
}
