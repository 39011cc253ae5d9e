// Under each claim of the relation panel: Correct (the claim form, filled with the claim
// as the server has it now; PATCH with If-Match), Retract (a reason is required; POST
// .../retract with If-Match) and History (its events, each with Undo). A 412 says which
// version the claim is at now and offers to read it again; every other refusal is shown
// with the server's words. The claim's version is read when a form opens.
import type { ClaimState } from '../../../server/model/curationApi';
import type { EdgeClaim } from '../../../server/model/graph';
import { entityName, type App } from '../app';
import { changesSomething, correctionBody, type EndChoice } from '../curation/claimDraft';
import { currentVersionOf } from '../curation/historyText';
import { correctClaim, fetchClaim, retractClaim } from '../curationApi';
import type { Curator } from '../curator';
import { createClaimForm, type ClaimFormStart } from './claimForm';
import { button, el } from './dom';
import { errorText, field, isStatus, textArea, writeStatus, type WriteStatus } from './formKit';
import { renderHistory } from './historyList';
import { storedToken } from '../writeToken';

function existingEnd(app: App, id: string): EndChoice {
  const type = app.graph.hasNode(id) ? app.graph.getNodeAttribute(id, 'type') : '';
  return { kind: 'existing', id, name: entityName(app, id), type };
}

function formStart(app: App, state: ClaimState): ClaimFormStart {
  const { claim } = state;
  return {
    subject: existingEnd(app, claim.subject),
    object: existingEnd(app, claim.object),
    type: claim.type,
    stance: claim.stance,
    date: claim.date,
    attributedTo: claim.attributedTo,
  };
}

/** A 412: the version the claim is at now, and a button that reads it again into the form. */
function sayStale(status: WriteStatus, error: unknown, reload: () => void): void {
  const current = currentVersionOf(isStatus(error, 412) ? error.problem : undefined);
  status.say(
    `Someone changed this claim since you opened it: it is at version ${current ?? '?'} now. Reload it to see the change, then redo yours.`,
    'error',
    button('Reload it', reload, { className: 'secondary reload-claim' }),
  );
}

function correctForm(app: App, claimId: string, edge: string, curator: Curator, slot: HTMLElement): void {
  let state: ClaimState | undefined;
  const status = writeStatus();
  const send = button('Save correction', () => submit(), { className: 'save-correction' });
  const cancel = button('Cancel', () => slot.replaceChildren(), { className: 'secondary' });
  const form = createClaimForm(app.vocabulary, {
    className: 'correct-form',
    start: {},
    actions: [send, cancel],
    onSubmit: () => submit(),
  });
  const read = (then?: string) =>
    fetchClaim(claimId).then(
      (fresh) => {
        state = fresh;
        form.fill(formStart(app, fresh));
        if (then) status.say(then);
      },
      (error: unknown) => status.say(`Could not read the claim: ${errorText(error)}`, 'error'),
    );
  function submit(): void {
    if (!state) return;
    const body = correctionBody(state.claim, form.values());
    if (Array.isArray(body)) {
      status.say(body.map((problem) => `${problem.path}: ${problem.message}`).join('; '), 'error');
      return;
    }
    if (!changesSomething(body)) {
      status.say('Nothing to correct: change a field first.', 'error');
      return;
    }
    send.disabled = true;
    correctClaim(claimId, body, state.version, form.token()).then(
      async (result) => {
        const touched = [edge, result.claim.edge, ...(result.previousEdge ? [result.previousEdge] : [])];
        const { claim } = result.claim;
        await curator.afterWrite({ edges: touched, nodes: [claim.subject, claim.object] });
        if (app.graph.hasEdge(result.claim.edge)) app.selectEdge(result.claim.edge);
        curator.announce(`Corrected claim ${claimId} (${result.event.id}): now at version ${result.claim.version}.`);
      },
      (error: unknown) => {
        send.disabled = false;
        if (isStatus(error, 412))
          sayStale(status, error, () => void read('Reloaded: the form shows the claim as it is now.'));
        else status.say(`Not corrected: ${errorText(error)}`, 'error');
      },
    );
  }
  slot.replaceChildren(el('h4', {}, 'Correct this claim'), form.element, status.element);
  void read();
}

function retractForm(app: App, claimId: string, edge: string, curator: Curator, slot: HTMLElement): void {
  let version: number | undefined;
  const status = writeStatus();
  const reason = textArea('reason', '', 2);
  const read = (then?: string) =>
    fetchClaim(claimId).then(
      (fresh) => {
        version = fresh.version;
        if (then) status.say(then);
      },
      (error: unknown) => status.say(`Could not read the claim: ${errorText(error)}`, 'error'),
    );
  const send = button(
    'Retract',
    () => {
      if (version === undefined) return;
      send.disabled = true;
      retractClaim(claimId, reason.value, version, storedToken()).then(
        async (result) => {
          await curator.afterWrite({ edges: [edge], nodes: [result.claim.claim.subject, result.claim.claim.object] });
          const gone = !app.graph.hasEdge(edge);
          if (gone) app.update({ selectedEdge: undefined });
          curator.announce(
            `Retracted claim ${claimId} (${result.event.id})${gone ? ': the relation had no other claim and is gone' : ''}. Undo it from the history.`,
          );
        },
        (error: unknown) => {
          send.disabled = false;
          if (isStatus(error, 412))
            sayStale(status, error, () => void read(`Reloaded: the claim is at version ${version}.`));
          else status.say(`Not retracted: ${errorText(error)}`, 'error');
        },
      );
    },
    { className: 'confirm-retract' },
  );
  slot.replaceChildren(
    el('h4', {}, 'Retract this claim'),
    el('p', { className: 'hint' }, 'It leaves the graph, every export and every status; the history keeps it.'),
    field('Reason', reason),
    el(
      'div',
      { className: 'form-actions' },
      send,
      button('Cancel', () => slot.replaceChildren(), { className: 'secondary' }),
    ),
    status.element,
  );
  void read();
  reason.focus();
}

/** The Correct, Retract and History buttons of one claim, and the place their forms open. */
export function claimActions(app: App, claim: EdgeClaim, edge: string, curator: Curator): HTMLElement {
  const slot = el('div', { className: 'claim-action-slot' });
  if (curator.historyOpen({ claim: claim.id })) slot.append(renderHistory(app, { claim: claim.id }, curator));
  return el(
    'div',
    { className: 'claim-actions' },
    el(
      'div',
      { className: 'buttons' },
      button('Correct', () => correctForm(app, claim.id, edge, curator, slot), {
        className: 'secondary writes-only correct-claim',
      }),
      button('Retract', () => retractForm(app, claim.id, edge, curator, slot), {
        className: 'secondary writes-only retract-claim',
      }),
      button('History', () => slot.replaceChildren(renderHistory(app, { claim: claim.id }, curator)), {
        className: 'secondary claim-history',
      }),
    ),
    slot,
  );
}
