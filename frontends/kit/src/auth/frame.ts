/**
 * The hidden frame of a silent restore (ADR 11): the authorization request with `prompt=none` is answered by a
 * redirect to this origin's callback URL, read from the frame as soon as it is back on this origin.
 */
import { readableHref, waitForCallback } from './popup.ts';
import { AuthError, SILENT_FRAME_NAME } from './types.ts';

export const SILENT_TIMEOUT_MS = 10_000;

/**
 * Opens `url` (the authorization request) in a hidden frame and resolves with the callback URL it comes back
 * to. Rejects with `provider` when the frame ends on a page of another origin (the provider showed a page, or
 * the browser refused to frame one), `timeout` after `timeoutMs`.
 */
export async function silentAuthorize(url: string, redirectUri: string, timeoutMs = SILENT_TIMEOUT_MS): Promise<URL> {
  const frame = document.createElement('iframe');
  frame.name = SILENT_FRAME_NAME;
  frame.hidden = true;
  frame.tabIndex = -1;
  frame.setAttribute('aria-hidden', 'true');
  frame.title = '';
  frame.src = url;
  const aborter = new AbortController();
  frame.addEventListener('load', () => {
    const target = frame.contentWindow;
    // Still on the provider's origin once loaded: it rendered a page (or the browser an error page).
    if (target && readableHref(target) === undefined) {
      aborter.abort(new AuthError('The sign-in service did not answer the silent request.', 'provider'));
    }
  });
  (document.body ?? document.documentElement).append(frame);
  try {
    const target = frame.contentWindow;
    if (!target) throw new AuthError('The browser did not open the silent sign-in frame.', 'provider');
    const href = await waitForCallback(target, {
      done: (value) => value.startsWith(redirectUri),
      timeoutMs,
      timeoutMessage: 'The sign-in service did not answer the silent request in time.',
      signal: aborter.signal,
    });
    return new URL(href);
  } finally {
    frame.remove();
  }
}
