// "Add article": a dialog to paste an article or pick a .txt file, with its title,
// publication date and source URL, from which the seeds' first line is built
// (curation/articleText.ts). Sent to POST /api/documents; its proposals then open in the
// review panel. Problems are said beside the form, field by field or in the server's words.
import {
  articleFileName,
  articleProblems,
  articleText,
  fieldsFromFile,
  type ArticleFields,
} from '../curation/articleText';
import { ingestArticle } from '../curationApi';
import type { Curator } from '../curator';
import { button, el } from './dom';
import { errorText, field, textArea, textInput, writeStatus } from './formKit';
import { storedToken } from '../writeToken';

export interface ArticleDialog {
  element: HTMLDialogElement;
  open(): void;
}

export function createArticleDialog(curator: Curator): ArticleDialog {
  const title = textInput('title');
  const date = textInput('date', '', { placeholder: 'YYYY-MM-DD' });
  const url = textInput('url', '', { type: 'url', placeholder: 'https://…' });
  const body = textArea('body', '', 12);
  const file = el('input', { attrs: { type: 'file', name: 'file', accept: '.txt,text/plain' } });
  const status = writeStatus();
  let pickedName: string | undefined;

  file.addEventListener('change', () => {
    const picked = file.files?.[0];
    if (!picked) return;
    picked.text().then(
      (text) => {
        const fields = fieldsFromFile(text);
        pickedName = picked.name;
        body.value = fields.body;
        if (fields.title !== undefined) title.value = fields.title;
        if (fields.date !== undefined) date.value = fields.date;
        if (fields.url !== undefined) url.value = fields.url;
        status.say(
          fields.title !== undefined
            ? `Read ${picked.name}: its first line gave the title and date.`
            : `Read ${picked.name} as the article's text: give its title and date.`,
        );
      },
      (error: unknown) => status.say(`Could not read ${picked.name}: ${errorText(error)}`, 'error'),
    );
  });

  const values = (): ArticleFields => ({ title: title.value, date: date.value, url: url.value, body: body.value });
  const send = button('Add article', () => submit(), { attrs: { id: 'article-submit' } });
  function submit(): void {
    const fields = values();
    const problems = articleProblems(fields);
    if (problems.length > 0) {
      status.say(problems.map((p) => `${p.field}: ${p.message}`).join('; '), 'error');
      return;
    }
    send.disabled = true;
    status.say('Storing the article and extracting its claims…');
    ingestArticle(articleText(fields), articleFileName(fields, pickedName), storedToken()).then(
      (result) => {
        send.disabled = false;
        const count = result.proposals.length;
        const stored = result.created ? 'Stored' : 'Already stored';
        const text = `${stored} “${result.document.title}” (${result.document.id}): ${count} proposed claim${count === 1 ? '' : 's'} to review.`;
        dialog.close();
        reset();
        curator.announce(text);
        curator.openReview(result.proposals.find((p) => p.status === 'pending')?.id);
      },
      (error: unknown) => {
        send.disabled = false;
        status.say(`Not stored: ${errorText(error)}`, 'error');
      },
    );
  }
  function reset(): void {
    for (const input of [title, date, url, body]) input.value = '';
    file.value = '';
    pickedName = undefined;
    status.clear();
  }

  const dialog = el(
    'dialog',
    { className: 'article-dialog', attrs: { id: 'article-dialog', 'aria-labelledby': 'article-title' } },
    el(
      'form',
      { className: 'article-form', on: { submit: (event) => event.preventDefault() } },
      el('h2', { attrs: { id: 'article-title' } }, 'Add an article'),
      el(
        'p',
        { className: 'hint' },
        'Paste the text or pick a .txt file. The extractor proposes claims; you review them next.',
      ),
      field('Text file', file),
      field('Title', title),
      field('Published on', date),
      field('Source URL', url),
      field('Text', body),
      el(
        'div',
        { className: 'form-actions' },
        send,
        button('Cancel', () => dialog.close(), { className: 'secondary', attrs: { id: 'article-cancel' } }),
      ),
      status.element,
    ),
  );
  return {
    element: dialog,
    open() {
      dialog.showModal();
      title.focus();
    },
  };
}
