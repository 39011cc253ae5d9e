// A search box with suggestions from the API (names and aliases, typo tolerant), built
// as an ARIA combobox: arrows move through the suggestions, Enter chooses, Escape closes.
// Used by the main search and by both ends of the path finder.
import type { SearchHit } from '../../../server/model/api';
import { searchEntities } from '../api';
import { el, replaceChildren, swatch, uniqueId } from './dom';

export interface EntityPickerOptions {
  label: string;
  placeholder: string;
  /** Node type colours for the suggestion dots. */
  colours: Map<string, string>;
  onChoose(hit: SearchHit): void;
  /** Hide the label visually (it stays for screen readers). */
  hiddenLabel?: boolean;
}

export interface EntityPicker {
  element: HTMLElement;
  input: HTMLInputElement;
  setValue(text: string): void;
}

const SUGGESTIONS = 8;

export function createEntityPicker(options: EntityPickerOptions): EntityPicker {
  const id = uniqueId('picker');
  const listId = `${id}-list`;
  const input = el('input', {
    className: 'picker-input',
    attrs: {
      id,
      type: 'search',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      autocomplete: 'off',
      placeholder: options.placeholder,
      spellcheck: 'false',
    },
  });
  const list = el('ul', {
    className: 'picker-list',
    attrs: { id: listId, role: 'listbox', 'aria-label': `${options.label}: suggestions` },
  });
  list.hidden = true;
  const label = el(
    'label',
    { attrs: { for: id }, className: options.hiddenLabel ? 'visually-hidden' : undefined },
    options.label,
  );
  const element = el('div', { className: 'picker' }, label, input, list);

  let hits: SearchHit[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  function close(): void {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(index: number): void {
    active = index;
    [...list.children].forEach((item, i) => item.setAttribute('aria-selected', i === index ? 'true' : 'false'));
    if (index >= 0) input.setAttribute('aria-activedescendant', `${listId}-${index}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function choose(hit: SearchHit): void {
    input.value = hit.name;
    close();
    options.onChoose(hit);
  }

  function showMessage(text: string): void {
    replaceChildren(
      list,
      el('li', { className: 'picker-message', attrs: { role: 'option', 'aria-disabled': 'true' } }, text),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  function show(found: SearchHit[]): void {
    hits = found;
    if (hits.length === 0) return showMessage('No entity matches.');
    replaceChildren(
      list,
      ...hits.map((hit, index) => {
        const matchedOther = hit.matched.field === 'alias' && hit.matched.text !== hit.name;
        const item = el(
          'li',
          { attrs: { id: `${listId}-${index}`, role: 'option', 'aria-selected': 'false' } },
          swatch(options.colours.get(hit.type) ?? '#999999'),
          el('span', { className: 'hit-name' }, hit.name),
          el('span', { className: 'hit-type' }, hit.type),
          matchedOther ? el('span', { className: 'hit-alias' }, `“${hit.matched.text}”`) : null,
        );
        // mousedown, not click: it fires before the input's blur closes the list.
        item.addEventListener('mousedown', (event) => {
          event.preventDefault();
          choose(hit);
        });
        return item;
      }),
    );
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    setActive(0);
  }

  async function lookUp(text: string): Promise<void> {
    controller?.abort();
    controller = new AbortController();
    try {
      const response = await searchEntities(text, SUGGESTIONS, controller.signal);
      if (input.value.trim() === text) show(response.hits);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      showMessage(`Search failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text === '') {
      hits = [];
      close();
      return;
    }
    timer = setTimeout(() => void lookUp(text), 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      if (list.hidden) show(hits);
      else setActive((active + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((active - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      const hit = hits[active >= 0 ? active : 0];
      if (hit && !list.hidden) {
        event.preventDefault();
        choose(hit);
      }
    } else if (event.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => close());

  return { element, input, setValue: (text) => (input.value = text) };
}
