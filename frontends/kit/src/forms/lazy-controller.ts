import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Language } from '../i18n.ts';
import { tf } from './messages.ts';

export type LazyStatus = 'idle' | 'loading' | 'loaded' | 'failed';

/**
 * A part of a widget whose code loads when it is first shown (`import()` of its module: its dependencies come
 * with it, in its own chunk), as a Lit reactive controller: `load()` once, `render()` draws it when loaded, a
 * "Loading…" placeholder (`aria-busy`) meanwhile, and an alert with a retry button when the chunk could not be
 * fetched.
 */
export class LazyController<M> implements ReactiveController {
  status: LazyStatus = 'idle';
  module: M | undefined;
  #loading: Promise<M | undefined> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly loader: () => Promise<M>,
    private readonly onLoad?: (module: M) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Loads the module (once; again after a failure); resolves with it, or undefined when it failed. */
  load(): Promise<M | undefined> {
    if (this.status === 'loaded') return Promise.resolve(this.module);
    if (this.#loading) return this.#loading;
    this.status = 'loading';
    this.host.requestUpdate();
    this.#loading = this.loader().then(
      (module) => {
        this.module = module;
        this.status = 'loaded';
        this.onLoad?.(module);
        return module;
      },
      (error: unknown) => {
        console.error(error);
        this.status = 'failed';
        return undefined;
      },
    );
    void this.#loading.finally(() => {
      this.#loading = undefined;
      this.host.requestUpdate();
    });
    return this.#loading;
  }

  /** `loaded(module)` once loaded (the load starts on the first call), else the placeholder or the failure. */
  render(lang: Language, loaded: (module: M) => unknown, part = 'lazy'): unknown {
    if (this.status === 'loaded' && this.module !== undefined) return loaded(this.module);
    if (this.status === 'idle') void this.load();
    if (this.status === 'failed') {
      return html`<div part="${part} alert" role="alert">
        <p>${tf(lang, 'loadFailed')}</p>
        <button part="button" type="button" @click=${() => void this.load()}>${tf(lang, 'retry')}</button>
      </div>`;
    }
    return this.renderLoading(lang, part);
  }

  renderLoading(lang: Language, part = 'lazy'): TemplateResult {
    return html`<div part="${part} loading" class="loading" aria-busy="true"><p>${tf(lang, 'loading')}</p></div>`;
  }
}
