import type { ShellMessageKey } from './messages.ts';

type Translate = (key: ShellMessageKey) => string;

/** A single-spa parcel (what single-spa-layout mounts as an application's loader or error). */
export interface Placeholder {
  bootstrap(): Promise<void>;
  mount(props: unknown): Promise<void>;
  unmount(props: unknown): Promise<void>;
}

/** single-spa waits this long after a failed load before it tries the same application again. */
const RELOAD_AFTER_ERROR_MS = 200;

/** What single-spa-layout gives its loader and error parcels. */
function parcelProps(props: unknown): { domElement: HTMLElement; error?: { appOrParcelName?: string } } {
  return props as { domElement: HTMLElement; error?: { appOrParcelName?: string } };
}

function line(translate: Translate, key: ShellMessageKey): HTMLParagraphElement {
  const paragraph = document.createElement('p');
  // The language switcher translates every [data-i18n] again (src/language.ts).
  paragraph.dataset.i18n = key;
  paragraph.textContent = translate(key);
  return paragraph;
}

/** "Loading…" where an application is about to appear, in the page's language. */
export function loadingParcel(translate: Translate): Placeholder {
  const shown = new WeakMap<HTMLElement, HTMLElement>();
  return {
    bootstrap: async () => {},
    mount: async (props) => {
      const { domElement } = parcelProps(props);
      const status = line(translate, 'loading');
      status.className = 'placeholder';
      status.setAttribute('role', 'status');
      domElement.append(status);
      shown.set(domElement, status);
    },
    unmount: async (props) => {
      const { domElement } = parcelProps(props);
      shown.get(domElement)?.remove();
      shown.delete(domElement);
    },
  };
}

/**
 * In place of an application whose module could not be loaded (offline, a deployment in between): a localised
 * alert and a button that tries again (`retry(name)`, which loads the module afresh and lets single-spa route
 * again), never a blank area.
 */
export function failedParcel(translate: Translate, retry: (name: string) => void): Placeholder {
  const shown = new WeakMap<HTMLElement, HTMLElement>();
  return {
    bootstrap: async () => {},
    mount: async (props) => {
      const { domElement, error } = parcelProps(props);
      const mountedAt = Date.now();
      const alert = document.createElement('div');
      alert.className = 'placeholder placeholder-error';
      alert.setAttribute('role', 'alert');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.i18n = 'retry';
      button.textContent = translate('retry');
      button.addEventListener('click', () => {
        // The focus waits on <main> (not lost with the button) while the module loads again.
        domElement.closest<HTMLElement>('main')?.focus();
        alert.remove();
        const name = error?.appOrParcelName ?? '';
        setTimeout(() => retry(name), Math.max(0, RELOAD_AFTER_ERROR_MS + 20 - (Date.now() - mountedAt)));
      });
      alert.append(line(translate, 'appError'), button);
      domElement.append(alert);
      shown.set(domElement, alert);
    },
    unmount: async (props) => {
      const { domElement } = parcelProps(props);
      shown.get(domElement)?.remove();
      shown.delete(domElement);
    },
  };
}
