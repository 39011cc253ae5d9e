// The pieces every curation form is made of: labelled fields (named, so a form reads
// back by name) and the line under a form that says what a write did or why it was
// refused. Every write sends the signed-in user's token (writeToken.ts), never one typed
// into the form. Text goes in as text nodes only.
import { ApiError } from '../api';
import { el, uniqueId } from './dom';

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** A label and its control on one row. */
export function field(label: string, control: Control | HTMLElement, hint?: HTMLElement): HTMLElement {
  if (!control.id) control.id = uniqueId('field');
  return el(
    'div',
    { className: 'form-field' },
    el('label', { attrs: { for: control.id } }, label),
    control,
    hint ?? null,
  );
}

export function textInput(name: string, value = '', attrs: Record<string, string> = {}): HTMLInputElement {
  const input = el('input', { attrs: { type: 'text', name, autocomplete: 'off', ...attrs } });
  input.value = value;
  return input;
}

export function textArea(name: string, value = '', rows = 3): HTMLTextAreaElement {
  const area = el('textarea', { attrs: { name, rows: String(rows) } });
  area.value = value;
  return area;
}

export function selectInput(
  name: string,
  options: ReadonlyArray<{ value: string; text: string }>,
  value: string,
): HTMLSelectElement {
  const select = el('select', { attrs: { name } });
  setOptions(select, options, value);
  return select;
}

/** Replaces a select's options, keeping `value` selected when it is one of them. */
export function setOptions(
  select: HTMLSelectElement,
  options: ReadonlyArray<{ value: string; text: string }>,
  value: string | undefined,
): void {
  select.replaceChildren(...options.map((option) => el('option', { attrs: { value: option.value } }, option.text)));
  if (value !== undefined && options.some((option) => option.value === value)) select.value = value;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function isStatus(error: unknown, status: number): error is ApiError {
  return error instanceof ApiError && error.status === status;
}

export interface WriteStatus {
  element: HTMLElement;
  say(text: string, kind?: 'info' | 'error', ...extra: HTMLElement[]): void;
  clear(): void;
}

/** The line under a form: what the write did, or why it was refused (with a way out, such as Reload). */
export function writeStatus(): WriteStatus {
  const element = el('p', { className: 'write-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  return {
    element,
    say(text, kind = 'info', ...extra) {
      element.className = `write-status ${kind}`;
      element.replaceChildren(text, ...extra);
    },
    clear() {
      element.className = 'write-status';
      element.replaceChildren();
    },
  };
}
