// The bare sigma page: fetch graph.json (the server's /api/graph body), import it into
// graphology and draw it with sigma's defaults. The benchmark times its first frame.
// Sigma picks a drawing program by the `type` attribute, and ours holds entity and
// relation types, so the bare page moves them aside; nothing else differs from defaults.
import Graph from 'graphology';
import Sigma from 'sigma';

interface Item {
  attributes?: Record<string, unknown>;
}

function moveTypeAside(items: Item[]): void {
  for (const item of items) {
    if (!item.attributes) continue;
    item.attributes.kindOf = item.attributes.type;
    delete item.attributes.type;
  }
}

async function main(): Promise<void> {
  const response = await fetch('./graph.json');
  const data = (await response.json()) as { nodes: Item[]; edges: Item[] };
  moveTypeAside(data.nodes);
  moveTypeAside(data.edges);
  // Graph.from takes the graph's options (mixed, multi) from the serialized graph itself.
  const graph = Graph.from(data as Parameters<typeof Graph.from>[0]);
  new Sigma(graph, document.getElementById('graph')!);
}

void main();
