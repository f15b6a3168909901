// @vitest-environment happy-dom

import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { GemengElement } from './gemeng-element.ts';
import { defineMessages, elementLanguage, type Language } from './i18n.ts';

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
});

describe('elementLanguage', () => {
  it('prefers the element’s own lang attribute', () => {
    document.documentElement.lang = 'de';
    const element = document.createElement('div');
    element.lang = 'en';
    document.body.append(element);
    expect(elementLanguage(element, ['fr'])).toBe('en');
  });

  it('then the closest [lang] ancestor, crossing shadow roots', () => {
    const outer = document.createElement('section');
    outer.setAttribute('lang', 'lb-LU');
    const host = document.createElement('div');
    outer.append(host);
    document.body.append(outer);
    const inner = document.createElement('span');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(elementLanguage(inner, ['en'])).toBe('lb');
  });

  it('skips unsupported languages and then uses the browser preferences', () => {
    document.documentElement.lang = 'pt';
    const element = document.createElement('div');
    document.body.append(element);
    expect(elementLanguage(element, ['pt-BR', 'de-CH', 'en'])).toBe('de');
  });

  it('falls back to French when nothing matches', () => {
    expect(elementLanguage(null, ['pt'])).toBe('fr');
  });
});

describe('GemengElement messages', () => {
  const loads: string[] = [];
  const catalog = (language: Language, hello: string) => async () => {
    loads.push(language);
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { default: { hello } };
  };
  const greetings = defineMessages('greetings', {
    lb: catalog('lb', 'Moien {name}'),
    fr: catalog('fr', 'Bonjour {name}'),
    de: catalog('de', 'Hallo {name}'),
    en: catalog('en', 'Hello {name}'),
  });
  class Greeting extends GemengElement {
    static override messages = [greetings];
    renders = 0;
    override render() {
      this.renders += 1;
      return html`<p>${greetings.t(this.language, 'hello', { name: 'Anna' })}</p>`;
    }
  }
  customElements.define('test-greeting', Greeting);
  const text = (element: Greeting) => element.shadowRoot?.querySelector('p')?.textContent;

  it('renders only once the language’s messages are loaded, and loads a new language when it changes', async () => {
    const element = document.createElement('test-greeting') as Greeting;
    element.lang = 'lb';
    document.body.append(element);
    await element.updateComplete;
    expect(element.renders).toBe(1);
    expect(text(element)).toBe('Moien Anna');

    element.lang = 'de-LU';
    await element.updateComplete;
    expect(text(element)).toBe('Hallo Anna');

    // Following <html lang>, as the shell switches languages.
    element.removeAttribute('lang');
    document.documentElement.lang = 'en';
    await new Promise((resolve) => setTimeout(resolve, 0));
    await element.updateComplete;
    expect(text(element)).toBe('Hello Anna');
    expect(loads).toEqual(['lb', 'de', 'en']);
    expect(element.renders).toBe(3);
  });
});
