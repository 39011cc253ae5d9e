// Benchmark 4: every export format of the whole graph, each in its own process: time,
// peak extra memory, MB/s and the longest single string, streamed; beside JSON.stringify
// of the same SerializedGraph and graphology-gexf's writer.
import { exportFormats } from '../../server/export';
import type { ExportResult } from './childTasks';
import { runChild } from './runChild';

export interface ExportRow extends ExportResult {
  mbPerS: number;
}

/** Formats, then the two baselines: `json-stringify` and `gexf` rendered by graphology-gexf in one string. */
export function exportPlan(): Array<{ name: string; mode: 'stream' | 'string' }> {
  return [
    ...exportFormats.map((format) => ({ name: format.name, mode: 'stream' as const })),
    { name: 'json-stringify', mode: 'string' },
    { name: 'gexf-graphology', mode: 'string' },
  ];
}

export async function measureExports(dataDir: string, log: (line: string) => void): Promise<ExportRow[]> {
  const rows: ExportRow[] = [];
  for (const { name, mode } of exportPlan()) {
    let result: ExportResult;
    try {
      result = await runChild<ExportResult>('export', [dataDir, name, mode]);
    } catch (error) {
      result = {
        format: name,
        mode,
        ms: 0,
        bytes: 0,
        peakExtraRssBytes: 0,
        longestStringChars: 0,
        error: (error as Error).message.slice(0, 200),
      };
    }
    const row = { ...result, mbPerS: result.ms > 0 ? result.bytes / 2 ** 20 / (result.ms / 1000) : 0 };
    log(
      `  export ${name} (${mode}): ${result.error ? `failed: ${result.error}` : `${(row.ms / 1000).toFixed(2)} s, ${row.mbPerS.toFixed(1)} MB/s`}`,
    );
    rows.push(row);
  }
  return rows;
}
