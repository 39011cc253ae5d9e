// Node labels with a white halo, as on maps: where a label crosses an edge or another
// node it stays readable instead of merging into the lines underneath. sigma hands over
// the frame's candidate labels one by one, in the order of its label grid's cells; they
// are collected and drawn when the frame ends, biggest node first, so a hub's name is
// never pushed out by a small neighbour's. Each goes on its node's right, or on the left
// when the right runs off the canvas or would cover a label already drawn; when both
// sides would, it is left out (labelSpace.ts), so labels never pile up. The labels the
// reducers force (hover, its neighbours, selection, path) go first; only the hovered or
// selected entity's own is drawn whatever it covers.
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { Settings } from 'sigma/settings';
import type { LabelBox, LabelSpace } from './labelSpace';

/** Room kept around a label's text, in CSS pixels: its halo and a little air. */
const MARGIN = 3;

type LabelData = PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string };

interface Candidate {
  context: CanvasRenderingContext2D;
  data: LabelData;
  settings: Settings;
}

export interface DrawnLabel {
  node: string;
  label: string;
  box: LabelBox;
}

export interface LabelDrawer {
  /** What sigma calls for each candidate label of a frame. */
  collect: NodeLabelDrawingFunction;
  /** Draws the frame's labels (call when sigma's render ends); returns each drawn label's node and box. */
  flush(): DrawnLabel[];
}

/** Forced labels first, then the biggest nodes, then by key: the same frame always gives the same labels. */
function byPriority(a: Candidate, b: Candidate): number {
  const force = Number(b.data.forceLabel === true) - Number(a.data.forceLabel === true);
  if (force !== 0) return force;
  if (b.data.size !== a.data.size) return b.data.size - a.data.size;
  const [ka, kb] = [a.data.key ?? '', b.data.key ?? ''];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

function drawOne(space: LabelSpace, { context, data, settings }: Candidate): DrawnLabel | undefined {
  if (!data.label) return undefined;
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const width = context.measureText(data.label).width;
  // sigma scales its 2D contexts by the pixel ratio; positions are in CSS pixels.
  const canvasWidth = context.canvas.width / (window.devicePixelRatio || 1);
  const box = (x: number): LabelBox => ({
    x: x - MARGIN,
    y: data.y - size / 2 - MARGIN,
    width: width + 2 * MARGIN,
    height: size + 2 * MARGIN,
  });
  const right = data.x + data.size + 3;
  const left = data.x - data.size - 3 - width;
  const sides = right + width > canvasWidth && left >= 0 ? [left, right] : [right, left];
  const force = data.highlighted === true;
  const x = sides.find((side) => (side !== left || left >= 0) && space.claim(box(side), force));
  if (x === undefined) return undefined;
  const y = data.y + size / 3;
  context.lineJoin = 'round';
  context.lineWidth = 4;
  context.strokeStyle = 'rgba(255,255,255,0.92)';
  context.strokeText(data.label, x, y);
  context.fillStyle = settings.labelColor.color ?? '#1f2933';
  context.fillText(data.label, x, y);
  return { node: data.key ?? '', label: data.label, box: box(x) };
}

export function createLabelDrawer(space: LabelSpace): LabelDrawer {
  let candidates: Candidate[] = [];
  return {
    collect: (context, data, settings) => void candidates.push({ context, data, settings }),
    flush() {
      const frame = candidates.sort(byPriority);
      candidates = [];
      space.reset();
      const drawn: DrawnLabel[] = [];
      for (const candidate of frame) {
        const label = drawOne(space, candidate);
        if (label) drawn.push(label);
      }
      return drawn;
    },
  };
}
