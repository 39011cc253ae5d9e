// The review panel: the pending proposals of ingested articles, each beside its document
// with the quote highlighted, and the reviewer's decisions: accept as extracted, correct
// (type, stance, subject, object, or a new entity) then accept, or reject. An accepted
// claim is put on the drawn graph at once (refreshGraph) and its relation is selected.
// Text from the data goes in as text nodes only.
import type { DocumentResponse } from '../../../server/model/api';
import type { AcceptBody, ProposalView } from '../../../server/model/reviewApi';
import { fetchDocument } from '../api';
import type { App } from '../app';
import { acceptProposal, fetchPendingProposals, rejectProposal } from '../reviewApi';
import { button, el, replaceChildren } from './dom';

/** The signed-in user's token (client/src/session.ts): one key for every write of the tab. */
const TOKEN_KEY = 'claimgraph-token';
const NEW_ENTITY = '__new__';

export interface ReviewPanel {
  /** Opens the queue, at `proposal` when given (the first of an article just added). */
  open(proposal?: string): void;
  close(): void;
  element: HTMLElement;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The document's text with [start, end) marked as the current quote. */
function quotedText(text: string, start: number, end: number): HTMLElement {
  const body = el('div', { className: 'document-text review-text' });
  if (start < 0 || end > text.length) body.append(text);
  else body.append(text.slice(0, start), el('mark', { className: 'current' }, text.slice(start, end)), text.slice(end));
  return body;
}

function selectOf(
  id: string,
  label: string,
  options: Array<{ value: string; text: string }>,
  value: string,
): { row: HTMLElement; select: HTMLSelectElement } {
  const select = el(
    'select',
    { attrs: { id } },
    ...options.map((o) => el('option', { attrs: { value: o.value } }, o.text)),
  );
  select.value = value;
  return { row: el('div', { className: 'review-field' }, el('label', { attrs: { for: id } }, label), select), select };
}

export function createReviewPanel(app: App, refreshGraph: () => Promise<void>): ReviewPanel {
  const element = el('section', {
    className: 'review-panel',
    attrs: { id: 'review', 'aria-labelledby': 'review-title', hidden: '' },
  });
  const heading = el('h2', { attrs: { id: 'review-title', tabindex: '-1' } }, 'Review queue');
  const tokenInput = el('input', {
    attrs: { id: 'review-token', type: 'password', autocomplete: 'off', placeholder: 'CLAIMGRAPH_TOKEN' },
  });
  tokenInput.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
  tokenInput.addEventListener('change', () => sessionStorage.setItem(TOKEN_KEY, tokenInput.value));
  const message = el('p', { className: 'review-message', attrs: { role: 'status', 'aria-live': 'polite' } });
  const list = el('ul', { className: 'review-list', attrs: { 'aria-label': 'Pending proposals' } });
  const detail = el('div', { className: 'review-detail' });
  element.append(
    el(
      'div',
      { className: 'review-head' },
      heading,
      button('Close', () => panel.close(), { className: 'secondary', attrs: { id: 'review-close' } }),
    ),
    el(
      'div',
      { className: 'review-field' },
      el('label', { attrs: { for: 'review-token' } }, 'Write token'),
      tokenInput,
    ),
    message,
    el('div', { className: 'review-body' }, list, detail),
  );

  let proposals: ProposalView[] = [];
  let current: string | undefined;
  const documents = new Map<string, Promise<DocumentResponse>>();
  const loadDocument = (id: string) => {
    if (!documents.has(id)) documents.set(id, fetchDocument(id));
    return documents.get(id)!;
  };

  const say = (text: string, kind: 'info' | 'error' = 'info') => {
    message.textContent = text;
    message.className = `review-message ${kind === 'error' ? 'error' : ''}`;
  };

  async function reload(): Promise<void> {
    try {
      proposals = (await fetchPendingProposals()).proposals;
    } catch (error) {
      say(`Could not load the review queue: ${errorText(error)}`, 'error');
      return;
    }
    heading.textContent = `Review queue (${proposals.length} pending)`;
    if (!proposals.some((p) => p.id === current)) current = proposals[0]?.id;
    drawList();
    drawDetail();
  }

  function drawList(): void {
    replaceChildren(
      list,
      ...proposals.map((p) => {
        const item = el(
          'li',
          { className: p.id === current ? 'selected' : undefined, attrs: { 'data-proposal': p.id } },
          button(
            `${p.subject.name} · ${p.claim.type} · ${p.object.name}`,
            () => {
              current = p.id;
              drawList();
              drawDetail();
            },
            { className: 'link', attrs: { 'aria-current': p.id === current ? 'true' : undefined } },
          ),
          el('span', { className: 'review-meta' }, ` ${p.claim.stance}, ${Math.round(p.claim.confidence * 100)}%`),
        );
        return item;
      }),
    );
    if (proposals.length === 0)
      list.append(
        el(
          'li',
          { className: 'empty' },
          'No pending proposals. Ingest an article with `claimgraph ingest` or POST /api/documents.',
        ),
      );
  }

  function drawDetail(): void {
    const proposal = proposals.find((p) => p.id === current);
    if (!proposal) {
      replaceChildren(detail);
      return;
    }
    const vocabulary = app.vocabulary;
    // Entities to choose from: those of this document's proposals, then "a new entity".
    const candidates = new Map<string, string>();
    for (const p of proposals.filter((q) => q.document.id === proposal.document.id)) {
      for (const entity of [p.subject, p.object])
        candidates.set(entity.id, `${entity.name}${entity.existing ? '' : ' (new)'}`);
    }
    const entityOptions = [
      ...[...candidates].map(([value, text]) => ({ value, text })),
      { value: NEW_ENTITY, text: 'New entity…' },
    ];
    const type = selectOf(
      'review-type',
      'Relation',
      vocabulary.edgeTypes.map((t) => ({ value: t.id, text: t.label })),
      proposal.claim.type,
    );
    const stance = selectOf(
      'review-stance',
      'Stance',
      vocabulary.stances.map((s) => ({ value: s.id, text: s.label })),
      proposal.claim.stance,
    );
    const subject = selectOf('review-subject', 'Subject', entityOptions, proposal.subject.id);
    const object = selectOf('review-object', 'Object', entityOptions, proposal.object.id);
    const newName = el('input', { attrs: { id: 'review-new-name', type: 'text' } });
    const newType = selectOf(
      'review-new-type',
      'Type',
      vocabulary.nodeTypes.map((t) => ({ value: t.id, text: t.label })),
      'person',
    );
    const newEntity = el(
      'fieldset',
      { className: 'review-new', attrs: { hidden: '' } },
      el('legend', {}, 'New entity'),
      el('div', { className: 'review-field' }, el('label', { attrs: { for: 'review-new-name' } }, 'Name'), newName),
      newType.row,
    );
    const toggleNew = () =>
      (newEntity.hidden = subject.select.value !== NEW_ENTITY && object.select.value !== NEW_ENTITY);
    subject.select.addEventListener('change', toggleNew);
    object.select.addEventListener('change', toggleNew);

    const corrections = (): AcceptBody => {
      const body: AcceptBody = {};
      if (type.select.value !== proposal.claim.type) body.type = type.select.value;
      if (stance.select.value !== proposal.claim.stance) body.stance = stance.select.value;
      const side = (select: HTMLSelectElement, original: string) =>
        select.value === NEW_ENTITY
          ? { name: newName.value.trim(), type: newType.select.value }
          : select.value !== original
            ? select.value
            : undefined;
      const s = side(subject.select, proposal.subject.id);
      const o = side(object.select, proposal.object.id);
      if (s !== undefined) body.subject = s;
      if (o !== undefined) body.object = o;
      return body;
    };
    const token = () => {
      sessionStorage.setItem(TOKEN_KEY, tokenInput.value);
      return tokenInput.value;
    };
    const accept = button(
      'Accept',
      () => {
        const body = corrections();
        acceptProposal(proposal.id, body, token()).then(
          async (result) => {
            say(`Accepted: ${result.claim?.id ?? ''} is on the graph.`);
            await refreshGraph();
            if (result.edge && app.graph.hasEdge(result.edge)) app.selectEdge(result.edge);
            await reload();
          },
          (error: unknown) => say(`Not accepted: ${errorText(error)}`, 'error'),
        );
      },
      { attrs: { id: 'review-accept' } },
    );
    const reject = button(
      'Reject',
      () => {
        rejectProposal(proposal.id, token()).then(
          async () => {
            say(`Rejected ${proposal.id}.`);
            await reload();
          },
          (error: unknown) => say(`Not rejected: ${errorText(error)}`, 'error'),
        );
      },
      { className: 'secondary', attrs: { id: 'review-reject' } },
    );

    // Which extractor proposed it ("rules", or "llm:<model>"): a model's claims were checked, but a reviewer weighs them knowing whose they are.
    const proposedBy = el('p', { className: 'document-meta', attrs: { id: 'review-extractor' } });
    proposedBy.textContent = `proposed by ${proposal.extractor}`;
    const textSlot = el(
      'div',
      { className: 'review-document', attrs: { 'aria-busy': 'true' } },
      el('p', { className: 'loading' }, 'Loading the document…'),
    );
    replaceChildren(
      detail,
      el('h3', { attrs: { id: 'review-document-title' } }, proposal.document.title),
      el(
        'p',
        { className: 'document-meta' },
        `${proposal.document.date} · confidence ${Math.round(proposal.claim.confidence * 100)}%`,
        proposal.claim.attributedTo ? ` · according to ${proposal.claim.attributedTo}` : '',
      ),
      proposedBy,
      textSlot,
      el(
        'form',
        { className: 'review-form', on: { submit: (event) => event.preventDefault() } },
        subject.row,
        type.row,
        object.row,
        stance.row,
        newEntity,
        el('div', { className: 'review-actions' }, accept, reject),
      ),
    );
    loadDocument(proposal.document.id).then(
      (document) => {
        textSlot.setAttribute('aria-busy', 'false');
        replaceChildren(textSlot, quotedText(document.text, proposal.quoteStart, proposal.quoteEnd));
        textSlot.querySelector('mark.current')?.scrollIntoView({ block: 'center' });
      },
      (error: unknown) => {
        textSlot.setAttribute('aria-busy', 'false');
        replaceChildren(
          textSlot,
          el('p', { className: 'error', attrs: { role: 'alert' } }, `Could not load the document: ${errorText(error)}`),
        );
      },
    );
  }

  const panel: ReviewPanel = {
    element,
    open(proposal) {
      if (proposal !== undefined) current = proposal;
      // A token typed in another write form since (the same session key) fills an empty field.
      if (tokenInput.value === '') tokenInput.value = sessionStorage.getItem(TOKEN_KEY) ?? '';
      element.hidden = false;
      void reload();
      heading.focus();
    },
    close() {
      element.hidden = true;
    },
  };
  return panel;
}
