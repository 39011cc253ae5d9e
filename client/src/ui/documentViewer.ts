// A source document with the passages its claims quote highlighted; the passage of the
// claim the user came from is marked and scrolled into view. A passage the user selects
// can be quoted by a new claim (passageClaim.ts). Text goes in as text nodes.
import type { DocumentResponse } from '../../../server/model/api';
import { fetchDocument } from '../api';
import type { App } from '../app';
import type { Curator } from '../curator';
import { segmentText } from '../highlight';
import { button, el, replaceChildren } from './dom';
import { passageClaimBar } from './passageClaim';

const cache = new Map<string, Promise<DocumentResponse>>();

function loadDocument(id: string): Promise<DocumentResponse> {
  let promise = cache.get(id);
  if (!promise) {
    promise = fetchDocument(id);
    cache.set(id, promise);
    promise.catch(() => cache.delete(id));
  }
  return promise;
}

/** Documents are read again after a write: the passages their claims quote changed. */
export function forgetDocuments(): void {
  cache.clear();
}

function renderText(app: App, document: DocumentResponse, currentClaim: string | undefined): HTMLElement {
  const body = el('div', { className: 'document-text' });
  const byClaim = new Map(document.spans.map((span) => [span.claim, span]));
  for (const segment of segmentText(document.text, document.spans)) {
    if (segment.claims.length === 0) {
      body.append(segment.text);
      continue;
    }
    const spans = segment.claims.map((claim) => byClaim.get(claim)).filter((span) => span !== undefined);
    const isCurrent = currentClaim !== undefined && segment.claims.includes(currentClaim);
    const title = spans
      .map(
        (span) =>
          `${span.stance}: ${app.graph.hasNode(span.subject) ? app.graph.getNodeAttribute(span.subject, 'label') : span.subject} ${span.type} ${app.graph.hasNode(span.object) ? app.graph.getNodeAttribute(span.object, 'label') : span.object}`,
      )
      .join('\n');
    const mark = el(
      'mark',
      { className: isCurrent ? 'current' : undefined, attrs: { title, 'data-claims': segment.claims.join(' ') } },
      segment.text,
    );
    const edge = spans[0]?.edge;
    if (edge && app.graph.hasEdge(edge)) {
      mark.tabIndex = 0;
      mark.setAttribute('role', 'button');
      mark.setAttribute(
        'aria-label',
        `Quoted by ${spans.length} claim${spans.length > 1 ? 's' : ''}: ${title}. Show the relation.`,
      );
      // Selecting words inside a highlighted passage is not a click on it.
      const open = () => {
        if (window.getSelection()?.isCollapsed === false) return;
        app.update({ openDocument: undefined, selectedEdge: edge });
      };
      mark.addEventListener('click', open);
      mark.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          open();
        }
      });
    }
    body.append(mark);
  }
  return body;
}

export function renderDocument(app: App, id: string, claim: string | undefined, curator?: Curator): HTMLElement {
  const container = el(
    'article',
    { className: 'document-viewer', attrs: { 'aria-busy': 'true', 'aria-labelledby': 'document-title' } },
    el('p', { className: 'loading' }, 'Loading the document…'),
  );
  const back = button('← Back', () => app.update({ openDocument: undefined }), { className: 'link back' });
  loadDocument(id).then(
    (document) => {
      container.setAttribute('aria-busy', 'false');
      const text = renderText(app, document, claim);
      replaceChildren(
        container,
        back,
        el('h2', { attrs: { id: 'document-title' } }, document.title),
        el(
          'p',
          { className: 'document-meta' },
          `${document.date} · ${document.spans.length} quoted passage${document.spans.length === 1 ? '' : 's'}`,
          document.url ? ' · ' : '',
          document.url
            ? el('a', { attrs: { href: document.url, rel: 'noopener noreferrer', target: '_blank' } }, 'original')
            : null,
          document.original ? ' · ' : '',
          document.original
            ? el(
                'a',
                { className: 'document-original', attrs: { href: document.original.url, download: '' } },
                `${originalKind(document.original.contentType)} it came as`,
              )
            : null,
        ),
        curator ? passageClaimBar(app, document, text, curator) : null,
        text,
      );
      container.querySelector('mark.current')?.scrollIntoView({ block: 'center' });
    },
    (error: unknown) => {
      container.setAttribute('aria-busy', 'false');
      replaceChildren(
        container,
        back,
        el(
          'p',
          { className: 'error', attrs: { role: 'alert' } },
          `Could not load the document: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    },
  );
  return container;
}

/** What the kept file is, for its link: the PDF, the Markdown file, the saved page. */
function originalKind(contentType: string): string {
  if (contentType.startsWith('application/pdf')) return 'the PDF';
  if (contentType.startsWith('text/markdown')) return 'the Markdown file';
  return 'the saved page';
}
