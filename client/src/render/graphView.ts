// The sigma renderer: draws the graph at the server's positions with the reducers of
// reducers.ts, reports hover, clicks and camera moves, moves the camera to an entity,
// and exports the view as PNG at a chosen scale. The only module besides edgePrograms.ts that imports
// sigma (which needs WebGL), so the rest of the client stays testable under jest.
import Sigma from 'sigma';
import type { CameraState } from 'sigma/types';
import { reduceEdge, reduceNode, type ViewModel } from '../reducers';
import type { EvidenceGraph } from '../../../server/model/evidenceGraph';
import { fitCamera } from '../cameraFit';
import type { CameraView } from '../state';
import { createLabelDrawer, type DrawnLabel } from './drawLabel';
import { edgePrograms } from './edgePrograms';
import { createLabelSpace } from './labelSpace';

export interface GraphViewEvents {
  hoverNode(node: string | undefined): void;
  clickNode(node: string): void;
  clickEdge(edge: string): void;
  clickStage(): void;
  cameraMoved(camera: CameraView): void;
}

export interface GraphView {
  refresh(): void;
  focusNode(node: string): void;
  /** Moves the camera so that these nodes fill the view. */
  fitNodes(nodes: Iterable<string>): void;
  /** Moves the camera, only if need be, so that these nodes are in view; it never zooms in. */
  revealNodes(nodes: Iterable<string>): void;
  setCamera(camera: CameraView): void;
  resetCamera(): void;
  /** The view as a PNG of `scale` times its size in CSS pixels (1, 2, 4…), whatever the screen's pixel ratio. */
  exportPng(scale: number): Promise<Blob>;
  /** The node labels of the last frame drawn, with their boxes on the canvas (for the browser tests). */
  drawnLabels(): DrawnLabel[];
}

export function createGraphView(
  container: HTMLElement,
  graph: EvidenceGraph,
  getModel: () => ViewModel,
  events: GraphViewEvents,
): GraphView {
  // Each frame's labels are drawn when it ends, biggest first, none covering another (drawLabel.ts).
  const labels = createLabelDrawer(createLabelSpace());
  const renderer = new Sigma(graph, container, {
    defaultEdgeType: 'solid',
    edgeProgramClasses: edgePrograms(),
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    labelFont: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif',
    labelSize: 13,
    labelWeight: '500',
    labelColor: { color: '#1f2933' },
    defaultDrawNodeLabel: labels.collect,
    edgeLabelFont: 'system-ui, "Segoe UI", Roboto, Arial, sans-serif',
    edgeLabelSize: 11,
    edgeLabelColor: { color: '#52606d' },
    // Candidates for labels: at most one per 120 px cell at the default zoom, more as one
    // zooms in (sigma scales the count by the zoom), and none for nodes drawn under 4 px.
    labelDensity: 1,
    labelGridCellSize: 120,
    labelRenderedSizeThreshold: 4,
    zIndex: true,
    stagePadding: 40,
    minCameraRatio: 0.05,
    maxCameraRatio: 4,
    nodeReducer: (node, data) => reduceNode(getModel(), node, data),
    edgeReducer: (edge, data) => reduceEdge(getModel(), edge, data),
  });

  let drawnLabels: DrawnLabel[] = [];
  renderer.on('afterRender', () => void (drawnLabels = labels.flush()));
  renderer.on('enterNode', ({ node }) => events.hoverNode(node));
  renderer.on('leaveNode', () => events.hoverNode(undefined));
  renderer.on('clickNode', ({ node }) => events.clickNode(node));
  renderer.on('clickEdge', ({ edge }) => events.clickEdge(edge));
  renderer.on('clickStage', () => events.clickStage());

  // Sigma follows the window's size; the container also changes size when a panel opens beside it.
  // The camera state is kept, so the same part of the graph stays centred.
  new ResizeObserver(() => renderer.scheduleRefresh()).observe(container);

  const camera = renderer.getCamera();
  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  camera.on('updated', (state: CameraState) => {
    clearTimeout(cameraTimer);
    // Debounced: the URL follows the camera once it rests, not on every frame.
    cameraTimer = setTimeout(() => events.cameraMoved({ x: state.x, y: state.y, ratio: state.ratio }), 250);
  });

  return {
    refresh: () => renderer.refresh(),
    drawnLabels: () => drawnLabels,
    focusNode(node) {
      const position = renderer.getNodeDisplayData(node);
      if (!position) return;
      void camera.animate({ x: position.x, y: position.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 400 });
    },
    fitNodes(nodes) {
      const points = [...nodes].map((node) => renderer.getNodeDisplayData(node)).filter((data) => data !== undefined);
      const target = fitCamera(points);
      if (target) void camera.animate(target, { duration: 400 });
    },
    revealNodes(nodes) {
      const points = [...nodes].map((node) => renderer.getNodeDisplayData(node)).filter((data) => data !== undefined);
      const { width, height } = renderer.getDimensions();
      const inView = (point: { x: number; y: number }) => {
        const at = renderer.framedGraphToViewport(point);
        return at.x >= 0 && at.x <= width && at.y >= 0 && at.y <= height;
      };
      if (points.every(inView)) return;
      const target = fitCamera(points);
      if (target) void camera.animate({ ...target, ratio: Math.max(target.ratio, camera.ratio) }, { duration: 400 });
    },
    setCamera: (view) => camera.setState({ x: view.x, y: view.y, ratio: view.ratio, angle: 0 }),
    resetCamera: () => void camera.animatedReset({ duration: 300 }),
    exportPng: (scale) => exportPicture(renderer, graph, scale),
  };
}

/** The layers of a sigma view, bottom first, as the PNG stacks them. */
const LAYERS = ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes'];

/**
 * Draws the view again at `scale` times its size and encodes it. Sigma draws at the
 * window's device pixel ratio, which it reads when it sizes its canvases; so a second
 * renderer with the same settings (the reducers too: highlight and filters as shown) and
 * the same camera is made on a hidden container of the same size while that ratio reads
 * `scale`, drawn, copied and killed, all in one task. The picture is the view's, sharper;
 * its labels are placed afresh at that size by a label drawer of its own.
 */
function exportPicture(renderer: Sigma, graph: EvidenceGraph, scale: number): Promise<Blob> {
  const { width, height } = renderer.getDimensions();
  const holder = document.createElement('div');
  holder.setAttribute('aria-hidden', 'true');
  holder.style.cssText = `position: fixed; left: ${-2 * width}px; top: 0; width: ${width}px; height: ${height}px;`;
  document.body.append(holder);
  let copy: Sigma | undefined;
  try {
    const output = document.createElement('canvas');
    output.width = Math.round(width * scale);
    output.height = Math.round(height * scale);
    const context = output.getContext('2d');
    if (!context) return Promise.reject(new Error('This browser cannot draw the PNG (no 2D canvas).'));
    copy = withDevicePixelRatio(scale, () => {
      // Labels of its own: the view's drawer collects and places the view's frames only.
      const labels = createLabelDrawer(createLabelSpace());
      const drawn = new Sigma(graph, holder, { ...renderer.getSettings(), defaultDrawNodeLabel: labels.collect });
      labels.flush(); // the constructor's frame, at the default camera: its canvases are cleared below
      drawn.on('afterRender', () => void labels.flush());
      drawn.getCamera().setState(renderer.getCamera().getState());
      // WebGL canvases keep no drawing buffer: draw, then copy every layer in the same task.
      drawn.refresh();
      return drawn;
    });
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, output.width, output.height);
    const canvases = copy.getCanvases();
    for (const layer of LAYERS) {
      const canvas = canvases[layer];
      if (canvas) context.drawImage(canvas, 0, 0, output.width, output.height);
    }
    return new Promise((resolve, reject) =>
      output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))), 'image/png'),
    );
  } finally {
    copy?.kill();
    holder.remove();
  }
}

/** Runs `draw` while window.devicePixelRatio reads `ratio`, then gives it back its own. */
function withDevicePixelRatio<T>(ratio: number, draw: () => T): T {
  const own = Object.getOwnPropertyDescriptor(window, 'devicePixelRatio');
  Object.defineProperty(window, 'devicePixelRatio', { value: ratio, configurable: true });
  try {
    return draw();
  } finally {
    if (own) Object.defineProperty(window, 'devicePixelRatio', own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
}
