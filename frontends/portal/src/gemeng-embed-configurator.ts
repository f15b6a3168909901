import { EmbedConfigurator } from './configurator.ts';

if (!customElements.get('gemeng-embed-configurator')) {
  customElements.define('gemeng-embed-configurator', EmbedConfigurator);
}

declare global {
  interface HTMLElementTagNameMap {
    'gemeng-embed-configurator': EmbedConfigurator;
  }
}

export { EmbedConfigurator };
