// `import --layout keep` (the default): a file that places every node (Gephi's GEXF viz
// positions, x/y keys in GraphML, x/y in graph JSON or CSV columns) is drawn as its author
// laid it out. The positions leave the entities' attributes for the folder's layout.json
// (model/layoutFile.ts); a file that places only some nodes is laid out by ForceAtlas2,
// as `--layout recompute` always does, and its x and y stay attributes.
import type { GivenPositions } from '../model/layoutFile';
import type { ImportedData } from './types';

export const layoutModes = ['keep', 'recompute'] as const;
export type LayoutMode = (typeof layoutModes)[number];

export function isLayoutMode(name: string): name is LayoutMode {
  return (layoutModes as readonly string[]).includes(name);
}

/** A coordinate as a file gives it: a finite number, or text that spells one (CSV cells are text). */
function coordinate(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(value)) return Number(value);
  return undefined;
}

function positionOf(attributes: Record<string, unknown> | undefined): { x: number; y: number } | undefined {
  if (attributes === undefined) return undefined;
  const x = coordinate(attributes.x);
  const y = coordinate(attributes.y);
  return x === undefined || y === undefined ? undefined : { x, y };
}

/** The import with its nodes' positions taken out into `positions` when every node has one, and a note saying what was done. */
export function keepSourcePositions(data: ImportedData, mode: LayoutMode, files: string[]): ImportedData {
  if (mode === 'recompute' || data.entities.length === 0) return data;
  const placed = data.entities.filter((entity) => positionOf(entity.attributes) !== undefined).length;
  if (placed === 0) return data;
  const total = data.entities.length;
  if (placed < total) {
    const note = `${total - placed} of ${total} nodes have no position (x and y), so the positions of ${files.join(', ')} are not kept and the graph is laid out with ForceAtlas2; their x and y stay attributes`;
    return { ...data, notes: [...data.notes, note] };
  }
  const positions: GivenPositions = Object.create(null);
  const entities = data.entities.map((entity) => {
    positions[entity.id] = positionOf(entity.attributes)!;
    const { x: _x, y: _y, ...rest } = entity.attributes!;
    const { attributes: _attributes, ...fields } = entity;
    return Object.keys(rest).length > 0 ? { ...fields, attributes: rest } : fields;
  });
  const note = `kept the positions of all ${total} nodes from ${files.join(', ')} in layout.json; --layout recompute lays the graph out with ForceAtlas2 instead`;
  return { ...data, entities, positions, notes: [...data.notes, note] };
}
