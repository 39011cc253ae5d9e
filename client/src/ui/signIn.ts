// Signing in and out. Where reads are private, the page shows only a sign-in screen until
// a reader's token is given; elsewhere the header's **Sign in** lets a curator give theirs.
// The token goes to sessionStorage only (session.ts) and the page reloads with it; the
// header then shows the user's name and role and **Sign out**, and `data-can-write` on the
// body hides the controls the role does not allow (styles.css: `.writes-only`).
import type { SessionResponse } from '../../../server/model/api';
import { ApiError, fetchSession } from '../api';
import { forgetToken, sessionAllows, sessionLabel, storeToken } from '../session';
import { button, el } from './dom';

/** Marks what the session may do on the body, for the stylesheet and the tests. */
export function applySession(session: SessionResponse): void {
  document.body.dataset.canWrite = String(sessionAllows(session, 'curate'));
  document.body.dataset.reads = session.reads;
}

/** The form that takes a token, checks it with the server, and reloads signed in. */
function signInForm(intro: string, onCancel?: () => void): HTMLFormElement {
  const input = el('input', {
    attrs: {
      id: 'sign-in-token',
      type: 'password',
      autocomplete: 'off',
      required: '',
      'aria-describedby': 'sign-in-error',
    },
  });
  const error = el('p', { className: 'error', attrs: { id: 'sign-in-error', role: 'alert' } });
  const submit = async () => {
    const token = input.value.trim();
    if (token === '') {
      error.textContent = 'Paste the token `claimgraph users add` printed for you.';
      return;
    }
    storeToken(token);
    try {
      await fetchSession();
      window.location.reload();
    } catch (failure) {
      forgetToken();
      error.textContent =
        failure instanceof ApiError && failure.status === 401
          ? 'This server does not know that token: it was revoked, or mistyped.'
          : `Could not sign in: ${(failure as Error).message}`;
    }
  };
  return el(
    'form',
    {
      className: 'sign-in-form',
      attrs: { id: 'sign-in', 'aria-label': 'Sign in' },
      on: {
        submit: (event) => {
          event.preventDefault();
          void submit();
        },
      },
    },
    el('p', {}, intro),
    el('label', { attrs: { for: 'sign-in-token' } }, 'Token'),
    input,
    error,
    el(
      'div',
      { className: 'form-actions' },
      el('button', { attrs: { type: 'submit', id: 'sign-in-submit' } }, 'Sign in'),
      onCancel ? button('Cancel', onCancel, { className: 'secondary' }) : null,
    ),
  );
}

/** The whole page as a sign-in screen: reads need a token and none (or a stale one) was given. */
export function showSignInScreen(message?: string): void {
  const screen = el(
    'section',
    { className: 'sign-in-screen', attrs: { 'aria-label': 'Sign in to this investigation' } },
    el('h2', {}, 'Sign in'),
    signInForm(
      message ??
        'This investigation is private. Sign in with the token an admin made for you (`claimgraph users add NAME --role reader`).',
    ),
  );
  document.body.replaceChildren(screen);
  screen.querySelector('input')?.focus();
}

/** The header's user line: name, role and Sign out; or Sign in, opening the form in place. */
export function mountSessionControls(slot: HTMLElement, session: SessionResponse): void {
  const label = sessionLabel(session);
  if (label) {
    slot.replaceChildren(
      el('span', { className: 'session-user', attrs: { id: 'session-user' } }, label),
      button(
        'Sign out',
        () => {
          forgetToken();
          window.location.reload();
        },
        { className: 'secondary', attrs: { id: 'sign-out' } },
      ),
    );
    return;
  }
  const open = button(
    'Sign in',
    () => {
      const form = signInForm('Sign in with your token to review and curate.', () =>
        mountSessionControls(slot, session),
      );
      slot.replaceChildren(form);
      form.querySelector('input')?.focus();
    },
    { className: 'secondary', attrs: { id: 'open-sign-in' } },
  );
  slot.replaceChildren(open);
}
