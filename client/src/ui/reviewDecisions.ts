// The review panel's decisions: accept a proposal with the form's corrections, or reject
// it. A 409 for a new entity the graph already has becomes a question beside the form
// ("X already exists as …": use it, or create anyway) whose answer sends the accept again;
// an accepted claim is put on the drawn graph (fetched again, or through its subject when
// a partial view lacks it), its relation selected and brought into view.
import type { Problem } from '../../../server/model/api';
import type { ProposalView } from '../../../server/model/reviewApi';
import { ApiError } from '../api';
import type { App } from '../app';
import { acceptProposal, rejectProposal } from '../reviewApi';
import { button, el, replaceChildren } from './dom';
import type { ReviewForm } from './reviewForm';

/** How the panel puts an accepted claim on the drawn graph. */
export interface ReviewGraphUpdates {
  /** Fetches the graph again and merges it into the drawn one. */
  refreshGraph(): Promise<void>;
  /** Fetches an entity with its relations into the drawn graph (a partial view may lack a new edge). */
  openEntity(id: string): Promise<void>;
}

export interface DecisionContext {
  app: App;
  graphUpdates: ReviewGraphUpdates;
  token(): string;
  say(text: string, kind?: 'info' | 'error'): void;
  /** Called once a decision is recorded: the panel reloads its queue. */
  decided(documentId: string): Promise<void>;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "X already exists as …": use the existing entity, or (unless it is the same country) create the new one anyway. */
function duplicateQuestion(
  form: ReviewForm,
  existing: NonNullable<Problem['existing']>,
  retry: () => void,
): HTMLElement {
  const end = existing.path === 'subject' ? form.subject : form.object;
  const wanted = end.newEntity();
  const sameCountry = existing.type === 'country' && wanted?.type === 'country';
  const question = el(
    'div',
    { className: 'review-question', attrs: { role: 'alert' } },
    el(
      'p',
      {},
      `${wanted?.name ?? existing.name} already exists as “${existing.name}” (${existing.type}, ${existing.id}). `,
      sameCountry ? 'A country is one entity: use it.' : 'Use it, or create the new entity anyway?',
    ),
    button(
      'Use it',
      () => {
        end.use(existing);
        question.remove();
        retry();
      },
      { attrs: { id: 'review-use-existing' } },
    ),
    sameCountry
      ? null
      : button(
          'Create anyway',
          () => {
            end.createAnyway();
            question.remove();
            retry();
          },
          { className: 'secondary', attrs: { id: 'review-create-anyway' } },
        ),
  );
  return question;
}

/** Puts the accepted claim's relation on the drawn graph, selected and in view. */
async function showAccepted(
  context: DecisionContext,
  edge: string | undefined,
  subject: string | undefined,
  said: string,
): Promise<void> {
  const { app, graphUpdates } = context;
  await graphUpdates.refreshGraph();
  if (edge && !app.graph.hasEdge(edge) && subject) await graphUpdates.openEntity(subject);
  if (!edge || !app.graph.hasEdge(edge)) return;
  app.revealEdge(edge);
  if (!app.visibility().edges.has(edge)) context.say(`${said} The current filters hide its relation.`);
}

export function acceptFromForm(context: DecisionContext, proposal: ProposalView, form: ReviewForm): void {
  const { say } = context;
  replaceChildren(form.questionSlot);
  acceptProposal(proposal.id, form.corrections(), context.token()).then(
    async (result) => {
      const said = `Accepted: ${result.claim?.id ?? ''} is on the graph.`;
      say(said);
      await showAccepted(context, result.edge, result.claim?.subject, said);
      await context.decided(proposal.document.id);
    },
    (error: unknown) => {
      const existing = error instanceof ApiError && error.status === 409 ? error.problem?.existing : undefined;
      if (existing) {
        say(`Not accepted yet: ${existing.name} already exists; answer the question above the buttons.`, 'error');
        const question = duplicateQuestion(form, existing, () => acceptFromForm(context, proposal, form));
        form.questionSlot.append(question);
        question.scrollIntoView({ block: 'nearest' });
      } else say(`Not accepted: ${errorText(error)}`, 'error');
    },
  );
}

export function rejectFromPanel(context: DecisionContext, proposal: ProposalView): void {
  rejectProposal(proposal.id, context.token()).then(
    async () => {
      context.say(`Rejected ${proposal.id}.`);
      await context.decided(proposal.document.id);
    },
    (error: unknown) => context.say(`Not rejected: ${errorText(error)}`, 'error'),
  );
}
