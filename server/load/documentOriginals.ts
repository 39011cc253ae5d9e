// Where the original file of a converted document (Markdown, a saved web page, a PDF) is
// kept: documents/originals/<id>.<ext>, beside the extracted text documents/<id>.txt that
// the loader reads and quotes are verified against. The store writes it before it journals
// the ingest; compaction leaves the folder as it is, so it survives both.
import fs from 'node:fs';
import path from 'node:path';

export const ORIGINALS_FOLDER = path.join('documents', 'originals');

/** The extensions an original is kept under, with the content type it is served as. */
export const ORIGINAL_CONTENT_TYPES: Record<string, string> = {
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

export interface DocumentOriginal {
  /** documents/originals/<id>.<ext>, relative to the data folder. */
  file: string;
  fileName: string;
  contentType: string;
  bytes: number;
}

export function originalFile(documentId: string, extension: string): string {
  return path.join(ORIGINALS_FOLDER, `${documentId}.${extension}`);
}

/** The original kept for a document, or undefined (a document that came as text has none). */
export function findOriginal(dataDir: string, documentId: string): DocumentOriginal | undefined {
  for (const [extension, contentType] of Object.entries(ORIGINAL_CONTENT_TYPES)) {
    const file = originalFile(documentId, extension);
    const stat = fs.statSync(path.join(dataDir, file), { throwIfNoEntry: false });
    if (stat?.isFile()) return { file, fileName: `${documentId}.${extension}`, contentType, bytes: stat.size };
  }
  return undefined;
}
