// The import format a file's name says, so `claimgraph import java.gexf --out DIR` needs no
// --format: .gexf, .graphml, .csv/.tsv, FollowTheMoney's .ftm.json/.ijson, other .json as
// graph JSON. Standard input and other names say nothing: --format is needed for them.
import type { ImportFormat } from './importData';

const BY_ENDING: Array<[string, ImportFormat]> = [
  ['.ftm.json', 'ftm'],
  ['.ijson', 'ftm'],
  ['.gexf', 'gexf'],
  ['.graphml', 'graphml'],
  ['.csv', 'csv'],
  ['.tsv', 'csv'],
  ['.json', 'json'],
];

/** The format every file's name points to, or undefined when one says nothing or they disagree. */
export function formatOfFiles(files: readonly string[]): ImportFormat | undefined {
  const formats = new Set(files.map((file) => BY_ENDING.find(([ending]) => file.toLowerCase().endsWith(ending))?.[1]));
  if (formats.size !== 1) return undefined;
  return [...formats][0];
}
