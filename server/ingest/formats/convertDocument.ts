// One entry for every format: the file's bytes → the seeds' format text the extractor and
// the store take. Plain text passes as it is (it carries its own first line).
import { DocumentFormatError, type DocumentFormat } from './documentFormat';
import { htmlToText } from './htmlToText';
import { markdownToText } from './markdownToText';
import { pdfToText } from './pdfToText';
import type { DocumentHeader } from './seedsText';

export async function convertDocument(
  label: string,
  bytes: Uint8Array,
  format: DocumentFormat,
  given: DocumentHeader = {},
): Promise<string> {
  const utf8 = () => new TextDecoder('utf-8').decode(bytes);
  switch (format) {
    case 'text':
      if (Object.values(given).some((value) => value !== undefined))
        throw new DocumentFormatError(
          `${label}: a text document has its date, title and URL on its first line; the title, date and url options are for markdown, html and pdf`,
        );
      return utf8();
    case 'markdown':
      return markdownToText(label, utf8(), given);
    case 'html':
      return htmlToText(label, utf8(), given);
    case 'pdf':
      return pdfToText(label, bytes, given);
  }
}
