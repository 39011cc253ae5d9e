// Round trips through each generic format: import a real file, export the graph in the
// same format with the export registry, import that export, and get the same graph back
// (entities with their names, types and kinds; edges with their keys, ends, types and
// direction). Parallel source edges are one edge with several claims on both sides.
import fs from 'node:fs';
import path from 'node:path';
import type { EvidenceGraph } from '../../../server/model/evidenceGraph';
import { findExportFormat } from '../../../server/export';
import type { ImportFormat, ImportOptions } from '../../../server/import/importData';
import { dataset, importInto, temporaryFolder } from './helpers';

function render(formatName: string, graph: EvidenceGraph): string {
  const format = findExportFormat(formatName);
  if (!format) throw new Error(`no export format "${formatName}"`);
  return format.render(graph);
}

function shape(graph: EvidenceGraph) {
  const nodes = graph.mapNodes((key, a) => [key, a.label, a.type, a.kind ?? null, a.aliases.length]).sort();
  const edges = graph.mapEdges((key, a, source, target) => [key, source, target, a.type, a.directed]).sort();
  return { nodes, edges };
}

function roundTrip(
  format: ImportFormat,
  file: string,
  options: ImportOptions,
  exportAs: string[],
  reimportOptions: ImportOptions = {},
) {
  const first = importInto(format, [dataset(file)], options);
  const folder = temporaryFolder();
  const exported = exportAs.map((name) => {
    const target = path.join(folder, `export.${name}`);
    fs.writeFileSync(target, render(name, first.graph));
    return target;
  });
  const second = importInto(format, exported, reimportOptions);
  return { first, second };
}

describe('round trips', () => {
  it('GEXF: gephi-lite.gexf → export gexf → import gives the same graph', () => {
    const { first, second } = roundTrip('gexf', 'gephi-lite__gephi-lite.gexf', {}, ['gexf']);
    expect(first.graph.order).toBe(61);
    expect(first.graph.size).toBe(88);
    expect(shape(second.graph)).toEqual(shape(first.graph));
    expect(second.dataset.entities.get('gdotv')).toMatchObject({ type: 'organization', kind: 'company' });
  });

  it('GraphML: airlines.graphml (804 parallel edges) → export graphml → import gives the same 235 nodes and 1,297 edges', () => {
    const { first, second } = roundTrip('graphml', 'gephi-lite__airlines.graphml', {}, ['graphml']);
    expect([first.graph.order, first.graph.size]).toEqual([235, 1297]);
    expect(shape(second.graph)).toEqual(shape(first.graph));
  });

  it('JSON: euroSIS.json → export json → import gives the same graph, kinds and new types included', () => {
    const { first, second } = roundTrip('json', 'sigma__euroSIS.json', { nodeTypeAttr: 'actor_type' }, ['json']);
    expect([first.graph.order, first.graph.size]).toEqual([1285, 6462]);
    expect(shape(second.graph)).toEqual(shape(first.graph));
    expect(second.dataset.entities.get('10')?.attributes).toMatchObject({
      country: 'Czech Republic',
      tag_scienceedu: '1',
    });
  });

  it('CSV: donations.csv → export nodes.csv + edges.csv → import gives the same graph', () => {
    const { first, second } = roundTrip(
      'csv',
      'nomenklatura__donations.csv',
      {
        sourceCol: 'Donor',
        targetCol: 'Party',
        sourceTypeCol: 'DonorType',
        defaultNodeType: 'party',
        defaultEdgeType: 'funded',
      },
      ['nodes.csv', 'edges.csv'],
    );
    expect([first.graph.order, first.graph.size]).toEqual([95, 116]);
    expect(shape(second.graph)).toEqual(shape(first.graph));
  });
});
