// Possible duplicates of the selected entity (GET /api/entities/{id}/duplicates): each
// candidate with its score and the reasons in words, and two answers. **Merge** opens the
// merge confirmation (the candidate into this entity; it offers the other way round);
// **Not the same** records the judgement (POST /api/entities/{id}/not-same) and takes
// the candidate off the list: the pair is not proposed again until the judgement is undone.
import type { DuplicatesResponse } from '../../../server/model/duplicatesApi';
import { entityName, type App } from '../app';
import { judgementDone, scoreText } from '../curation/mergeText';
import { fetchDuplicates, judgeNotSame } from '../curationApi';
import type { Curator } from '../curator';
import { button, el, replaceChildren } from './dom';
import { errorText, field, textInput, writeStatus } from './formKit';
import { openMergeConfirmation } from './mergeConfirm';
import { storedToken } from '../writeToken';

type Candidate = DuplicatesResponse['candidates'][number];

const heading = (count: number) => `Possible duplicates (${count})`;

export function renderDuplicates(app: App, id: string, curator: Curator): HTMLElement {
  const section = el(
    'section',
    { className: 'duplicates', attrs: { 'aria-busy': 'true', 'aria-label': 'Possible duplicates' } },
    el('h4', {}, 'Possible duplicates'),
    el('p', { className: 'loading' }, 'Looking for possible duplicates…'),
  );
  fetchDuplicates(id).then(
    (found) => showCandidates(app, id, found, curator, section),
    (error: unknown) => {
      section.setAttribute('aria-busy', 'false');
      replaceChildren(
        section,
        el('h4', {}, 'Possible duplicates'),
        el('p', { className: 'error' }, `Could not look for duplicates: ${errorText(error)}`),
      );
    },
  );
  return section;
}

function showCandidates(app: App, id: string, found: DuplicatesResponse, curator: Curator, section: HTMLElement): void {
  const entity = { id, name: entityName(app, id) };
  const title = el('h4', {}, heading(found.candidates.length));
  const list = el('ol', { className: 'duplicate-list', attrs: { 'aria-label': 'Candidates, best first' } });
  const reason = textInput('judgement-reason', '', { placeholder: 'optional' });
  const status = writeStatus();
  const mergeSlot = el('div', { className: 'duplicate-merge-slot' });

  function notSame(candidate: Candidate, item: HTMLElement, answer: HTMLButtonElement): void {
    answer.disabled = true;
    const why = reason.value.trim();
    judgeNotSame(id, why === '' ? { other: candidate.id } : { other: candidate.id, reason: why }, storedToken()).then(
      (result) => {
        item.remove();
        title.textContent = heading(list.children.length);
        status.say(judgementDone(result, entity, candidate));
      },
      (error: unknown) => {
        answer.disabled = false;
        status.say(`Not recorded: ${errorText(error)}`, 'error');
      },
    );
  }

  list.replaceChildren(
    ...found.candidates.map((candidate) => {
      const item = el(
        'li',
        { className: 'duplicate', attrs: { 'data-candidate': candidate.id } },
        el(
          'p',
          { className: 'duplicate-name' },
          el('strong', {}, candidate.name),
          ` (${candidate.type}, ${candidate.id}) `,
          el('span', { className: 'duplicate-score' }, scoreText(candidate.score)),
        ),
        el('ul', { className: 'duplicate-reasons' }, ...candidate.reasons.map((text) => el('li', {}, text))),
      );
      const answer = button('Not the same', () => notSame(candidate, item, answer), {
        className: 'secondary not-same',
      });
      item.append(
        el(
          'div',
          { className: 'buttons' },
          button('Merge', () => openMergeConfirmation(app, candidate.id, id, curator, mergeSlot), {
            className: 'secondary merge-candidate',
          }),
          answer,
        ),
      );
      return item;
    }),
  );
  section.setAttribute('aria-busy', 'false');
  const more = found.total - found.candidates.length;
  replaceChildren(
    section,
    title,
    found.candidates.length > 0
      ? list
      : el('p', { className: 'hint' }, `No entity looks like ${entity.name} (score ${found.minScore} or more).`),
    more > 0
      ? el('p', { className: 'hint' }, `${more} more score ${found.minScore} or more: answer these to see them.`)
      : null,
    found.candidates.length > 0 ? field('Reason', reason) : null,
    status.element,
    mergeSlot,
  );
}
