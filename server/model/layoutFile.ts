// layout.json: positions a data folder brings with it, so a graph imported from Gephi
// (or any file that was laid out already) is drawn as its author drew it instead of by
// ForceAtlas2. Written by `claimgraph import --layout keep`; optional in every folder.
// Entities it leaves out (added later) are placed beside their neighbours.
import { z } from 'zod';
import { entityIdSchema } from './records';

export const LAYOUT_FILE = 'layout.json';

const coordinate = z.number().refine(Number.isFinite, { message: 'expected a finite number' });

export const layoutFileSchema = z.strictObject({
  /** Where the positions come from (an imported file's name), for people reading the folder. */
  source: z.string().min(1).max(500).optional(),
  /** Entity id → position, in the file's own units (the client fits whatever the scale). */
  positions: z.record(entityIdSchema, z.strictObject({ x: coordinate, y: coordinate })),
});

export type LayoutFile = z.infer<typeof layoutFileSchema>;
/** Positions by entity id; read with Object.hasOwn: an id may be "constructor". */
export type GivenPositions = LayoutFile['positions'];
