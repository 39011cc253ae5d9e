// The claim form, for a new claim from a selected passage and for correcting a claim:
// subject and object (an existing entity or a new one), the relation type limited to the
// types the vocabulary allows between those ends, the stance, the event date, who it is
// attributed to, and an optional reason. It only reads values; the caller sends them.
import type { VocabularyResponse } from '../../../server/model/api';
import { endType, type ClaimFormValues, type EndChoice } from '../curation/claimDraft';
import { allowedEdgeTypes, allowedTypesHint, keptEdgeType } from '../curation/relationTypes';
import { el } from './dom';
import { createEndPicker } from './endPicker';
import { field, selectInput, setOptions, textInput } from './formKit';
import { storedToken } from '../writeToken';

export interface ClaimFormStart {
  subject?: EndChoice;
  object?: EndChoice;
  type?: string;
  stance?: string;
  date?: string;
  attributedTo?: string;
}

export interface ClaimForm {
  element: HTMLFormElement;
  values(): ClaimFormValues;
  token(): string;
  /** Fills the form again (a claim read again after a 412). */
  fill(start: ClaimFormStart): void;
}

export function createClaimForm(
  vocabulary: VocabularyResponse,
  options: { className: string; start: ClaimFormStart; actions: HTMLElement[]; onSubmit(): void },
): ClaimForm {
  let chosenType = options.start.type;
  const typeSelect = selectInput('type', [], '');
  const typeHint = el('p', { className: 'hint type-hint' });
  const refreshTypes = () => {
    const s = endType(subject.value());
    const o = endType(object.value());
    const allowed = allowedEdgeTypes(vocabulary.edgeTypes, s, o);
    const kept = keptEdgeType(allowed, chosenType);
    setOptions(
      typeSelect,
      allowed.map((type) => ({ value: type.id, text: type.label })),
      kept,
    );
    typeSelect.disabled = allowed.length === 0;
    typeHint.textContent = allowedTypesHint(allowed, s, o);
  };
  const subject = createEndPicker(vocabulary, 'subject', 'Subject', refreshTypes);
  const object = createEndPicker(vocabulary, 'object', 'Object', refreshTypes);
  typeSelect.addEventListener('change', () => (chosenType = typeSelect.value));
  const stance = selectInput(
    'stance',
    vocabulary.stances.map((s) => ({ value: s.id, text: s.label })),
    vocabulary.stances[0]?.id ?? '',
  );
  const date = textInput('date', '', { placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD' });
  const attributedTo = textInput('attributedTo', '', { placeholder: 'an entity id or who says it' });
  const reason = textInput('reason', '', { placeholder: 'optional' });

  function fill(start: ClaimFormStart): void {
    chosenType = start.type;
    subject.set(start.subject);
    object.set(start.object);
    if (start.stance) stance.value = start.stance;
    date.value = start.date ?? '';
    attributedTo.value = start.attributedTo ?? '';
    refreshTypes();
  }

  const element = el(
    'form',
    {
      className: `claim-form ${options.className}`,
      on: {
        submit: (event) => {
          event.preventDefault();
          options.onSubmit();
        },
      },
    },
    subject.element,
    field('Relation', typeSelect, typeHint),
    object.element,
    field('Stance', stance),
    field('Event date', date),
    field('Attributed to', attributedTo),
    field('Reason', reason),
    el('div', { className: 'form-actions' }, ...options.actions),
  );
  fill(options.start);
  return {
    element,
    token: () => storedToken(),
    fill,
    values: () => ({
      subject: subject.value(),
      object: object.value(),
      type: typeSelect.disabled ? undefined : typeSelect.value || undefined,
      stance: stance.value,
      date: date.value,
      attributedTo: attributedTo.value,
      reason: reason.value,
    }),
  };
}
