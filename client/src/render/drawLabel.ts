// Node labels with a white halo, as on maps: where a label crosses an edge or another
// node it stays readable instead of merging into the lines underneath. A label that would
// run off the right edge of the canvas is drawn on the node's left instead.
import type { NodeLabelDrawingFunction } from 'sigma/rendering';

export const drawLabelWithHalo: NodeLabelDrawingFunction = (context, data, settings) => {
  if (!data.label) return;
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const width = context.measureText(data.label).width;
  // sigma scales its 2D contexts by the pixel ratio; positions are in CSS pixels.
  const canvasWidth = context.canvas.width / (window.devicePixelRatio || 1);
  const right = data.x + data.size + 3;
  const x = right + width > canvasWidth && data.x - data.size - 3 - width >= 0 ? data.x - data.size - 3 - width : right;
  const y = data.y + size / 3;
  context.lineJoin = 'round';
  context.lineWidth = 4;
  context.strokeStyle = 'rgba(255,255,255,0.92)';
  context.strokeText(data.label, x, y);
  context.fillStyle = settings.labelColor.color ?? '#1f2933';
  context.fillText(data.label, x, y);
};
