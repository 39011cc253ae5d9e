// The export formats, by name. Each renders the (already filtered) graph with its
// citations kept. Used by the CLI's `export` command and the API's /api/export route.
import type { EvidenceGraph } from '../graph/buildGraph';
import { exportJson } from './json';

export interface ExportFormat {
  /** The value of --format and ?format=. */
  name: string;
  contentType: string;
  /** File name extension, without the dot. */
  extension: string;
  render(graph: EvidenceGraph): string;
}

export const exportFormats: ExportFormat[] = [
  { name: 'json', contentType: 'application/json; charset=utf-8', extension: 'json', render: exportJson },
];

export function findExportFormat(name: string): ExportFormat | undefined {
  return exportFormats.find((format) => format.name === name);
}
