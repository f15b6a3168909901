import { GraphQLRequestError, type StepUpChallenge, stepUpChallenge } from '@gemeng/frontend-kit';
import type { ReactiveControllerHost } from 'lit';

/** Why the back office cannot show what was asked, as the agent should read it. */
export type LoadFailure =
  /** Signed in, but not an agent of this commune (FORBIDDEN). */
  | { readonly kind: 'forbidden' }
  /** The graph wants a second factor first (RFC 9470). */
  | { readonly kind: 'step-up'; readonly challenge: StepUpChallenge }
  /** The token was refused (UNAUTHENTICATED): sign in again. */
  | { readonly kind: 'unauthenticated' }
  /** Network, server: try again. */
  | { readonly kind: 'failed' };

export type LoadState<T> =
  | { readonly status: 'idle' }
  /** `previous`: what stays on screen meanwhile (a reload after a change). */
  | { readonly status: 'loading'; readonly previous?: T }
  | { readonly status: 'loaded'; readonly value: T }
  | { readonly status: 'error'; readonly failure: LoadFailure; readonly previous?: T };

/** The failure a request's error stands for. */
export function failureOf(error: unknown): LoadFailure {
  const challenge = stepUpChallenge(error);
  if (challenge) return { kind: 'step-up', challenge };
  if (error instanceof GraphQLRequestError) {
    const codes = error.errors.map((entry) => entry.extensions?.code);
    if (codes.includes('FORBIDDEN') || error.status === 403) return { kind: 'forbidden' };
    if (codes.includes('UNAUTHENTICATED') || error.status === 401) return { kind: 'unauthenticated' };
  }
  return { kind: 'failed' };
}

/**
 * The answer of a query for one application, or null when the graph says it does not exist: another commune's
 * application (or another citizen's) is NOT_FOUND, never "forbidden", so that an id tells nothing.
 */
export async function nullWhenNotFound<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    const notFound =
      error instanceof GraphQLRequestError && error.errors.some((entry) => entry.extensions?.code === 'NOT_FOUND');
    if (notFound) return null;
    throw error;
  }
}

/**
 * One query's state for an element (the inbox page, the application shown): a new load aborts the one in
 * flight, and what is on screen stays while it loads again or when that fails.
 */
export class Load<T> {
  #state: LoadState<T> = { status: 'idle' };
  #controller: AbortController | undefined;

  constructor(private readonly host: ReactiveControllerHost) {}

  get state(): LoadState<T> {
    return this.#state;
  }

  /** What is on screen: the value loaded, or the previous one while loading again or after a failure. */
  get shown(): T | undefined {
    const state = this.#state;
    if (state.status === 'loaded') return state.value;
    return state.status === 'idle' ? undefined : state.previous;
  }

  clear(): void {
    this.#controller?.abort();
    this.#state = { status: 'idle' };
    this.host.requestUpdate();
  }

  /** Runs `fetch`; resolves to the value, or undefined when it failed or a newer load replaced it. */
  async run(fetch: (signal: AbortSignal) => Promise<T>, options: { keep?: boolean } = {}): Promise<T | undefined> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    const previous = options.keep === false ? undefined : this.shown;
    this.#set(previous === undefined ? { status: 'loading' } : { status: 'loading', previous });
    try {
      const value = await fetch(controller.signal);
      if (controller.signal.aborted) return undefined;
      this.#set({ status: 'loaded', value });
      return value;
    } catch (error) {
      if (controller.signal.aborted) return undefined;
      const failure = failureOf(error);
      if (failure.kind === 'failed') console.error(error);
      this.#set(previous === undefined ? { status: 'error', failure } : { status: 'error', failure, previous });
      return undefined;
    }
  }

  #set(state: LoadState<T>): void {
    this.#state = state;
    this.host.requestUpdate();
  }
}
