import { CommuneCard } from './commune-card.ts';

// Guarded so that two bundles on one page (embed script and shell) do not throw on a second define.
if (!customElements.get('gemeng-commune-card')) {
  customElements.define('gemeng-commune-card', CommuneCard);
}

declare global {
  interface HTMLElementTagNameMap {
    'gemeng-commune-card': CommuneCard;
  }
  interface HTMLElementEventMap {
    'gemeng-loaded': CustomEvent<{ commune: import('./commune-card.ts').Commune }>;
    'gemeng-error': CustomEvent<import('./commune-card.ts').CommuneCardErrorDetail>;
  }
}

export { CommuneCard };
