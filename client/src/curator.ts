// What the curation controls share: after a write, the graph the explorer holds is
// brought to the server's (fetched again, then synced: added, changed and removed items;
// the camera and the selection stay), the documents are read again (their quoted
// passages changed), and the line above the side panel says what the write did until
// the user looks at something else. Also opens the review panel at a proposal.
import type { EvidenceGraph } from '../../server/model/evidenceGraph';
import { fetchGraph, fetchNeighbours } from './api';
import { syncGraph, type Touched } from './curation/graphSync';
import type { Explorer } from './explorer';
import { NEIGHBOURS_PER_OPENING, type PartialView } from './partialView';
import { forgetDocuments } from './ui/documentViewer';
import { el } from './ui/dom';

export type HistoryOf = { entity: string } | { claim: string };

export interface Curator {
  /** After a write: the graph follows the server; resolves once it is redrawn. */
  afterWrite(touched: Touched): Promise<void>;
  /** Says what a write did, above the side panel, until the selection changes. */
  announce(text: string, kind?: 'info' | 'error'): void;
  /** The history the user opened stays open when the panel is redrawn after a write… */
  keepHistoryOpen(of: HistoryOf): void;
  /** …until the user looks at something else. */
  historyOpen(of: HistoryOf): boolean;
  /** Opens the review queue, at this proposal when given. */
  openReview(proposal?: string): void;
  /** The line `announce` writes, to put on the page. */
  element: HTMLElement;
  /** Clears the line when the user looks at something else. */
  update(): void;
}

export function createCurator(
  graph: EvidenceGraph,
  explorer: Explorer,
  partial: PartialView | undefined,
  openReview: (proposal?: string) => void,
): Curator {
  const element = el('p', {
    className: 'write-announce',
    attrs: { id: 'write-announce', role: 'status', 'aria-live': 'polite', hidden: '' },
  });
  const looking = () => {
    const state = explorer.app.state();
    return JSON.stringify([state.openDocument, state.selectedEdge, state.selectedNode]);
  };
  let shownFor: string | undefined;
  let history: { key: string; for: string } | undefined;

  async function afterWrite(touched: Touched): Promise<void> {
    forgetDocuments();
    if (!partial) {
      syncGraph(graph, await fetchGraph(), touched, true);
    } else {
      // A partial view: the neighbourhoods of the entities the write touched, nothing else.
      const ends = touched.nodes.filter((id, i) => touched.nodes.indexOf(id) === i);
      const parts = await Promise.all(ends.map((id) => fetchNeighbours(id, NEIGHBOURS_PER_OPENING)));
      const nodes = parts.flatMap((part) => part.nodes);
      const edges = parts.flatMap((part) => part.edges);
      syncGraph(graph, { nodes, edges }, touched, false);
    }
    explorer.graphChanged();
  }

  return {
    element,
    afterWrite,
    openReview,
    announce(text, kind = 'info') {
      element.hidden = false;
      element.className = `write-announce ${kind}`;
      element.textContent = text;
      shownFor = looking();
    },
    keepHistoryOpen(of) {
      history = { key: JSON.stringify(of), for: looking() };
    },
    historyOpen: (of) => history !== undefined && history.key === JSON.stringify(of) && history.for === looking(),
    update() {
      if (history !== undefined && history.for !== looking()) history = undefined;
      if (shownFor !== undefined && shownFor !== looking()) {
        shownFor = undefined;
        element.hidden = true;
        element.textContent = '';
      }
    },
  };
}
