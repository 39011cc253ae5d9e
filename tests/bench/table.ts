// Plain-text tables for the benchmark report (also pasted into README.md as Markdown).
export function markdownTable(header: string[], rows: Array<Array<string | number>>): string {
  const cells = rows.map((row) => row.map(String));
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.map(line)].join('\n');
}

export const seconds = (ms: number | undefined) => (ms === undefined ? '—' : (ms / 1000).toFixed(2));
export const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
export const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '—');
export const count = (n: number) =>
  n >= 1e6
    ? `${(n / 1e6).toFixed(n % 1e6 === 0 ? 0 : 2)}M`
    : n >= 1e3
      ? `${(n / 1e3).toFixed(n % 1e3 === 0 ? 0 : 1)}k`
      : String(n);
