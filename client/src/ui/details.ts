// The selected entity: name, type, aliases, description, the neighbourhood switch, and
// its relations grouped by type, each with its status; choosing one opens its claims.
// Relations come from the graph the browser holds, so statuses follow the "known on" date.
// With curation on: Edit and History (entityActions.ts), then Merge into… and Possible
// duplicates (entityMerge.ts).
import type { App } from '../app';
import { edgeDisplayLabel } from '../edgeStyle';
import type { Curator } from '../curator';
import { MAX_NEIGHBOURHOOD_DEPTH } from '../state';
import { entityActions } from './entityActions';
import { entityMerging } from './entityMerge';
import { button, el, swatch } from './dom';
import { statusBadge } from './samples';

interface RelationRow {
  edge: string;
  other: string;
  arrow: string;
  status: string;
  claimCount: number;
}

function neighbourhoodControl(app: App, node: string): HTMLElement {
  const depth = app.state().neighbourhoodDepth;
  const select = el('select', {
    attrs: { id: 'neighbourhood-depth', 'aria-label': 'Show only the neighbourhood up to this depth' },
  });
  select.append(el('option', { attrs: { value: '' } }, 'whole graph'));
  for (let d = 1; d <= MAX_NEIGHBOURHOOD_DEPTH; d++)
    select.append(el('option', { attrs: { value: String(d) } }, `${d} step${d > 1 ? 's' : ''} away`));
  select.value = depth === undefined ? '' : String(depth);
  select.addEventListener('change', () =>
    app.update({ selectedNode: node, neighbourhoodDepth: select.value === '' ? undefined : Number(select.value) }),
  );
  return el(
    'div',
    { className: 'neighbourhood' },
    el('label', { attrs: { for: 'neighbourhood-depth' } }, 'Show '),
    select,
    depth !== undefined
      ? button('Back to whole graph', () => app.update({ neighbourhoodDepth: undefined }), { className: 'secondary' })
      : null,
  );
}

export function renderEntityDetails(app: App, node: string, curator?: Curator): HTMLElement {
  const { graph, vocabulary, styles } = app;
  if (!graph.hasNode(node)) return el('p', { className: 'error' }, `No entity with id "${node}" in this dataset.`);
  const attributes = graph.getNodeAttributes(node);
  const nodeType = vocabulary.nodeTypes.find((type) => type.id === attributes.type);
  const visibility = app.visibility();

  const groups = new Map<string, RelationRow[]>();
  let hidden = 0;
  graph.forEachEdge(node, (edge, edgeAttributes, source, target) => {
    const status = visibility.edges.get(edge);
    if (status === undefined) {
      hidden += 1;
      return;
    }
    const other = source === node ? target : source;
    const arrow = !edgeAttributes.directed ? '↔' : source === node ? '→' : '←';
    const rows = groups.get(edgeAttributes.type) ?? [];
    rows.push({ edge, other, arrow, status, claimCount: edgeAttributes.claimCount });
    groups.set(edgeAttributes.type, rows);
  });

  const relationGroups = vocabulary.edgeTypes
    .filter((type) => groups.has(type.id))
    .map((type) => {
      const rows = groups.get(type.id) ?? [];
      rows.sort((a, b) =>
        graph.getNodeAttribute(a.other, 'label').localeCompare(graph.getNodeAttribute(b.other, 'label')),
      );
      return el(
        'section',
        { className: 'relation-group' },
        el('h4', {}, swatch(type.color), ` ${type.label} (${rows.length})`),
        el(
          'ul',
          {},
          ...rows.map((row) =>
            el(
              'li',
              {},
              button(`${row.arrow} ${graph.getNodeAttribute(row.other, 'label')}`, () => app.selectEdge(row.edge), {
                className: 'link relation-link',
                attrs: {
                  'aria-label': `${edgeDisplayLabel(styles.get(row.status), type.label)} ${row.arrow === '←' ? 'from' : 'with'} ${graph.getNodeAttribute(row.other, 'label')}: show claims`,
                },
              }),
              ' ',
              statusBadge(row.status, styles),
              el('span', { className: 'count' }, ` ${row.claimCount} claim${row.claimCount === 1 ? '' : 's'}`),
            ),
          ),
        ),
      );
    });

  return el(
    'article',
    { className: 'entity-details', attrs: { 'aria-labelledby': 'entity-name' } },
    el('h2', { attrs: { id: 'entity-name' } }, attributes.label),
    el(
      'p',
      { className: 'entity-type' },
      swatch(attributes.color),
      ` ${nodeType?.label ?? attributes.type}`,
      attributes.kind ? ` · ${attributes.kind}` : '',
    ),
    attributes.aliases.length > 0
      ? el('p', { className: 'aliases' }, el('strong', {}, 'Also called: '), attributes.aliases.join(' · '))
      : null,
    attributes.description ? el('p', { className: 'description' }, attributes.description) : null,
    curator ? entityActions(app, node, curator) : null,
    curator ? entityMerging(app, node, curator) : null,
    neighbourhoodControl(app, node),
    el('h3', {}, `Relations (${[...groups.values()].reduce((sum, rows) => sum + rows.length, 0)})`),
    ...relationGroups,
    hidden > 0 ? el('p', { className: 'hint' }, `${hidden} more hidden by the filters.`) : null,
    relationGroups.length === 0 && hidden === 0 ? el('p', { className: 'hint' }, 'No relations.') : null,
  );
}
