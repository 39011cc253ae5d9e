// The selected relation and the claims behind it: each claim's stance, the quote, who
// it is attributed to and the document's title and date (a button opens the document);
// claims imported from structured sources show their record citation instead of a quote.
// With curation on, each claim has Correct, Retract and History (claimActions.ts).
import type { EdgeClaim } from '../../../server/model/graph';
import { entityName, type App } from '../app';
import { edgeDisplayLabel } from '../edgeStyle';
import { claimKnownOn } from '../../../server/model/claimFilters';
import type { Curator } from '../curator';
import { claimActions } from './claimActions';
import { button, el } from './dom';
import { stanceBadge, statusBadge } from './samples';

function claimDates(claim: EdgeClaim): string | undefined {
  if (claim.date) return claim.date;
  if (claim.startDate && claim.endDate) return `${claim.startDate} to ${claim.endDate}`;
  if (claim.startDate) return `from ${claim.startDate}`;
  if (claim.endDate) return `until ${claim.endDate}`;
  return undefined;
}

/** Properties kept from an imported record (amounts, shares, programmes), as a list of name: value. */
function claimAttributes(attributes: Record<string, unknown>): HTMLElement | null {
  const entries = Object.entries(attributes);
  if (entries.length === 0) return null;
  return el(
    'dl',
    { className: 'claim-attributes' },
    ...entries.flatMap(([name, value]) => [
      el('dt', {}, name),
      el('dd', {}, typeof value === 'string' ? value : JSON.stringify(value)),
    ]),
  );
}

function renderClaim(
  app: App,
  claim: EdgeClaim,
  knownAt: string | undefined,
  curation?: { edge: string; curator: Curator },
): HTMLElement {
  const notYetKnown = knownAt !== undefined && !claimKnownOn(claim, knownAt);
  const dates = claimDates(claim);
  const source = claim.record
    ? el(
        'p',
        { className: 'citation' },
        'Record ',
        claim.record.url
          ? el(
              'a',
              { attrs: { href: claim.record.url, rel: 'noopener noreferrer', target: '_blank' } },
              `${claim.record.file} #${claim.record.id}`,
            )
          : `${claim.record.file} #${claim.record.id}`,
      )
    : el(
        'p',
        { className: 'citation' },
        el('cite', {}, claim.documentTitle ?? claim.document ?? 'unknown document'),
        claim.documentDate ? `, ${claim.documentDate}` : '',
        ' ',
        claim.document
          ? button(
              'Open document',
              () => app.update({ openDocument: { id: claim.document as string, claim: claim.id } }),
              {
                className: 'link',
                attrs: { 'aria-label': `Open the document “${claim.documentTitle ?? claim.document}” at this quote` },
              },
            )
          : null,
      );
  return el(
    'li',
    {
      className: `claim stance-${claim.stance}${notYetKnown ? ' not-yet-known' : ''}`,
      attrs: { 'data-claim': claim.id },
    },
    el(
      'p',
      { className: 'claim-head' },
      stanceBadge(claim.stance),
      claim.attributedTo
        ? el('span', { className: 'attributed' }, ` according to ${entityName(app, claim.attributedTo)}`)
        : null,
      dates ? el('span', { className: 'dates' }, ` · ${dates}`) : null,
    ),
    claim.quote ? el('blockquote', {}, claim.quote) : null,
    claim.summary ? el('p', { className: 'summary' }, claim.summary) : null,
    claim.role ? el('p', { className: 'role' }, `Role: ${claim.role}`) : null,
    claim.attributes ? claimAttributes(claim.attributes) : null,
    source,
    notYetKnown ? el('p', { className: 'hint' }, `Not yet reported on ${knownAt}.`) : null,
    curation ? claimActions(app, claim, curation.edge, curation.curator) : null,
  );
}

export function renderRelation(app: App, edge: string, curator?: Curator): HTMLElement {
  const { graph, styles } = app;
  if (!graph.hasEdge(edge)) return el('p', { className: 'error' }, `No relation with id "${edge}" in this dataset.`);
  const attributes = graph.getEdgeAttributes(edge);
  const [source, target] = graph.extremities(edge);
  const status = app.visibility().edges.get(edge) ?? attributes.status;
  const style = styles.get(status);
  const knownAt = app.state().filters.knownAt;
  const selectedNode = app.state().selectedNode;
  const backTo =
    selectedNode !== undefined && (selectedNode === source || selectedNode === target) ? selectedNode : undefined;
  return el(
    'article',
    { className: 'relation-details', attrs: { 'aria-labelledby': 'relation-title' } },
    backTo
      ? button(`← ${entityName(app, backTo)}`, () => app.update({ selectedEdge: undefined }), {
          className: 'link back',
        })
      : null,
    el(
      'h2',
      { attrs: { id: 'relation-title' } },
      button(entityName(app, source), () => app.selectNode(source), { className: 'link' }),
      ` ${attributes.directed ? '→' : '↔'} ${edgeDisplayLabel(style, attributes.typeLabel)} ${attributes.directed ? '→' : '↔'} `,
      button(entityName(app, target), () => app.selectNode(target), { className: 'link' }),
    ),
    el(
      'p',
      {},
      statusBadge(status, styles),
      ` ${app.vocabulary.statuses.find((s) => s.id === status)?.description ?? ''}`,
    ),
    el('h3', {}, `Claims (${attributes.claims.length})`),
    el(
      'ol',
      { className: 'claims' },
      ...attributes.claims.map((claim) => renderClaim(app, claim, knownAt, curator ? { edge, curator } : undefined)),
    ),
  );
}
