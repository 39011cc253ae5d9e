// Under the entity panel's details: Edit (name, aliases, description, type, kind,
// country; PATCH /api/entities/{id} with If-Match, the version read from the entity's
// edits in its history) and History (its events, each with Undo). A 412 says which
// version the entity is at now and offers to read it again (the form reads the entity
// from the server when it opens). Merging is beside it, in entityMerge.ts (details.ts
// mounts both).
import type { Entity } from '../../../server/model/records';
import type { App } from '../app';
import { editChangesSomething, entityEditBody, entityFormValues, type EntityFormValues } from '../curation/entityDraft';
import { currentVersionOf, entityVersion } from '../curation/historyText';
import { editEntity, fetchEntity, fetchHistory } from '../curationApi';
import type { Curator } from '../curator';
import { button, el } from './dom';
import { errorText, field, isStatus, selectInput, setOptions, textArea, textInput, writeStatus } from './formKit';
import { renderHistory } from './historyList';
import { storedToken } from '../writeToken';

/** Reads the entity and its version from the server, then opens the form on them. */
function openEditForm(app: App, id: string, curator: Curator, slot: HTMLElement, then?: string): void {
  slot.replaceChildren(el('p', { className: 'loading' }, 'Reading the entity…'));
  Promise.all([fetchEntity(id), fetchHistory({ entity: id }, 1000)]).then(
    ([details, history]) => editForm(app, details.entity, entityVersion(history.events, id), curator, slot, then),
    (error: unknown) =>
      slot.replaceChildren(el('p', { className: 'error' }, `Could not read the entity: ${errorText(error)}`)),
  );
}

function editForm(app: App, entity: Entity, version: number, curator: Curator, slot: HTMLElement, then?: string): void {
  const { id } = entity;
  const start = entityFormValues(entity);
  const status = writeStatus();
  const name = textInput('name', start.name);
  const aliases = textArea('aliases', start.aliases, 3);
  const description = textArea('description', start.description, 3);
  const type = selectInput(
    'type',
    app.vocabulary.nodeTypes.map((t) => ({ value: t.id, text: t.label })),
    start.type,
  );
  const kind = selectInput('kind', [], start.kind);
  const refreshKinds = () => {
    const kinds = app.vocabulary.nodeTypes.find((t) => t.id === type.value)?.kinds ?? [];
    const current = kind.value || start.kind;
    const options = [{ value: '', text: '(none)' }, ...kinds.map((k) => ({ value: k, text: k }))];
    // A kind the vocabulary does not list (imported data) stays choosable.
    if (current !== '' && !kinds.includes(current)) options.push({ value: current, text: current });
    setOptions(kind, options, current);
  };
  type.addEventListener('change', refreshKinds);
  refreshKinds();
  const country = textInput('countryCode', start.countryCode, { placeholder: 'ISO code such as RU', maxlength: '2' });
  const reason = textInput('reason', '', { placeholder: 'optional' });
  const values = (): EntityFormValues => ({
    name: name.value,
    aliases: aliases.value,
    description: description.value,
    type: type.value,
    kind: kind.value,
    countryCode: country.value,
    reason: reason.value,
  });
  const save = button(
    'Save',
    () => {
      const body = entityEditBody(entity, values());
      if (!editChangesSomething(body)) return status.say('Nothing to save: change a field first.', 'error');
      save.disabled = true;
      editEntity(id, body, version, storedToken()).then(
        async (result) => {
          await curator.afterWrite({ edges: [], nodes: [id] });
          curator.announce(
            `Saved ${result.entity.entity.name} (${result.event.id}): now at version ${result.entity.version}.`,
          );
        },
        (error: unknown) => {
          save.disabled = false;
          if (!isStatus(error, 412)) return status.say(`Not saved: ${errorText(error)}`, 'error');
          const current = currentVersionOf(error.problem);
          status.say(
            `Someone changed this entity since you opened it: it is at version ${current ?? '?'} now. Reload it to see the change, then redo yours.`,
            'error',
            button(
              'Reload it',
              () => openEditForm(app, id, curator, slot, 'Reloaded: the form shows the entity as it is now.'),
              { className: 'secondary reload-entity' },
            ),
          );
        },
      );
    },
    { className: 'save-entity' },
  );
  slot.replaceChildren(
    el(
      'form',
      { className: 'entity-form', on: { submit: (event) => event.preventDefault() } },
      el('h4', {}, 'Edit entity'),
      field('Name', name),
      field('Aliases (one per line)', aliases),
      field('Description', description),
      field('Type', type),
      field('Kind', kind),
      field('Country', country),
      field('Reason', reason),
      el(
        'div',
        { className: 'form-actions' },
        save,
        button('Cancel', () => slot.replaceChildren(), { className: 'secondary' }),
      ),
      status.element,
    ),
  );
  if (then) status.say(then);
  name.focus();
}

/** The Edit and History buttons of an entity, and the place their forms open. */
export function entityActions(app: App, id: string, curator: Curator): HTMLElement {
  const slot = el('div', { className: 'entity-action-slot' });
  if (curator.historyOpen({ entity: id })) slot.append(renderHistory(app, { entity: id }, curator));
  return el(
    'section',
    { className: 'entity-actions', attrs: { 'aria-label': 'Curate this entity' } },
    el(
      'div',
      { className: 'buttons' },
      button('Edit', () => openEditForm(app, id, curator, slot), { className: 'secondary writes-only edit-entity' }),
      button('History', () => slot.replaceChildren(renderHistory(app, { entity: id }, curator)), {
        className: 'secondary entity-history',
      }),
    ),
    slot,
  );
}
