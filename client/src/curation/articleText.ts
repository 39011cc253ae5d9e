// An article as POST /api/documents takes it, in the seeds' format: the first line
// " date YYYY-MM-DD Title", ending in " url https://…" when the source is known, then the
// body. Built from the Add article form's fields, checked field by field first so the
// form can say what is wrong where; a picked .txt already in that format fills the form.
import { isValidIsoPrefix } from '../../../server/model/datePrefixes';

export interface ArticleFields {
  title: string;
  date: string;
  url: string;
  body: string;
}

export interface FieldProblem {
  field: keyof ArticleFields;
  message: string;
}

const HEADER = /^\s*date\s+(\S+)\s+(.+?)(?:\s+url\s+(\S+))?\s*$/;

/** The problems of the form's fields, in the form's order; none: the article can be built. */
export function articleProblems(fields: ArticleFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const title = fields.title.trim();
  if (title === '') problems.push({ field: 'title', message: 'the title is empty' });
  else if (/[\r\n]/.test(title)) problems.push({ field: 'title', message: 'the title must be one line' });
  else if (/\surl\s+\S+$/.test(` ${title}`))
    problems.push({
      field: 'title',
      message: 'the title must not end in "url" and a word: put the link under Source URL',
    });
  const date = fields.date.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !isValidIsoPrefix(date))
    problems.push({ field: 'date', message: 'expected the date it was published as YYYY-MM-DD' });
  const url = fields.url.trim();
  if (url !== '' && !/^https?:\/\/\S+$/i.test(url))
    problems.push({ field: 'url', message: 'expected an http(s) URL such as https://example.org/article' });
  if (fields.body.trim() === '') problems.push({ field: 'body', message: 'the article text is empty' });
  return problems;
}

/** The article's text: the header line, then the body as given (its line breaks kept). */
export function articleText(fields: ArticleFields): string {
  const url = fields.url.trim();
  const header = ` date ${fields.date.trim()} ${fields.title.trim()}${url === '' ? '' : ` url ${url}`}`;
  const body = fields.body.replace(/^(?:\r?\n)+/, '');
  return `${header}\n${body}`;
}

/** A .txt already in the seeds' format gives every field; any other text is the body alone. */
export function fieldsFromFile(text: string): Partial<ArticleFields> & { body: string } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const newline = source.indexOf('\n');
  const first = (newline === -1 ? source : source.slice(0, newline)).replace(/\r$/, '');
  const header = HEADER.exec(first);
  if (!header) return { body: source };
  return {
    date: header[1],
    title: header[2],
    url: header[3] ?? '',
    body: newline === -1 ? '' : source.slice(newline + 1),
  };
}

/** A file name the server takes (ARTICLE_FILE_NAME): letters, digits, ".", "_", "-", starting with a letter or digit. */
function safeFileName(stem: string): string | undefined {
  const safe = stem
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 140)
    .replace(/[-._]+$/, '');
  return safe === '' ? undefined : `${safe}.txt`;
}

/**
 * The file name to store it under (its stem is the document id): the picked file's, else
 * the date and the title's words ("2024-10-25_musk-in-secret-contact.txt"); undefined
 * when neither gives one (the server then names it by the text's hash).
 */
export function articleFileName(
  fields: Pick<ArticleFields, 'title' | 'date'>,
  pickedFile?: string,
): string | undefined {
  if (pickedFile !== undefined) {
    const stem = pickedFile.replace(/^.*[\\/]/, '').replace(/\.txt$/i, '');
    const picked = safeFileName(stem);
    if (picked) return picked;
  }
  const words = fields.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // At most 60 characters, cut between words when the title is longer.
  const cut = words.length <= 60 ? words : words.slice(0, 61).replace(/-[^-]*$/, '') || words.slice(0, 60);
  return cut === '' ? undefined : safeFileName(`${fields.date.trim()}_${cut}`);
}
