import { readFileSync } from 'node:fs';
import { ConfigError, loadConfig } from '@gemeng/service-kit';
import { describe, expect, it } from 'vitest';
import type { Catalog } from './catalog.ts';
import { DEMO_OPERATOR, isDemoOperator, operatorFromConfig, operatorSettings } from './operator.ts';
import { applicationForPath, layoutRoutes, renderPage } from './page.ts';

/** The real page: its footer's placeholders are what the server fills. */
const template = readFileSync(new URL('../../index.html', import.meta.url), 'utf8');
const catalog: Catalog = { runtime: undefined, widgets: [], applications: {} };
const render = (operator?: Parameters<typeof renderPage>[1]['operator']) =>
  renderPage(template, {
    routerUrl: '/graphql',
    oidcIssuer: undefined,
    catalog,
    application: undefined,
    ...(operator ? { operator } : {}),
  });

function operatorMeta(html: string): unknown {
  const content = /<meta name="gemeng:operator" content="([^"]*)">/.exec(html)?.[1];
  if (content === undefined) throw new Error('no operator meta');
  const text = content
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  return JSON.parse(text);
}

describe('the operator settings', () => {
  it('default to the demo values', () => {
    const operator = operatorFromConfig(loadConfig(operatorSettings, {}));
    expect(operator).toEqual(DEMO_OPERATOR);
    expect(isDemoOperator(operator)).toBe(true);
  });

  it('come from the environment', () => {
    const operator = operatorFromConfig(
      loadConfig(operatorSettings, {
        GEMENG_OPERATOR_NAME: ' Syndicat intercommunal Minett ',
        GEMENG_OPERATOR_ADDRESS: '2, rue du Nord, L-4000 Esch-sur-Alzette',
        GEMENG_CONTACT_EMAIL: 'contact@minett.lu',
        GEMENG_CONTACT_PHONE: '+352 54 00 00',
        GEMENG_DPO_EMAIL: 'dpo@minett.lu',
      }),
    );
    expect(operator).toEqual({
      name: 'Syndicat intercommunal Minett',
      address: '2, rue du Nord, L-4000 Esch-sur-Alzette',
      email: 'contact@minett.lu',
      phone: '+352 54 00 00',
      dpoEmail: 'dpo@minett.lu',
    });
    expect(isDemoOperator(operator)).toBe(false);
  });

  it('refuse an address that is no e-mail address and a number that is no telephone number', () => {
    expect(() => loadConfig(operatorSettings, { GEMENG_CONTACT_EMAIL: 'contact' })).toThrow(ConfigError);
    expect(() => loadConfig(operatorSettings, { GEMENG_DPO_EMAIL: 'dpo@<x>.lu' })).toThrow(/GEMENG_DPO_EMAIL/);
    expect(() => loadConfig(operatorSettings, { GEMENG_CONTACT_PHONE: 'call us' })).toThrow(/GEMENG_CONTACT_PHONE/);
  });
});

describe('the page', () => {
  it('has a footer with the operator, the contact and the statements, and the operator in a meta', () => {
    const html = render();
    expect(html).not.toMatch(/__GEMENG_(OPERATOR|CONTACT)/);
    const footer = /<footer[\s\S]*<\/footer>/.exec(html)?.[0] ?? '';
    expect(footer).toContain(`<strong>${DEMO_OPERATOR.name}</strong>`);
    expect(footer).toContain(`<a href="mailto:${DEMO_OPERATOR.email}">${DEMO_OPERATOR.email}</a>`);
    expect(footer).toContain('href="/privacy"');
    expect(footer).toContain('href="/accessibility"');
    // No number: no telephone link.
    expect(footer).not.toContain('tel:');
    expect(operatorMeta(html)).toEqual(DEMO_OPERATOR);
  });

  it('escapes the settings and shows a telephone number when there is one', () => {
    const operator = {
      name: 'Syndicat "A&B" <script>alert(1)</script>',
      address: '1, rue <b>X</b>',
      email: 'a&b@syndicate.lu',
      phone: '+352 (0) 12 34-56',
      dpoEmail: 'dpo@syndicate.lu',
    };
    const html = render(operator);
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<b>X</b>');
    expect(html).toContain('Syndicat &quot;A&amp;B&quot; &lt;script&gt;');
    expect(html).toContain('<a href="tel:+3520123456">+352 (0) 12 34-56</a>');
    expect(operatorMeta(html)).toEqual(operator);
  });

  it('routes /privacy and /accessibility to the statements', () => {
    const routes = layoutRoutes(template);
    expect(applicationForPath(routes, '/privacy')).toBe('@gemeng/portal/statements');
    expect(applicationForPath(routes, '/accessibility')).toBe('@gemeng/portal/statements');
  });
});
