/** The sign-in's observable state: `subscribe` or the `change` event. */
import type { AuthState } from './types.ts';

export abstract class AuthStateTarget extends EventTarget {
  abstract get state(): AuthState;

  /** Calls `listener` now and after every change; returns the function that stops it. */
  subscribe(listener: (state: AuthState) => void): () => void {
    const handler = () => listener(this.state);
    this.addEventListener('change', handler);
    listener(this.state);
    return () => this.removeEventListener('change', handler);
  }

  protected changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}
