// The sigma renderer: draws the graph at the server's positions with the reducers of
// reducers.ts, reports hover, clicks and camera moves, moves the camera to an entity,
// and exports the canvas as PNG. The only module besides edgePrograms.ts that imports
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
  exportPng(): Promise<Blob>;
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
    exportPng() {
      // WebGL canvases keep no drawing buffer: render, then copy every layer at once.
      renderer.refresh();
      const canvases = renderer.getCanvases();
      const { width, height } = canvases.edges;
      const output = document.createElement('canvas');
      output.width = width;
      output.height = height;
      const context = output.getContext('2d');
      if (!context) return Promise.reject(new Error('This browser cannot draw the PNG (no 2D canvas).'));
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      for (const layer of ['edges', 'nodes', 'edgeLabels', 'labels', 'hovers', 'hoverNodes']) {
        const canvas = canvases[layer];
        if (canvas) context.drawImage(canvas, 0, 0, width, height);
      }
      return new Promise((resolve, reject) =>
        output.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))),
          'image/png',
        ),
      );
    },
  };
}
