import { createMessages, matchLanguage } from '@gemeng/frontend-kit';
import de from './messages/offline/de.json';
import en from './messages/offline/en.json';
import fr from './messages/offline/fr.json';
import lb from './messages/offline/lb.json';
import './offline.css';
import { registerServiceWorker } from './sw-register.ts';

/** The notice's texts (ICU, `messages/offline/<language>.json`), in the page's script like the shell's own. */
export const offlineMessages = createMessages('offline', { lb, fr, de, en });

/** `offline`: the browser says so; `cached`: online, but an answer came from the service worker's cache. */
export type ConnectionState = 'online' | 'offline' | 'cached';

/**
 * A `role="status"` region at the top of `<main>` (or of the body), empty while online: screen readers announce
 * its text when it appears. It follows `<html lang>` when the language changes.
 */
export class OfflineNotice {
  readonly element: HTMLElement;
  #state: ConnectionState = 'online';

  constructor(doc: Document = document) {
    this.element = doc.createElement('div');
    this.element.className = 'offline-notice';
    this.element.id = 'gemeng-offline';
    this.element.setAttribute('role', 'status');
    const parent = doc.querySelector('main') ?? doc.body;
    parent.prepend(this.element);
    new MutationObserver(() => this.#render()).observe(doc.documentElement, { attributeFilter: ['lang'] });
  }

  get state(): ConnectionState {
    return this.#state;
  }

  set state(state: ConnectionState) {
    // Being offline says more than "some answers came from the cache": it stays until the browser is back online.
    if (state === 'cached' && this.#state === 'offline') return;
    this.#state = state;
    this.#render();
  }

  #render(): void {
    const doc = this.element.ownerDocument;
    if (this.#state === 'online') {
      this.element.replaceChildren();
      return;
    }
    const language = matchLanguage(doc.documentElement.lang) ?? 'lb';
    const text = offlineMessages.t(language, this.#state);
    const current = this.element.firstElementChild;
    if (current?.textContent === text) return;
    const paragraph = doc.createElement('p');
    paragraph.textContent = text;
    this.element.replaceChildren(paragraph);
  }
}

/**
 * Shows the notice while the browser is offline and when the service worker answers from its cache (it posts
 * `gemeng:from-cache`); back online, it goes. `win` is the page's window (a test's happy-dom window).
 */
export function watchConnection(notice: OfflineNotice, win: Window = window): void {
  if (!win.navigator.onLine) notice.state = 'offline';
  win.addEventListener('offline', () => {
    notice.state = 'offline';
  });
  win.addEventListener('online', () => {
    notice.state = 'online';
  });
  win.navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type === 'gemeng:from-cache') notice.state = 'cached';
  });
}

/** The installable portal's page side: the offline notice, then the service worker (sw-register.ts). */
export function startOffline(): void {
  watchConnection(new OfflineNotice());
  registerServiceWorker();
}
