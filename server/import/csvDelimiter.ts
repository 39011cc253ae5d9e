// Which character separates the fields of a CSV file. Spreadsheets export with the
// locale's list separator: a comma in English, a semicolon where the comma is the decimal
// mark (most of Europe), a tab for "text (tab delimited)". The header line says which:
// the candidate found most often outside quotes wins, a comma when none is found.

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;

/** The header line: the text up to the first line break outside quotes. */
function headerLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return text.slice(0, i);
  }
  return text;
}

/** How often each candidate occurs outside quotes in the header; ties go to the earlier one in CSV_DELIMITERS. */
export function detectDelimiter(text: string): string {
  const header = headerLine(text.replace(/^\uFEFF/, ''));
  const counts = new Map<string, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const c of header) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best: string = ',';
  for (const d of CSV_DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}
