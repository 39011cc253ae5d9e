// The ForceAtlas2 step of the seeded layout, runnable in this thread or in a worker
// thread. At 100k nodes FA2 does about half an iteration per second, so the server runs
// it in a worker at start-up and answers with the preliminary positions until
// it is done. This file imports packages only: under the TypeScript sources (tests) the
// worker thread loads it through Node's type stripping, which cannot follow our
// extension-less relative imports.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/** A simple undirected graph as numbers: node i starts at (x[i], y[i]); edge k joins edges[2k] and edges[2k+1]. */
export interface LayoutInput {
  x: Float64Array;
  y: Float64Array;
  edges: Uint32Array;
  iterations: number;
}

/** Runs FA2 from the given start; returns [x0, y0, x1, y1, …]. Same input, same output, in any thread. */
export function runForceAtlas2(input: LayoutInput): Float64Array {
  const order = input.x.length;
  const work = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  // Index keys: FA2 only sees insertion order, and integer-like keys are cheap to index.
  for (let i = 0; i < order; i++) work.addNode(String(i), { x: input.x[i], y: input.y[i] });
  for (let k = 0; k < input.edges.length; k += 2) work.addEdge(String(input.edges[k]), String(input.edges[k + 1]));
  if (work.size > 0) {
    const settings = forceAtlas2.inferSettings(work);
    forceAtlas2.assign(work, {
      iterations: input.iterations,
      settings: { ...settings, barnesHutOptimize: work.order > 2000 },
    });
  }
  const out = new Float64Array(order * 2);
  for (let i = 0; i < order; i++) {
    const attributes = work.getNodeAttributes(String(i));
    out[2 * i] = attributes.x as number;
    out[2 * i + 1] = attributes.y as number;
  }
  return out;
}

/** The message a layout worker receives as workerData. */
export interface LayoutWorkerData {
  claimgraphLayout: LayoutInput;
}

if (!isMainThread && parentPort && (workerData as Partial<LayoutWorkerData> | undefined)?.claimgraphLayout) {
  const result = runForceAtlas2((workerData as LayoutWorkerData).claimgraphLayout);
  parentPort.postMessage(result, [result.buffer as ArrayBuffer]);
}
