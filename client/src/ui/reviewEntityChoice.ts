// One end (subject or object) of a proposal in the review panel: a choice among every
// entity the document's proposals mention (existing ones, ones an earlier accept created,
// new ones still to create), any entity of the graph found by search, or a new entity the
// reviewer names. It gives the end as the accept body takes it, and takes the answer to
// "X already exists": use the existing entity, or create the new one anyway.
import type { SearchHit, VocabularyResponse } from '../../../server/model/api';
import type { EntityChoice } from '../../../server/model/journalEntries';
import type { ProposalEntity } from '../../../server/model/reviewApi';
import { el } from './dom';
import { createEntityPicker } from './entityPicker';

const SEARCH = '__search__';
const NEW_ENTITY = '__new__';

export interface EntityChoiceField {
  element: HTMLElement;
  /** The end as the accept body takes it; undefined when it is the proposal's own, unchanged. */
  value(): EntityChoice | undefined;
  /** The new entity this end would create, if it creates one. */
  newEntity(): { name: string; type: string } | undefined;
  /** Chooses an entity of the graph (the one a 409 named). */
  use(entity: { id: string; name: string; type: string }): void;
  /** Sends the new entity of this end with `createAnyway` (after a 409 the reviewer overrode). */
  createAnyway(): void;
}

function optionText(entity: ProposalEntity): string {
  return `${entity.name}${entity.existing ? '' : ' (new)'} · ${entity.type}`;
}

export function createEntityChoice(options: {
  side: 'subject' | 'object';
  label: string;
  /** The proposal's own end. */
  original: ProposalEntity;
  /** Every entity the document's proposals mention, the original among them. */
  candidates: ProposalEntity[];
  vocabulary: VocabularyResponse;
}): EntityChoiceField {
  const { side, original } = options;
  const known = new Map<string, ProposalEntity>(options.candidates.map((c) => [c.id, c]));
  known.set(original.id, original);
  const select = el(
    'select',
    { attrs: { id: `review-${side}` } },
    ...[...known.values()].map((c) => el('option', { attrs: { value: c.id } }, optionText(c))),
    el('option', { attrs: { value: SEARCH } }, 'Another entity of the graph…'),
    el('option', { attrs: { value: NEW_ENTITY } }, 'New entity…'),
  );
  select.value = original.id;

  const colours = new Map(options.vocabulary.nodeTypes.map((t) => [t.id, t.color]));
  const picker = createEntityPicker({
    label: `Find the ${side} in the graph`,
    placeholder: 'Search names and aliases…',
    colours,
    onChoose: (hit: SearchHit) => use({ id: hit.id, name: hit.name, type: hit.type }),
  });
  picker.input.id = `review-${side}-search`;
  picker.element.querySelector('label')?.setAttribute('for', picker.input.id);
  const search = el('div', { className: 'review-search', attrs: { hidden: '' } }, picker.element);

  const name = el('input', { attrs: { id: `review-${side}-new-name`, type: 'text' } });
  const type = el(
    'select',
    { attrs: { id: `review-${side}-new-type` } },
    ...options.vocabulary.nodeTypes.map((t) => el('option', { attrs: { value: t.id } }, t.label)),
  );
  const fresh = el(
    'fieldset',
    { className: 'review-new', attrs: { hidden: '' } },
    el('legend', {}, `New ${side}`),
    el('div', { className: 'review-field' }, el('label', { attrs: { for: name.id } }, 'Name'), name),
    el('div', { className: 'review-field' }, el('label', { attrs: { for: type.id } }, 'Type'), type),
  );

  let anyway = false;
  const toggle = () => {
    search.hidden = select.value !== SEARCH;
    fresh.hidden = select.value !== NEW_ENTITY;
  };
  select.addEventListener('change', () => {
    anyway = false;
    toggle();
    if (select.value === SEARCH) picker.input.focus();
  });

  function use(entity: { id: string; name: string; type: string }): void {
    if (!known.has(entity.id)) {
      const found: ProposalEntity = { ...entity, existing: true };
      known.set(entity.id, found);
      select.insertBefore(
        el('option', { attrs: { value: entity.id } }, optionText(found)),
        select.querySelector(`option[value="${SEARCH}"]`),
      );
    }
    select.value = entity.id;
    anyway = false;
    toggle();
  }

  /** The new entity this end creates: one the reviewer names, or a proposed one still to create. */
  function newEntity(): { name: string; type: string } | undefined {
    if (select.value === NEW_ENTITY) return { name: name.value.trim(), type: type.value };
    const chosen = known.get(select.value);
    return chosen && !chosen.existing ? { name: chosen.name, type: chosen.type } : undefined;
  }

  return {
    element: el(
      'div',
      { className: 'review-end' },
      el('div', { className: 'review-field' }, el('label', { attrs: { for: select.id } }, options.label), select),
      search,
      fresh,
    ),
    value() {
      const created = newEntity();
      if (select.value === NEW_ENTITY || (anyway && created))
        return { ...created!, ...(anyway ? { createAnyway: true } : {}) };
      if (select.value === SEARCH || select.value === original.id) return undefined;
      return select.value;
    },
    newEntity,
    use,
    createAnyway() {
      anyway = true;
    },
  };
}
