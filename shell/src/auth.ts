import type { Language } from '@gemeng/frontend-kit';
import {
  type AuthClient,
  AuthError,
  authClient,
  CALLBACK_PATH,
  isPopupCallback,
  isSilentCallback,
  notifyOpener,
  resolveIssuer,
} from '@gemeng/frontend-kit';
import { t } from './messages.ts';

/** The page's sign-in client (shared with the widgets), or undefined when the server set no issuer. */
export function portalAuth(): AuthClient | undefined {
  const issuer = resolveIssuer();
  return issuer ? authClient({ issuer }) : undefined;
}

function notice(role: 'status' | 'alert', text: string): HTMLElement {
  const element = document.createElement('p');
  element.className = role === 'alert' ? 'notice notice-error' : 'notice';
  element.setAttribute('role', role);
  element.textContent = text;
  document.querySelector('#gemeng-notice')?.replaceChildren(element);
  return element;
}

/**
 * Runs before single-spa starts. On `/auth/callback`: completes the sign-in and puts the address back to where
 * the person was (history only: the tokens live in this page's memory). On `/?state=` after a sign-out: back to
 * where the person was. Anywhere else: restores the provider's session silently (ADR 11), without waiting: the
 * sign-in shows as pending meanwhile, and nobody signed in there means anonymous, without a message. Returns
 * false when this page is a popup's or a silent frame's landing page, which the page waiting for it reads and
 * closes (nothing else must run there).
 */
export async function completeAuthReturn(auth: AuthClient | undefined, language: Language): Promise<boolean> {
  if (location.pathname === CALLBACK_PATH && isSilentCallback()) {
    notifyOpener();
    return false;
  }
  if (location.pathname === CALLBACK_PATH && isPopupCallback()) {
    notifyOpener();
    notice('status', t(language, 'popupDone'));
    return false;
  }
  if (!auth) return true;
  if (location.pathname === CALLBACK_PATH) {
    const status = notice('status', t(language, 'signingIn'));
    try {
      const { returnTo } = await auth.handleRedirectCallback();
      status.remove();
      history.replaceState(null, '', returnTo);
    } catch (error) {
      console.warn(error instanceof AuthError ? `${error.code}: ${error.message}` : error);
      notice('alert', t(language, 'signInFailed'));
      history.replaceState(null, '', '/');
    }
    return true;
  }
  const returnTo = auth.completeSignOut();
  if (returnTo) history.replaceState(null, '', returnTo);
  else void auth.restore();
  return true;
}
