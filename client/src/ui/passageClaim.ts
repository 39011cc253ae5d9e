// "Add claim from selection" in the document viewer: the passage the user selects in the
// text (its offsets in the body, found from the DOM selection) is quoted by a new claim
// (POST /api/claims) made with the claim form. On success the new relation is on the
// graph at once and selected; a refusal is shown under the form with the server's words.
import type { DocumentResponse } from '../../../server/model/api';
import type { App } from '../app';
import { addClaimBody, trimmedPassage, type Passage } from '../curation/claimDraft';
import { addClaim } from '../curationApi';
import type { Curator } from '../curator';
import { createClaimForm } from './claimForm';
import { button, el } from './dom';
import { errorText, writeStatus } from './formKit';

/** Where a DOM position falls in the text of `body` (the document's text, in text nodes and marks). */
function offsetIn(body: HTMLElement, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(body, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The passage selected inside `body`, or undefined when the selection is elsewhere or empty. */
function selectedPassage(body: HTMLElement, doc: DocumentResponse): Passage | undefined {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return undefined;
  const start = offsetIn(body, range.startContainer, range.startOffset);
  const end = offsetIn(body, range.endContainer, range.endOffset);
  return trimmedPassage(doc.id, doc.text, start, end);
}

export function passageClaimBar(app: App, doc: DocumentResponse, body: HTMLElement, curator: Curator): HTMLElement {
  let passage: Passage | undefined;
  const preview = el(
    'p',
    { className: 'selection-preview' },
    'Select a passage of the text to add a claim quoting it.',
  );
  const formSlot = el('div', { className: 'passage-form' });
  const open = button('Add claim from selection', () => openForm(), {
    className: 'writes-only',
    attrs: { id: 'add-claim-from-selection', disabled: '' },
  });
  const capture = () => {
    const found = selectedPassage(body, doc);
    if (!found) return;
    passage = found;
    open.disabled = false;
    preview.textContent = `Selected: “${found.quote}”`;
  };
  body.addEventListener('mouseup', capture);
  body.addEventListener('keyup', capture);

  function openForm(): void {
    if (!passage) return;
    const quoted = passage;
    const status = writeStatus();
    const send = button('Add claim', () => submit(), { attrs: { id: 'add-claim-submit' } });
    const cancel = button('Cancel', () => formSlot.replaceChildren(), { className: 'secondary' });
    const form = createClaimForm(app.vocabulary, {
      className: 'add-claim-form',
      start: {},
      actions: [send, cancel],
      onSubmit: () => submit(),
    });
    const submit = () => {
      const body = addClaimBody(quoted, form.values());
      if (Array.isArray(body)) {
        status.say(body.map((problem) => `${problem.path}: ${problem.message}`).join('; '), 'error');
        return;
      }
      send.disabled = true;
      status.say('Adding the claim…');
      addClaim(body, form.token()).then(
        async (result) => {
          const { claim } = result.claim;
          await curator.afterWrite({ edges: [result.claim.edge], nodes: [claim.subject, claim.object] });
          if (app.graph.hasEdge(result.claim.edge)) app.selectEdge(result.claim.edge);
          curator.announce(`Added claim ${claim.id} (${result.event.id}): it is on the graph, selected.`);
        },
        (error: unknown) => {
          send.disabled = false;
          status.say(`Not added: ${errorText(error)}`, 'error');
        },
      );
    };
    formSlot.replaceChildren(
      el('h3', {}, 'New claim'),
      el('blockquote', { className: 'passage-quote' }, quoted.quote),
      form.element,
      status.element,
    );
    form.element.querySelector<HTMLInputElement>('input[name="subject"]')?.focus();
  }

  return el('section', { className: 'selection-bar', attrs: { 'aria-label': 'Add a claim' } }, preview, open, formSlot);
}
