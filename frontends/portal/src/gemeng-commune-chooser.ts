import { CommuneChooser } from './commune-chooser.ts';

// Guarded so that two bundles on one page (embed script and shell) do not throw on a second define.
if (!customElements.get('gemeng-commune-chooser')) {
  customElements.define('gemeng-commune-chooser', CommuneChooser);
}

declare global {
  interface HTMLElementTagNameMap {
    'gemeng-commune-chooser': CommuneChooser;
  }
  interface HTMLElementEventMap {
    'gemeng-commune-chosen': CustomEvent<{ slug: string }>;
  }
}

export { CommuneChooser };
