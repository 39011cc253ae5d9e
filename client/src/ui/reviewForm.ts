// The corrections of one proposal in the review panel: relation type, stance, both ends
// (reviewEntityChoice.ts), role, and the quote, which the reviewer may replace by another
// passage selected in the document (its offset is sent too, so a passage that occurs
// twice is the one selected). `corrections()` is the accept body: only what changed.
import type { VocabularyResponse } from '../../../server/model/api';
import type { AcceptBody, ProposalEntity, ProposalView } from '../../../server/model/reviewApi';
import { button, el } from './dom';
import { createEntityChoice, type EntityChoiceField } from './reviewEntityChoice';

export interface ReviewForm {
  element: HTMLFormElement;
  subject: EntityChoiceField;
  object: EntityChoiceField;
  corrections(): AcceptBody;
  /** Where a question about this form (a 409) is shown, above the buttons. */
  questionSlot: HTMLElement;
}

function selectRow(id: string, label: string, options: Array<{ value: string; text: string }>, value: string) {
  const select = el(
    'select',
    { attrs: { id } },
    ...options.map((o) => el('option', { attrs: { value: o.value } }, o.text)),
  );
  select.value = value;
  return { row: el('div', { className: 'review-field' }, el('label', { attrs: { for: id } }, label), select), select };
}

/** The selected passage of `body` (the document's text) and its offset, if the selection lies inside it. */
function selectedPassage(body: Element | null): { quote: string; start: number } | undefined {
  const selection = window.getSelection();
  if (!body || !selection || selection.rangeCount === 0 || selection.isCollapsed) return undefined;
  const range = selection.getRangeAt(0);
  if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return undefined;
  const before = document.createRange();
  before.setStart(body, 0);
  before.setEnd(range.startContainer, range.startOffset);
  return { quote: range.toString(), start: before.toString().length };
}

export function createReviewForm(
  proposal: ProposalView,
  candidates: ProposalEntity[],
  vocabulary: VocabularyResponse,
  /** The element holding the document's text, once loaded. */
  documentText: () => Element | null,
  actions: HTMLElement,
): ReviewForm {
  const type = selectRow(
    'review-type',
    'Relation',
    vocabulary.edgeTypes.map((t) => ({ value: t.id, text: t.label })),
    proposal.claim.type,
  );
  const stance = selectRow(
    'review-stance',
    'Stance',
    vocabulary.stances.map((s) => ({ value: s.id, text: s.label })),
    proposal.claim.stance,
  );
  const end = (side: 'subject' | 'object', label: string) =>
    createEntityChoice({ side, label, original: proposal[side], candidates, vocabulary });
  const subject = end('subject', 'Subject');
  const object = end('object', 'Object');
  const role = el('input', {
    attrs: { id: 'review-role', type: 'text', placeholder: 'e.g. chief executive (for holds_position)' },
  });
  const quote = el('textarea', { attrs: { id: 'review-quote', rows: '3' } });
  quote.value = proposal.claim.quote;
  let quoteStart: number | undefined;
  quote.addEventListener('input', () => (quoteStart = undefined));
  const useSelection = button(
    'Use the selected text',
    () => {
      const passage = selectedPassage(documentText());
      if (!passage) return;
      quote.value = passage.quote;
      quoteStart = passage.start;
    },
    { className: 'secondary', attrs: { id: 'review-use-selection', title: 'Select a passage in the document first' } },
  );
  const questionSlot = el('div', { className: 'review-question-slot' });

  const element = el(
    'form',
    { className: 'review-form', on: { submit: (event) => event.preventDefault() } },
    subject.element,
    type.row,
    object.element,
    stance.row,
    el('div', { className: 'review-field' }, el('label', { attrs: { for: 'review-role' } }, 'Role'), role),
    el(
      'div',
      { className: 'review-field review-quote' },
      el('label', { attrs: { for: 'review-quote' } }, 'Quote'),
      quote,
      useSelection,
    ),
    questionSlot,
    actions,
  );

  return {
    element,
    subject,
    object,
    questionSlot,
    corrections() {
      const body: AcceptBody = {};
      if (type.select.value !== proposal.claim.type) body.type = type.select.value;
      if (stance.select.value !== proposal.claim.stance) body.stance = stance.select.value;
      const s = subject.value();
      const o = object.value();
      if (s !== undefined) body.subject = s;
      if (o !== undefined) body.object = o;
      if (role.value.trim() !== '') body.role = role.value.trim();
      if (quote.value !== proposal.claim.quote) body.quote = quote.value;
      if (quoteStart !== undefined && (body.quote !== undefined || quoteStart !== proposal.quoteStart))
        body.start = quoteStart;
      return body;
    },
  };
}
