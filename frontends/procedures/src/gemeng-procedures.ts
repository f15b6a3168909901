import { ProcedureCatalogue } from './catalogue/catalogue.ts';

// Guarded so that two bundles on one page (embed script and shell) do not throw on a second define.
if (!customElements.get('gemeng-procedures')) {
  customElements.define('gemeng-procedures', ProcedureCatalogue);
}

declare global {
  interface HTMLElementTagNameMap {
    'gemeng-procedures': ProcedureCatalogue;
  }
}

export { ProcedureCatalogue };
