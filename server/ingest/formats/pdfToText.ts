// A PDF → the seeds' format: the text layer read with unpdf (pdf.js for servers, no
// canvas; pdfTextLayer.ts), its runs grouped into lines by height on the page, lines joined into
// paragraphs where the gap between them is no wider than the usual line gap, page
// numbers left out. The title and date are the Info dictionary's, else the first line
// is the title. A PDF without a text layer (a scan) is refused: it needs OCR first.
import { DocumentFormatError } from './documentFormat';
import { readPdfTextLayer, type TextRun } from './pdfTextLayer';
import { isoDateOf, seedsText, type DocumentHeader } from './seedsText';

interface Line {
  y: number;
  text: string;
  page: number;
}

const PAGE_NUMBER = /^(page\s+)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i;

function linesOf(pages: readonly TextRun[][]): Line[] {
  const lines: Line[] = [];
  pages.forEach((runs, index) => {
    const byHeight = new Map<number, TextRun[]>();
    for (const run of runs) {
      const y = Math.round(run.y);
      byHeight.set(y, [...(byHeight.get(y) ?? []), run]);
    }
    const pageLines = [...byHeight.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([y, onLine]) => ({
        y,
        page: index + 1,
        text: onLine
          .sort((a, b) => a.x - b.x)
          .map((run) => run.text)
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      }))
      .filter((line) => !PAGE_NUMBER.test(line.text));
    lines.push(...pageLines);
  });
  return lines;
}

/** Lines → paragraphs: a gap wider than the usual line gap, or a page break after a finished sentence, ends one. */
function paragraphsOf(lines: readonly Line[]): string[] {
  const gaps = lines.slice(1).flatMap((line, i) => (line.page === lines[i].page ? [lines[i].y - line.y] : []));
  const usual = gaps.length === 0 ? 0 : [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 4)];
  const paragraphs: string[][] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const newPage = previous !== undefined && previous.page !== line.page;
    const ends =
      previous === undefined || (newPage ? /[.!?"”’:)]$/.test(previous.text) : previous.y - line.y > usual * 1.4 + 0.5);
    if (ends) paragraphs.push([line.text]);
    else paragraphs[paragraphs.length - 1].push(line.text);
  });
  return paragraphs.map((words) => words.join(' '));
}

export async function pdfToText(label: string, bytes: Uint8Array, given: DocumentHeader): Promise<string> {
  const layer = await readPdfTextLayer(label, bytes);
  const lines = linesOf(layer.pages);
  if (lines.length === 0)
    throw new DocumentFormatError(
      `${label} has no text layer (a scanned PDF?): run OCR first (for example \`ocrmypdf in.pdf out.pdf\`), then send the PDF it writes`,
    );
  const found: DocumentHeader = { title: layer.info.title, date: isoDateOf(layer.info.creationDate) };
  const title = given.title ?? found.title;
  const body = title === undefined ? lines.slice(1) : lines;
  if (title === undefined) found.title = lines[0].text;
  else if (body[0]?.text === title.replace(/\s+/g, ' ').trim()) body.shift();
  return seedsText(label, found, given, paragraphsOf(body));
}
