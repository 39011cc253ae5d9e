// Under the entity panel's Edit and History: **Merge into…** (choose the entity that
// stays with the same search as the header's, then confirm: mergeConfirm.ts) and
// **Possible duplicates** (duplicatesList.ts). Both write, so both are for editors only
// (`.writes-only`: the body's data-can-write hides them from everyone else).
import type { App } from '../app';
import type { Curator } from '../curator';
import { button, el } from './dom';
import { renderDuplicates } from './duplicatesList';
import { createEntityPicker } from './entityPicker';
import { openMergeConfirmation } from './mergeConfirm';

function mergePicker(app: App, id: string, curator: Curator, slot: HTMLElement): void {
  const confirmSlot = el('div', { className: 'merge-confirm-slot' });
  const picker = createEntityPicker({
    label: 'The entity that stays',
    placeholder: 'Search names and aliases…',
    colours: new Map(app.vocabulary.nodeTypes.map((type) => [type.id, type.color])),
    onChoose: (hit) => openMergeConfirmation(app, id, hit.id, curator, confirmSlot),
  });
  picker.input.name = 'merge-into';
  slot.replaceChildren(
    el(
      'section',
      { className: 'merge-into', attrs: { 'aria-label': 'Merge into another entity' } },
      el('h4', {}, 'Merge into…'),
      el(
        'p',
        { className: 'hint' },
        `Choose the entity ${app.graph.hasNode(id) ? app.graph.getNodeAttribute(id, 'label') : id} is the same as: it stays, this one goes.`,
      ),
      picker.element,
      confirmSlot,
      el(
        'div',
        { className: 'form-actions' },
        button('Close', () => slot.replaceChildren(), { className: 'secondary close-merge' }),
      ),
    ),
  );
  picker.input.focus();
}

/** The Merge into… and Possible duplicates buttons of an entity, and the place they open. */
export function entityMerging(app: App, id: string, curator: Curator): HTMLElement {
  const slot = el('div', { className: 'entity-merge-slot' });
  return el(
    'section',
    { className: 'entity-merging writes-only', attrs: { 'aria-label': 'Merge this entity' } },
    el(
      'div',
      { className: 'buttons' },
      button('Merge into…', () => mergePicker(app, id, curator, slot), { className: 'secondary merge-entity' }),
      button('Possible duplicates', () => slot.replaceChildren(renderDuplicates(app, id, curator)), {
        className: 'secondary entity-duplicates',
      }),
    ),
    slot,
  );
}
