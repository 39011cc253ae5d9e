// The Add article form's text (client/src/curation/articleText.ts): the seeds' first line
// built from title, date and URL, the field problems in the form's words, a picked file
// read back into the fields, and the file name the server stores it under; and the
// loader reads the URL back from that first line (server/load/parseDocument.ts).
import {
  articleFileName,
  articleProblems,
  articleText,
  fieldsFromFile,
} from '../../../../client/src/curation/articleText';
import { parseDocument } from '../../../../server/load/parseDocument';

const fields = {
  title: " Musk in 'secret contact' with Putin ",
  date: '2024-10-25',
  url: 'https://example.org/musk',
  body: '\nFirst line of the body.\nSecond line.\n',
};

describe('the article text', () => {
  it('builds the first line " date YYYY-MM-DD Title url …" and keeps the body as given', () => {
    expect(articleText(fields)).toBe(
      " date 2024-10-25 Musk in 'secret contact' with Putin url https://example.org/musk\nFirst line of the body.\nSecond line.\n",
    );
    expect(articleText({ ...fields, url: '  ' })).toBe(
      " date 2024-10-25 Musk in 'secret contact' with Putin\nFirst line of the body.\nSecond line.\n",
    );
  });

  it('is read back by the loader with its title, date and URL', () => {
    const { document, problems } = parseDocument('documents/a.txt', articleText(fields));
    expect(problems).toEqual([]);
    expect(document).toEqual({
      id: 'a',
      date: '2024-10-25',
      title: "Musk in 'secret contact' with Putin",
      url: 'https://example.org/musk',
      text: 'First line of the body.\nSecond line.\n',
    });
    expect(parseDocument('documents/b.txt', ' date 2024-10-25 A title\nBody').document).toEqual({
      id: 'b',
      date: '2024-10-25',
      title: 'A title',
      text: 'Body',
    });
    expect(parseDocument('documents/c.txt', ' date 2024-10-25 A title url javascript:alert(1)\nBody').problems).toEqual(
      [{ file: 'documents/c.txt', field: 'url', message: 'expected an http(s) URL' }],
    );
  });

  it('says what is wrong, field by field', () => {
    expect(articleProblems({ title: '', date: '25/10/2024', url: 'example.org', body: ' \n' })).toEqual([
      { field: 'title', message: 'the title is empty' },
      { field: 'date', message: 'expected the date it was published as YYYY-MM-DD' },
      { field: 'url', message: 'expected an http(s) URL such as https://example.org/article' },
      { field: 'body', message: 'the article text is empty' },
    ]);
    expect(articleProblems({ ...fields, date: '2024-02-30' })).toEqual([
      { field: 'date', message: 'expected the date it was published as YYYY-MM-DD' },
    ]);
    expect(articleProblems({ ...fields, title: 'Grab the url now' })).toEqual([
      { field: 'title', message: 'the title must not end in "url" and a word: put the link under Source URL' },
    ]);
    expect(articleProblems(fields)).toEqual([]);
  });

  it('reads a picked file in the seeds’ format into the fields, and any other text as the body', () => {
    expect(fieldsFromFile('\ufeff date 2024-10-09 X back online url https://e.org/x\r\nBody text\n')).toEqual({
      date: '2024-10-09',
      title: 'X back online',
      url: 'https://e.org/x',
      body: 'Body text\n',
    });
    expect(fieldsFromFile(' date 2024-10-09 X back online\nBody')).toEqual({
      date: '2024-10-09',
      title: 'X back online',
      url: '',
      body: 'Body',
    });
    expect(fieldsFromFile('Just an article.\nNo header.')).toEqual({ body: 'Just an article.\nNo header.' });
  });

  it('names the file after the picked one, else after the date and the title’s words', () => {
    expect(articleFileName(fields, 'C:\\news\\107 some article.TXT')).toBe('107-some-article.txt');
    expect(articleFileName(fields)).toBe('2024-10-25_musk-in-secret-contact-with-putin.txt');
    expect(
      articleFileName({
        title: "X back online in Brazil after Musk's company yields to Justice Moraes",
        date: '2024-10-09',
      }),
    ).toBe('2024-10-09_x-back-online-in-brazil-after-musk-s-company-yields-to.txt');
    expect(articleFileName({ title: 'Путин', date: '2024-10-09' })).toBeUndefined();
    expect(articleFileName({ title: 'Путин', date: '2024-10-09' }, '__.txt')).toBeUndefined();
  });
});
