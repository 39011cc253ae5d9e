// The confirmation of a merge, shared by Merge into… and the duplicates list: it reads
// both entities and the merged one's version from the server, names both and says how
// many claims move, then sends POST /api/entities/{id}/merge with If-Match. A refusal is
// said under it in the server's words (a 412 with Reload); after a merge the survivor
// is selected (the camera stays) and the merged node leaves the drawn graph.
import type { EntityDetailsResponse } from '../../../server/model/api';
import type { App } from '../app';
import { currentVersionOf, entityVersion } from '../curation/historyText';
import { mergeDone, mergeQuestion, staleMerge, type Named } from '../curation/mergeText';
import { fetchEntity, fetchHistory, mergeEntity } from '../curationApi';
import type { Curator } from '../curator';
import { button, el } from './dom';
import { errorText, field, isStatus, textInput, writeStatus } from './formKit';
import { storedToken } from '../writeToken';

interface MergeRead {
  merged: EntityDetailsResponse;
  into: EntityDetailsResponse;
  version: number;
}

async function readBoth(mergedId: string, intoId: string): Promise<MergeRead> {
  const [merged, into, history] = await Promise.all([
    fetchEntity(mergedId),
    fetchEntity(intoId),
    fetchHistory({ entity: mergedId }, 1000),
  ]);
  // The API answers the id of an entity merged away with the one it is part of now.
  if (merged.entity.id !== mergedId)
    throw new Error(`${mergedId} was merged into ${merged.entity.name} (${merged.entity.id}) already.`);
  return { merged, into, version: entityVersion(history.events, mergedId) };
}

/** Opens the confirmation of merging `mergedId` into `intoId` in `slot`. */
export function openMergeConfirmation(
  app: App,
  mergedId: string,
  intoId: string,
  curator: Curator,
  slot: HTMLElement,
): void {
  if (mergedId === intoId) {
    slot.replaceChildren(
      el('p', { className: 'error merge-error' }, 'An entity cannot be merged into itself: choose another one.'),
    );
    return;
  }
  slot.replaceChildren(el('p', { className: 'loading' }, 'Reading both entities…'));
  readBoth(mergedId, intoId).then(
    (read) => confirmation(app, read, curator, slot),
    (error: unknown) =>
      slot.replaceChildren(el('p', { className: 'error merge-error' }, `Cannot merge: ${errorText(error)}`)),
  );
}

function confirmation(app: App, read: MergeRead, curator: Curator, slot: HTMLElement): void {
  const merged: Named = read.merged.entity;
  const into: Named = read.into.entity;
  const text = mergeQuestion(merged, into, read.merged.claimCount);
  const status = writeStatus();
  const reason = textInput('reason', '', { placeholder: 'optional' });
  const send = button(
    'Merge',
    () => {
      send.disabled = true;
      status.say('Merging…');
      const body = reason.value.trim() === '' ? { into: into.id } : { into: into.id, reason: reason.value.trim() };
      mergeEntity(merged.id, body, read.version, storedToken()).then(
        async (result) => {
          app.update({ selectedNode: into.id, selectedEdge: undefined, openDocument: undefined });
          await curator.afterWrite({ edges: [], nodes: [into.id, merged.id] });
          curator.announce(mergeDone(result.event));
        },
        (error: unknown) => {
          send.disabled = false;
          if (!isStatus(error, 412)) return status.say(`Not merged: ${errorText(error)}`, 'error');
          status.say(
            staleMerge(merged, currentVersionOf(error.problem)),
            'error',
            button('Reload', () => openMergeConfirmation(app, merged.id, into.id, curator, slot), {
              className: 'secondary reload-merge',
            }),
          );
        },
      );
    },
    { className: 'confirm-merge' },
  );
  slot.replaceChildren(
    el(
      'form',
      {
        className: 'merge-confirm',
        attrs: { 'aria-label': 'Confirm the merge', 'data-merged': merged.id, 'data-into': into.id },
        on: { submit: (event) => event.preventDefault() },
      },
      el('h4', {}, 'Merge entities'),
      el('p', { className: 'merge-question' }, text.question),
      el('p', { className: 'merge-effect' }, text.effect),
      field('Reason', reason),
      el(
        'div',
        { className: 'form-actions' },
        send,
        button('The other way round', () => openMergeConfirmation(app, into.id, merged.id, curator, slot), {
          className: 'secondary swap-merge',
        }),
        button('Cancel', () => slot.replaceChildren(), { className: 'secondary cancel-merge' }),
      ),
      status.element,
    ),
  );
  send.focus();
}
