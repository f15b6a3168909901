import { Account } from './account.ts';

if (!customElements.get('gemeng-account')) {
  customElements.define('gemeng-account', Account);
}

declare global {
  interface HTMLElementTagNameMap {
    'gemeng-account': Account;
  }
  interface HTMLElementEventMap {
    'gemeng-account-loaded': CustomEvent<{ me: NonNullable<import('./account.ts').AccountData['me']> }>;
  }
}

export { Account };
