// The camera that shows a set of points (in sigma's framed graph coordinates, where the
// whole graph spans about 0..1 at ratio 1): centred on their bounding box, zoomed so the
// box fits with a margin. Used for the neighbourhood view and a found path.
import type { CameraView } from './state';

export const FIT_MARGIN = 1.4;
export const MIN_FIT_RATIO = 0.15;

export function fitCamera(points: readonly { x: number; y: number }[]): CameraView | undefined {
  if (points.length === 0) return undefined;
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const extent = Math.max(maxX - minX, maxY - minY);
  return {
    x: (minX + maxX) / 2,
    y: (minY + maxY) / 2,
    ratio: Math.min(1, Math.max(MIN_FIT_RATIO, extent * FIT_MARGIN)),
  };
}
