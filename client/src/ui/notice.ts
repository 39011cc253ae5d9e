// Loading and error messages over the graph area: the API being down must show as a
// message with a way to retry, never as a blank page.
import { button, el, replaceChildren } from './dom';

export interface Notice {
  loading(text: string): void;
  error(text: string, retry?: () => void): void;
  info(text: string): void;
  clear(): void;
}

export function createNotice(container: HTMLElement): Notice {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = (className: string, role: string, ...content: (Node | string)[]) => {
    clearTimeout(timer);
    container.hidden = false;
    container.className = `notice ${className}`;
    container.setAttribute('role', role);
    replaceChildren(container, ...content);
  };
  return {
    loading: (text) =>
      show('notice-loading', 'status', el('span', { className: 'spinner', attrs: { 'aria-hidden': 'true' } }), text),
    error: (text, retry) =>
      show(
        'notice-error',
        'alert',
        el('strong', {}, 'Error: '),
        text,
        retry ? button('Retry', retry, { attrs: { id: 'retry' } }) : '',
      ),
    info(text) {
      show(
        'notice-info',
        'status',
        text,
        button('Dismiss', () => this.clear(), { className: 'link' }),
      );
      timer = setTimeout(() => this.clear(), 8000);
    },
    clear() {
      container.hidden = true;
      replaceChildren(container);
    },
  };
}
