// The error an importer throws for a malformed or foreign input file. It names the file
// and, when it can, the record (an id) or the line, so the user can find and fix it.
import { ATTRIBUTE_DEPTH_MESSAGE, pathBeyondDepth } from '../model/attributeDepth';
import { formatFieldPath } from '../load/problems';

export interface ImportLocation {
  /** The input file's name as the user gave it (its base name). */
  file: string;
  /** 1-based line number in the file, when known. */
  line?: number;
  /** The record's id (node, edge or entity id) or position, when known. */
  record?: string;
}

export class ImportError extends Error {
  readonly location: ImportLocation;
  readonly detail: string;
  constructor(location: ImportLocation, detail: string) {
    super(formatImportLocation(location) + ': ' + detail);
    this.name = 'ImportError';
    this.location = location;
    this.detail = detail;
  }
}

/** `donations.csv: line 12: record "row 11"` — the parts that are known, in reading order. */
export function formatImportLocation(location: ImportLocation): string {
  const parts = [location.file];
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  if (location.record !== undefined) parts.push(`record ${JSON.stringify(location.record)}`);
  return parts.join(': ');
}

/** Refuses a record whose attributes nest deeper than the loader accepts (MAX_ATTRIBUTE_DEPTH), naming the field. */
export function refuseDeepAttributes(location: ImportLocation, attributes: Record<string, unknown> | undefined): void {
  const path = pathBeyondDepth(attributes);
  if (path)
    throw new ImportError(location, `field "${formatFieldPath(['attributes', ...path])}": ${ATTRIBUTE_DEPTH_MESSAGE}`);
}
