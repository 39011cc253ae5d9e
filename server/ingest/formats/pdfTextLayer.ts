// Reads a PDF's text layer (its text runs, with their place on the page) and its Info
// dictionary with unpdf, in a worker thread of its own: a hostile or huge PDF then costs
// one refused document, within a heap and a time limit, never the process. The worker is
// plain JavaScript that loads unpdf through Node's own module loader (unpdf's pdf.js
// bundle is an ES module, loaded on demand).
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DocumentFormatError } from './documentFormat';

export interface TextRun {
  text: string;
  x: number;
  y: number;
}

export interface PdfTextLayer {
  /** Each page's text runs, pages in order. */
  pages: TextRun[][];
  info: { title?: string; creationDate?: string };
}

/** How long one PDF may take to read, and the heap its worker may use. */
export const PDF_READ_LIMITS = { timeMs: 60_000, heapMb: 256 };

const READ_IN_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { getDocumentProxy } = await import(workerData.unpdf);
  const pdf = await getDocumentProxy(workerData.bytes, { isEvalSupported: false });
  const pages = [];
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    pages.push(content.items.filter((item) => 'str' in item && item.str.trim() !== '')
      .map((item) => ({ text: item.str, x: item.transform[4], y: item.transform[5] })));
  }
  const info = (await pdf.getMetadata()).info || {};
  await pdf.destroy();
  const text = (value) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
  parentPort.postMessage({ pages, info: { title: text(info.Title), creationDate: text(info.CreationDate) } });
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

export function readPdfTextLayer(label: string, bytes: Uint8Array): Promise<PdfTextLayer> {
  const unpdf = pathToFileURL(require.resolve('unpdf').replace(/index\.cjs$/, 'index.mjs')).href;
  const worker = new Worker(READ_IN_WORKER, {
    eval: true,
    // A copy: pdf.js takes its buffer over, the caller keeps the original.
    workerData: { unpdf, bytes: new Uint8Array(bytes) },
    resourceLimits: { maxOldGenerationSizeMb: PDF_READ_LIMITS.heapMb },
  });
  return new Promise<PdfTextLayer>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new DocumentFormatError(`${label}: reading the PDF took longer than ${PDF_READ_LIMITS.timeMs / 1000} s`));
      void worker.terminate();
    }, PDF_READ_LIMITS.timeMs);
    worker.once('message', (reply: PdfTextLayer | { error: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if ('error' in reply) reject(new DocumentFormatError(`${label} is not a PDF that can be read: ${reply.error}`));
      else resolve(reply);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(new DocumentFormatError(`${label} could not be read as a PDF: ${error.message}`));
    });
  });
}
