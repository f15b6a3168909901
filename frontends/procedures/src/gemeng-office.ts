import { Office } from './office/office.ts';

if (!customElements.get('gemeng-office')) {
  customElements.define('gemeng-office', Office);
}

declare global {
  interface HTMLElementTagNameMap {
    'gemeng-office': Office;
  }
}

export { Office };
