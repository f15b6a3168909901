/**
 * Windows that come back to this origin's callback URL: the sign-in popup (commune websites, step-up) and the
 * hidden frame of a silent restore (./silent.ts). The waiting side reads the window's address once it is back
 * on this origin; a callback page that loads Gemeng's runtime also posts it (`notifyOpener`).
 */
import { AuthError, CALLBACK_PATH, MESSAGE_TYPE, POPUP_NAME, SILENT_FRAME_NAME } from './types.ts';

const POLL_MS = 100;
export const POPUP_TIMEOUT_MS = 15 * 60_000;

/** True on a popup's landing page (the callback URL inside the window this client opened). */
export function isPopupCallback(): boolean {
  return (
    typeof window !== 'undefined' &&
    location.pathname === CALLBACK_PATH &&
    // Browsers may clear window.name on a cross-site navigation: the opener then tells it apart.
    (window.name === POPUP_NAME || Boolean(window.opener))
  );
}

/** True on the callback page inside a silent restore's hidden frame (same origin as the page around it). */
export function isSilentCallback(): boolean {
  if (typeof window === 'undefined' || location.pathname !== CALLBACK_PATH || window.parent === window) return false;
  try {
    return window.name === SILENT_FRAME_NAME || window.parent.location.origin === location.origin;
  } catch {
    return false; // framed by another origin: not ours
  }
}

/**
 * On a popup's (or a silent frame's) landing page: hands the callback URL to the page that waits for it (same
 * origin only). That page also reads the address itself, so a callback page without Gemeng's script works too.
 */
export function notifyOpener(): boolean {
  const target = isPopupCallback() ? (window.opener as Window) : isSilentCallback() ? window.parent : undefined;
  if (!target) return false;
  try {
    target.postMessage({ type: MESSAGE_TYPE, url: location.href }, location.origin);
  } catch {
    // The opener navigated away; nothing waits for this sign-in any more.
  }
  return true;
}

export function openPopup(): Window {
  const width = 520;
  const height = 720;
  const left = Math.max(0, (window.screenX ?? 0) + ((window.outerWidth ?? width) - width) / 2);
  const top = Math.max(0, (window.screenY ?? 0) + ((window.outerHeight ?? height) - height) / 2);
  const popup = window.open('', POPUP_NAME, `popup,width=${width},height=${height},left=${left},top=${top}`);
  if (!popup) {
    throw new AuthError('The browser blocked the sign-in window: allow pop-ups for this site.', 'popup-blocked');
  }
  return popup;
}

export interface WaitOptions {
  /** True for the address the wait is for (read once the window is back on this origin). */
  readonly done: (href: string) => boolean;
  readonly timeoutMs: number;
  readonly timeoutMessage: string;
  /** Ends the wait with its reason (e.g. the frame showed a page of another origin). */
  readonly signal?: AbortSignal;
}

/** The window's address when it can be read (this origin), else undefined (another origin, or an error page). */
export function readableHref(target: Window): string | undefined {
  try {
    return target.location.href;
  } catch {
    return undefined;
  }
}

/**
 * Resolves with `target`'s URL once it is back on this origin and `done(url)`; rejects when it is closed
 * (`cancelled`), after `timeoutMs` (`timeout`) or when `signal` aborts.
 */
export function waitForCallback(target: Window, options: WaitOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const finish = (outcome: () => void) => {
      clearInterval(poll);
      clearTimeout(timeout);
      window.removeEventListener('message', onMessage);
      options.signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const check = (href: string | undefined) => {
      if (!href || !options.done(href)) return false;
      finish(() => resolve(href));
      return true;
    };
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: unknown; url?: unknown } | null;
      if (event.origin !== location.origin || event.source !== target || data?.type !== MESSAGE_TYPE) return;
      check(typeof data.url === 'string' ? data.url : undefined);
    };
    const onAbort = () => finish(() => reject(options.signal?.reason));
    const poll = setInterval(() => {
      if (check(readableHref(target))) return;
      if (target.closed) finish(() => reject(new AuthError('The sign-in window was closed.', 'cancelled')));
    }, POLL_MS);
    const timeout = setTimeout(
      () => finish(() => reject(new AuthError(options.timeoutMessage, 'timeout'))),
      options.timeoutMs,
    );
    window.addEventListener('message', onMessage);
    if (options.signal?.aborted) onAbort();
    else options.signal?.addEventListener('abort', onAbort);
  });
}

/** Shows the authorization request `url` in `popup` and resolves with the callback URL it comes back to. */
export async function popupAuthorize(popup: Window, url: string, redirectUri: string): Promise<URL> {
  popup.location.href = url;
  const callback = await waitForCallback(popup, {
    done: (href) => href.startsWith(redirectUri),
    timeoutMs: POPUP_TIMEOUT_MS,
    timeoutMessage: 'Signing in took too long.',
  });
  popup.close();
  return new URL(callback);
}
