// A small DOM builder. Text always goes in as text nodes, never as HTML, so names,
// quotes and titles from the data cannot inject markup or scripts.
type Child = Node | string | number | null | undefined | false;

export interface ElementOptions {
  className?: string;
  attrs?: Record<string, string | undefined>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  options: ElementOptions = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (options.className) element.className = options.className;
  for (const [name, value] of Object.entries(options.attrs ?? {}))
    if (value !== undefined) element.setAttribute(name, value);
  for (const [name, handler] of Object.entries(options.on ?? {}))
    element.addEventListener(name, handler as EventListener);
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child,
    );
  }
}

/** Replaces an element's content. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

export function button(label: string, onClick: () => void, options: ElementOptions = {}): HTMLButtonElement {
  return el(
    'button',
    { ...options, attrs: { type: 'button', ...options.attrs }, on: { ...options.on, click: () => onClick() } },
    label,
  );
}

/** A coloured dot for legends and lists. */
export function swatch(colour: string): HTMLSpanElement {
  const dot = el('span', { className: 'swatch', attrs: { 'aria-hidden': 'true' } });
  dot.style.background = colour;
  return dot;
}

let uniqueCounter = 0;
export function uniqueId(prefix: string): string {
  uniqueCounter += 1;
  return `${prefix}-${uniqueCounter}`;
}

/**
 * Runs a redraw of `container` and gives the focus back to the element with the same id,
 * so a keyboard user who ticks a checkbox is not thrown back to the top of the page.
 */
export function keepingFocus(container: Element, redraw: () => void): void {
  const active = document.activeElement;
  const id = active instanceof HTMLElement && container.contains(active) ? active.id : '';
  redraw();
  if (id) document.getElementById(id)?.focus();
}
