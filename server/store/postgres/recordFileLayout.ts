// How a data folder's records file is laid out as text, so that `db export` writes it back
// byte for byte and the folder keeps its version (the content hash of its bytes): two-space
// indented (compact and import write it), one record per line (generate writes it), or one
// line; each with or without a final newline. A file in none of these is written indented,
// and its folder gets a new version.
export const RECORD_FILE_LAYOUTS = ['indented', 'lines', 'compact'] as const;
export type RecordFileLayout = (typeof RECORD_FILE_LAYOUTS)[number];

export interface RecordFileFormat {
  layout: RecordFileLayout;
  finalNewline: boolean;
}

/** The format compaction and the importers write. */
export const DEFAULT_RECORD_FILE_FORMAT: RecordFileFormat = { layout: 'indented', finalNewline: true };

/** `texts`: each record of an array's JSON text, when the caller has them already. */
function formatCore(layout: RecordFileLayout, value: unknown, texts?: readonly string[]): string {
  const records = () => texts ?? (value as unknown[]).map((record) => JSON.stringify(record));
  if (layout === 'compact') return Array.isArray(value) ? `[${records().join(',')}]` : JSON.stringify(value);
  if (layout === 'lines' && Array.isArray(value)) return value.length === 0 ? '[]' : `[\n${records().join(',\n')}\n]`;
  return JSON.stringify(value, null, 2);
}

export function formatRecordFile(format: RecordFileFormat, value: unknown, texts?: readonly string[]): string {
  return `${formatCore(format.layout, value, texts)}${format.finalNewline ? '\n' : ''}`;
}

/** The format that gives back `text` from `value` (JSON.parse of it), else undefined. */
export function detectRecordFileFormat(
  text: string,
  value: unknown,
  texts?: readonly string[],
): RecordFileFormat | undefined {
  const finalNewline = text.endsWith('\n');
  const core = finalNewline ? text.slice(0, -1) : text;
  // The first characters tell which layout to try; one formatting is then compared.
  const layout: RecordFileLayout =
    core.startsWith('[\n  ') || core.startsWith('{\n') || core === '[]'
      ? 'indented'
      : core.startsWith('[\n')
        ? 'lines'
        : 'compact';
  return formatCore(layout, value, texts) === core ? { layout, finalNewline } : undefined;
}
