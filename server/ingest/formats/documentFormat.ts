// The formats a document may come in (plain text in the seeds' format, Markdown, a saved
// web page, PDF), how each is recognised from a file name or a Content-Type, and the one
// error every conversion throws, with a message that says what to do.
export const DOCUMENT_FORMATS = ['text', 'markdown', 'html', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** The formats whose original file is kept beside the extracted text, by the extension it is kept under. */
export const ORIGINAL_EXTENSIONS: Record<Exclude<DocumentFormat, 'text'>, string> = {
  markdown: 'md',
  html: 'html',
  pdf: 'pdf',
};

const BY_EXTENSION: Record<string, DocumentFormat> = {
  txt: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  pdf: 'pdf',
};

export const CONTENT_TYPES: Record<DocumentFormat, string> = {
  text: 'text/plain',
  markdown: 'text/markdown',
  html: 'text/html',
  pdf: 'application/pdf',
};

/** A document that cannot be turned into text: the message names the file and what to do. */
export class DocumentFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentFormatError';
  }
}

/** The format a file name's extension says, or undefined (then the caller says which). */
export function formatFromFileName(fileName: string): DocumentFormat | undefined {
  const extension = /\.([A-Za-z]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : BY_EXTENSION[extension];
}

/** The format of a Content-Type (parameters such as charset ignored), or undefined. */
export function formatFromContentType(contentType: string): DocumentFormat | undefined {
  const type = contentType.split(';')[0].trim().toLowerCase();
  return (Object.keys(CONTENT_TYPES) as DocumentFormat[]).find((format) => CONTENT_TYPES[format] === type);
}
