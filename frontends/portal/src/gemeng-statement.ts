import { Statement } from './statement.ts';

if (!customElements.get('gemeng-statement')) {
  customElements.define('gemeng-statement', Statement);
}

declare global {
  interface HTMLElementTagNameMap {
    'gemeng-statement': Statement;
  }
}

export { Statement };
