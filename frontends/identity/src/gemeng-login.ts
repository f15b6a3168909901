import { Login } from './login.ts';

// Guarded so that two bundles on one page (embed script and shell) do not throw on a second define.
if (!customElements.get('gemeng-login')) {
  customElements.define('gemeng-login', Login);
}

declare global {
  interface HTMLElementTagNameMap {
    'gemeng-login': Login;
  }
  interface HTMLElementEventMap {
    'gemeng-auth-error': CustomEvent<import('./auth-element.ts').AuthErrorDetail>;
  }
}

export { Login };
