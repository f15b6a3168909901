// @vitest-environment happy-dom
import { html, type TemplateResult } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type AttributeChecker, integerBetween, oneOf } from './attributes.ts';
import { texts } from './forms/test-host.ts';
import { GemengElement } from './gemeng-element.ts';

/** A widget with an option, as a domain's element declares it. */
class ShowcaseWidget extends GemengElement {
  static override attributeRules = [
    ...GemengElement.attributeRules,
    oneOf('variant', ['compact', 'full']),
    integerBetween('heading-level', 1, 6),
  ];
  static override properties = { ...GemengElement.properties, variant: { type: String } };
  declare variant: string | undefined;

  protected override render(): TemplateResult {
    return this.attributeProblem() ?? html`<p part="content">${this.variant ?? 'full'}</p>`;
  }
}
customElements.define('showcase-widget', ShowcaseWidget);

afterEach(() => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute('lang');
  vi.restoreAllMocks();
});

async function mount(attributes: Record<string, string>): Promise<ShowcaseWidget> {
  const element = document.createElement('showcase-widget') as ShowcaseWidget;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  await element.updateComplete;
  return element;
}

function shown(element: ShowcaseWidget): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('attribute checks', () => {
  it('renders the widget when every value is known (a regional lang tag counts as its language)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mount({ lang: 'fr-LU', variant: 'compact', 'heading-level': '3' });
    expect(element.shadowRoot?.querySelector('[part="content"]')).not.toBeNull();
    expect(warn).not.toHaveBeenCalled();
  });

  it('shows a short message in the reader’s language for an unknown option, and warns once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.documentElement.lang = 'de';
    const element = await mount({ variant: 'huge' });
    const alert = element.shadowRoot?.querySelector('[role="alert"]');
    expect(alert?.getAttribute('part')).toBe('attribute-problem alert');
    expect(shown(element)).toBe(texts.de.invalidAttribute.replace('{value}', 'huge').replace('{attribute}', 'variant'));
    element.requestUpdate();
    await element.updateComplete;
    element.setAttribute('lang', 'en');
    await element.updateComplete;
    expect(shown(element)).toContain('is not a valid value for “variant”');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toBe(
      '<showcase-widget>: unknown value "huge" for the attribute "variant". Allowed: compact, full.',
    );

    element.setAttribute('variant', 'compact');
    await element.updateComplete;
    expect(shown(element)).toBe('compact');
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('names a lang outside lb, fr, de, en and a heading level outside 1–6', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    document.documentElement.lang = 'lb';
    const element = await mount({ lang: 'pt' });
    // In the language the widget falls back to (its own lang being unusable).
    expect(shown(element)).toBe(
      texts[element.language].invalidAttribute.replace('{value}', 'pt').replace('{attribute}', 'lang'),
    );
    const other = await mount({ lang: 'en', 'heading-level': '7' });
    expect(shown(other)).toContain('“7” is not a valid value for “heading-level”');
    expect(warn.mock.calls.map((call) => call[0])).toEqual([
      '<showcase-widget>: unknown value "pt" for the attribute "lang". Allowed: lb, fr, de, en.',
      '<showcase-widget>: unknown value "7" for the attribute "heading-level". Allowed: 1–6.',
    ]);
  });

  it('takes a problem the widget found itself (a slug the graph does not know), once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const element = await mount({ lang: 'fr' });
    const check = (element as unknown as { attributeCheck: AttributeChecker }).attributeCheck;
    check.report({ attribute: 'commune', value: 'atlantis' });
    check.report({ attribute: 'commune', value: 'atlantis' });
    await element.updateComplete;
    expect(shown(element)).toContain('« atlantis » n’est pas une valeur valable pour « commune »');
    expect(warn).toHaveBeenCalledTimes(1);
    check.report(undefined);
    await element.updateComplete;
    expect(shown(element)).toBe('full');
  });
});
