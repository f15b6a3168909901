import { ConfigurationError, GraphQLRequestError } from '@gemeng/frontend-kit';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AccountData, CommuneRef, Me } from './account-data.ts';

/** The account on screen. */
export interface Shown {
  readonly me: Me;
  readonly communes: readonly CommuneRef[];
}

export type LoadState =
  | { readonly status: 'anonymous' }
  /** `previous`: what stays on screen while the account loads again (after a change). */
  | { readonly status: 'loading'; readonly previous?: Shown }
  | { readonly status: 'loaded'; readonly shown: Shown }
  | { readonly status: 'error'; readonly error: GraphQLRequestError; readonly previous?: Shown };

export interface AccountLoadOptions {
  /** The account query as the signed-in person; undefined when nobody is signed in. */
  readonly fetch: (signal: AbortSignal) => Promise<AccountData> | undefined;
  /** After every load that found the person. */
  readonly loaded: (me: Me) => void;
  /** The endpoint is not the page's router: the token was not sent. */
  readonly misconfigured: (error: ConfigurationError) => void;
}

/**
 * The account query's state for `<gemeng-account>` (a Lit reactive controller): one load at a time (a new one
 * aborts the previous), what is shown stays on screen while it loads again, and a failure keeps it too.
 */
export class AccountLoad implements ReactiveController {
  #state: LoadState = { status: 'anonymous' };
  #controller: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: AccountLoadOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#controller?.abort();
  }

  get state(): LoadState {
    return this.#state;
  }

  set state(state: LoadState) {
    this.#state = state;
    this.host.requestUpdate();
  }

  /** What is on screen: the account loaded, or the previous one while it loads again or failed to. */
  get shown(): Shown | undefined {
    const state = this.#state;
    return state.status === 'loaded' ? state.shown : state.status === 'anonymous' ? undefined : state.previous;
  }

  /** Nobody signed in (any load in flight is dropped). */
  clear(): void {
    this.#controller?.abort();
    this.state = { status: 'anonymous' };
  }

  /** Loads the account (again); what is shown stays meanwhile. */
  async reload(): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    const request = this.options.fetch(controller.signal);
    if (!request) return;
    this.#controller = controller;
    const previous = this.shown;
    this.state = previous ? { status: 'loading', previous } : { status: 'loading' };
    try {
      const data = await request;
      if (controller.signal.aborted) return;
      if (!data.me) {
        this.state = { status: 'anonymous' };
        return;
      }
      this.state = { status: 'loaded', shown: { me: data.me, communes: data.communes } };
      this.options.loaded(data.me);
    } catch (error) {
      if (controller.signal.aborted) return;
      if (error instanceof ConfigurationError) {
        this.state = { status: 'anonymous' };
        return this.options.misconfigured(error);
      }
      const requestError = GraphQLRequestError.from(error);
      this.state = previous
        ? { status: 'error', error: requestError, previous }
        : { status: 'error', error: requestError };
    }
  }
}
