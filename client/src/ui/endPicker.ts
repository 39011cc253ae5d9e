// One end of a claim (subject or object) in the claim forms: an existing entity found
// with the search (the entity picker, as the header's search uses it), or a new entity
// named here with its type (and kind, for the types that have kinds). Says what is chosen.
import type { VocabularyResponse } from '../../../server/model/api';
import type { EndChoice } from '../curation/claimDraft';
import { button, el } from './dom';
import { createEntityPicker } from './entityPicker';
import { field, selectInput, setOptions, textInput } from './formKit';

export interface EndPicker {
  element: HTMLElement;
  value(): EndChoice | undefined;
  set(choice: EndChoice | undefined): void;
}

export function createEndPicker(
  vocabulary: VocabularyResponse,
  role: 'subject' | 'object',
  label: string,
  onChange: () => void,
): EndPicker {
  const colours = new Map(vocabulary.nodeTypes.map((type) => [type.id, type.color]));
  let choice: EndChoice | undefined;
  const chosen = el('p', { className: 'end-chosen', attrs: { 'data-end': role } });
  const picker = createEntityPicker({
    label,
    placeholder: 'Search an entity…',
    colours,
    onChoose: (hit) => set({ kind: 'existing', id: hit.id, name: hit.name, type: hit.type }),
  });
  picker.input.name = role;
  // Typing again forgets the entity chosen before, until a suggestion is chosen.
  picker.input.addEventListener('input', () => {
    if (choice?.kind === 'existing') set(undefined);
  });

  const newName = textInput(`${role}-new-name`);
  const newType = selectInput(
    `${role}-new-type`,
    vocabulary.nodeTypes.map((type) => ({ value: type.id, text: type.label })),
    vocabulary.nodeTypes[0]?.id ?? '',
  );
  const newKind = selectInput(`${role}-new-kind`, [], '');
  const kindRow = field('Kind', newKind);
  const refreshKinds = () => {
    const kinds = vocabulary.nodeTypes.find((type) => type.id === newType.value)?.kinds ?? [];
    setOptions(newKind, [{ value: '', text: '(none)' }, ...kinds.map((k) => ({ value: k, text: k }))], newKind.value);
    kindRow.hidden = kinds.length === 0;
  };
  const newFields = el(
    'fieldset',
    { className: 'new-entity', attrs: { hidden: '' } },
    el('legend', {}, `New ${role} entity`),
    field('Name', newName),
    field('Type', newType),
    kindRow,
  );
  const readNew = () =>
    set({ kind: 'new', name: newName.value, type: newType.value, entityKind: newKind.value || undefined }, false);
  newName.addEventListener('input', readNew);
  newType.addEventListener('change', () => {
    refreshKinds();
    readNew();
  });
  newKind.addEventListener('change', readNew);
  const toggle = button(
    'New entity…',
    () => {
      newFields.hidden = !newFields.hidden;
      if (newFields.hidden) set(undefined);
      else {
        refreshKinds();
        if (newName.value === '') newName.value = picker.input.value.trim();
        readNew();
        newName.focus();
      }
    },
    { className: 'link', attrs: { 'data-new-end': role } },
  );

  function describe(): string {
    if (!choice) return `No ${role} chosen yet.`;
    if (choice.kind === 'existing') return `${choice.name} (${choice.type})`;
    return `New: ${choice.name.trim() || '(no name yet)'} (${choice.type}${choice.entityKind ? `, ${choice.entityKind}` : ''})`;
  }

  function set(next: EndChoice | undefined, closeNew = true): void {
    choice = next;
    if (next?.kind === 'existing') {
      picker.setValue(next.name);
      if (closeNew) newFields.hidden = true;
    }
    chosen.textContent = describe();
    onChange();
  }

  chosen.textContent = describe();
  const element = el('div', { className: 'end-picker' }, picker.element, toggle, newFields, chosen);
  return { element, value: () => choice, set: (next) => set(next) };
}
