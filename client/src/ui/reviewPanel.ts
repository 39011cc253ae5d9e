// The review panel, beside the graph: the pending proposals of ingested articles, each
// beside its document with the quote highlighted, and the reviewer's decisions: accept as
// extracted, correct (reviewForm.ts: type, stance, either end among every entity the
// document's proposals mention or the whole graph, a new entity, role, quote) then accept,
// or reject. A new entity the graph already has comes back as a 409 naming it: the panel
// asks whether to use it or create the new one anyway. An accepted claim is put on the
// drawn graph at once and its relation is selected and brought into view.
// Text from the data goes in as text nodes only.
import type { DocumentResponse } from '../../../server/model/api';
import type { ProposalEntity, ProposalView } from '../../../server/model/reviewApi';
import { fetchDocument } from '../api';
import type { App } from '../app';
import { fetchDocumentProposals, fetchPendingProposals } from '../reviewApi';
import { storedToken } from '../session';
import { button, el, replaceChildren } from './dom';
import { acceptFromForm, rejectFromPanel, type DecisionContext, type ReviewGraphUpdates } from './reviewDecisions';
import { createReviewForm } from './reviewForm';

export type { ReviewGraphUpdates } from './reviewDecisions';

export interface ReviewPanel {
  /** Opens the queue, at `proposal` when given (the first of an article just added). */
  open(proposal?: string): void;
  close(): void;
  element: HTMLElement;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Every entity the document's proposals mention, accepted, pending or rejected, once each. */
function documentEntities(proposals: readonly ProposalView[]): ProposalEntity[] {
  const found = new Map<string, ProposalEntity>();
  for (const p of proposals)
    for (const entity of [p.subject, p.object, p.accepted?.subject, p.accepted?.object])
      if (entity && !found.has(entity.id)) found.set(entity.id, entity);
  return [...found.values()];
}

/** The document's text with [start, end) marked as the current quote. */
function quotedText(text: string, start: number, end: number): HTMLElement {
  const body = el('div', { className: 'document-text review-text' });
  if (start < 0 || end > text.length) body.append(text);
  else body.append(text.slice(0, start), el('mark', { className: 'current' }, text.slice(start, end)), text.slice(end));
  return body;
}

/** The document's text in its slot, the proposal's quote marked and scrolled to. */
function drawDocument(loading: Promise<DocumentResponse>, proposal: ProposalView, textSlot: HTMLElement): void {
  loading.then(
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

export function createReviewPanel(app: App, graphUpdates: ReviewGraphUpdates): ReviewPanel {
  const element = el('section', {
    className: 'review-panel',
    attrs: { id: 'review', 'aria-labelledby': 'review-title', hidden: '' },
  });
  const heading = el('h2', { attrs: { id: 'review-title', tabindex: '-1' } }, 'Review queue');
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
  // Every proposal of a document, whatever its status: fetched again after each decision.
  const documentProposals = new Map<string, Promise<ProposalView[]>>();
  const loadDocumentProposals = (id: string) => {
    if (!documentProposals.has(id))
      documentProposals.set(
        id,
        fetchDocumentProposals(id).then(
          (r) => r.proposals,
          (error: unknown) => {
            documentProposals.delete(id);
            throw error;
          },
        ),
      );
    return documentProposals.get(id)!;
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

  // The signed-in user's token (the header's sign-in, session.ts): every decision is theirs.
  const token = () => storedToken() ?? '';

  /** Puts the accepted claim's relation on the drawn graph, selected and in view. */
  const decisions: DecisionContext = {
    app,
    graphUpdates,
    token,
    say,
    decided: async (documentId) => {
      documentProposals.delete(documentId);
      await reload();
    },
  };

  function drawDetail(): void {
    const proposal = proposals.find((p) => p.id === current);
    if (!proposal) {
      replaceChildren(detail);
      return;
    }
    const textSlot = el(
      'div',
      { className: 'review-document', attrs: { 'aria-busy': 'true' } },
      el('p', { className: 'loading' }, 'Loading the document…'),
    );
    const formSlot = el('div', { className: 'review-form-slot', attrs: { 'aria-busy': 'true' } });
    // Which extractor proposed it ("rules", or "llm:<model>"): a model's claims were checked, but a reviewer weighs them knowing whose they are.
    const proposedBy = el('p', { className: 'document-meta', attrs: { id: 'review-extractor' } });
    proposedBy.textContent = `proposed by ${proposal.extractor}`;
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
      formSlot,
    );
    drawForm(proposal, formSlot, textSlot);
    drawDocument(loadDocument(proposal.document.id), proposal, textSlot);
  }

  function drawForm(proposal: ProposalView, slot: HTMLElement, textSlot: HTMLElement): void {
    // The ends on offer: every entity of the document's proposals (the pending list alone while they load).
    loadDocumentProposals(proposal.document.id).then(
      (all) => {
        if (current !== proposal.id || !slot.isConnected) return;
        slot.setAttribute('aria-busy', 'false');
        const actions = el('div', { className: 'review-actions' });
        const form = createReviewForm(
          proposal,
          documentEntities(all.length > 0 ? all : proposals.filter((p) => p.document.id === proposal.document.id)),
          app.vocabulary,
          () => textSlot.querySelector('.review-text'),
          actions,
        );
        actions.append(
          button('Accept', () => acceptFromForm(decisions, proposal, form), { attrs: { id: 'review-accept' } }),
          button('Reject', () => rejectFromPanel(decisions, proposal), {
            className: 'secondary',
            attrs: { id: 'review-reject' },
          }),
        );
        replaceChildren(slot, form.element);
      },
      (error: unknown) => {
        slot.setAttribute('aria-busy', 'false');
        replaceChildren(
          slot,
          el(
            'p',
            { className: 'error', attrs: { role: 'alert' } },
            `Could not load the proposals: ${errorText(error)}`,
          ),
        );
      },
    );
  }

  const panel: ReviewPanel = {
    element,
    open(proposal) {
      if (proposal !== undefined) current = proposal;
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
