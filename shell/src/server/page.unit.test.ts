import { describe, expect, it } from 'vitest';
import type { Catalog } from './catalog.ts';
import { contentSecurityPolicy } from './csp.ts';
import { applicationForPath, inlineScripts, isUnknownLanguage, layoutRoutes, renderPage } from './page.ts';

const template = `<html><head><meta name="gemeng:graphql-endpoint" content="__GEMENG_GRAPHQL_ENDPOINT__">
<meta name="gemeng:oidc-issuer" content="__GEMENG_OIDC_ISSUER__"><script type="module" src="/assets/i-AbCdEf12.js"></script>
</head><body><template id="single-spa-layout"><single-spa-router>
<route path="account"><application name="@gemeng/identity/account" loader="l"></application></route>
<route path="/embed" exact><application name="@gemeng/portal/configurator"></application></route>
<route path="communes/:slug" exact><application name="@gemeng/portal"></application></route>
<route default><application name="@gemeng/portal"></application></route>
</single-spa-router></template></body></html>`;

const catalog: Catalog = {
  runtime: '/widgets/kit/gemeng-runtime-AbC12345.js',
  widgets: [],
  applications: {
    '@gemeng/portal': { module: '/widgets/portal/single-spa-Sp123456.js', lifecycles: 'default' },
    '@gemeng/portal/configurator': { module: '/widgets/portal/configurator-Co123456.js', lifecycles: 'configurator' },
    '"><script>alert(1)</script>': { module: '/widgets/x/"&<>.js' },
  },
};

describe('the layout routes', () => {
  const routes = layoutRoutes(template);

  it('are read from the page', () => {
    expect(routes).toEqual({
      paths: [
        { path: 'account', exact: false, application: '@gemeng/identity/account' },
        { path: 'embed', exact: true, application: '@gemeng/portal/configurator' },
        { path: 'communes/:slug', exact: true, application: '@gemeng/portal' },
      ],
      fallback: '@gemeng/portal',
    });
  });

  it('give the application of a path as single-spa-layout mounts it', () => {
    expect(applicationForPath(routes, '/account')).toBe('@gemeng/identity/account');
    expect(applicationForPath(routes, '/account/security')).toBe('@gemeng/identity/account');
    expect(applicationForPath(routes, '/embed/')).toBe('@gemeng/portal/configurator');
    expect(applicationForPath(routes, '/embedded')).toBe('@gemeng/portal');
    expect(applicationForPath(routes, '/')).toBe('@gemeng/portal');
  });

  it('match as single-spa does: exact routes, one segment per :name, any case; no page without a default', () => {
    const exact = layoutRoutes(template.replace(/<route default>.*<\/route>\n/, ''));
    expect(exact.fallback).toBeUndefined();
    expect(applicationForPath(exact, '/embed/more')).toBeUndefined();
    expect(applicationForPath(exact, '/Communes/Esch-sur-Alzette/')).toBe('@gemeng/portal');
    expect(applicationForPath(exact, '/communes/')).toBeUndefined();
    expect(applicationForPath(exact, '/communes/a/b')).toBeUndefined();
    expect(applicationForPath(exact, '/account/anything')).toBe('@gemeng/identity/account');
    expect(applicationForPath(exact, '/')).toBeUndefined();
  });

  it('tell an unknown ?lang= from a missing or known one', () => {
    expect(isUnknownLanguage('?lang=xx')).toBe(true);
    expect(isUnknownLanguage('?lang=%3Cscript%3E')).toBe(true);
    expect(isUnknownLanguage('?lang=lb')).toBe(false);
    expect(isUnknownLanguage('?lang=fr-LU')).toBe(false);
    expect(isUnknownLanguage('?lang=')).toBe(false);
    expect(isUnknownLanguage('?commune=dudelange')).toBe(false);
  });
});

describe('renderPage', () => {
  const html = renderPage(template, {
    routerUrl: 'https://api.example.lu/graphql?a=1&b="2"',
    oidcIssuer: undefined,
    catalog,
    application: '@gemeng/portal/configurator',
  });

  it('puts the applications in an HTML-escaped <meta> that parses back to the same JSON', () => {
    const content = /<meta name="gemeng:applications" content="([^"]*)">/.exec(html)?.[1] ?? '';
    expect(content).not.toMatch(/[<>"]/);
    const decoded = content
      .replaceAll('&quot;', '"')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
    expect(JSON.parse(decoded)).toEqual(catalog.applications);
  });

  it('preloads the runtime and the route’s application, and fills the settings', () => {
    expect(html).toContain('<link rel="modulepreload" href="/widgets/kit/gemeng-runtime-AbC12345.js">');
    expect(html).toContain('<link rel="modulepreload" href="/widgets/portal/configurator-Co123456.js">');
    expect(html).not.toContain('single-spa-Sp123456.js">');
    expect(html).toContain('content="https://api.example.lu/graphql?a=1&amp;b=&quot;2&quot;"');
    expect(html).toContain('<meta name="gemeng:oidc-issuer" content="">');
    expect(html.indexOf('modulepreload')).toBeLessThan(html.indexOf('</head>'));
  });

  it('adds no inline script', () => {
    expect(inlineScripts(html)).toEqual([]);
    expect(inlineScripts('<script type="importmap">{}</script><script src="/a.js"></script>')).toHaveLength(1);
  });
});

describe('contentSecurityPolicy', () => {
  it("allows scripts from 'self' only, and connections to the router and issuer origins once each", () => {
    const csp = contentSecurityPolicy('http://127.0.0.1:4555/graphql', 'http://127.0.0.1:4556/oidc');
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:4555 http://127.0.0.1:4556;");
    expect(contentSecurityPolicy('/graphql', 'http://127.0.0.1:4555/oidc')).toContain(
      "connect-src 'self' http://127.0.0.1:4555;",
    );
    expect(contentSecurityPolicy('http://127.0.0.1:4555/graphql')).toContain(
      "connect-src 'self' http://127.0.0.1:4555;",
    );
    // The silent restore's hidden frame (ADR 11): the issuer, then the portal's own callback, framed by the portal.
    expect(csp).toContain("frame-src 'self' http://127.0.0.1:4556;");
    expect(contentSecurityPolicy('/graphql')).toContain("frame-src 'none';");
    for (const directive of ["default-src 'none'", "frame-ancestors 'self'", "base-uri 'none'", "object-src 'none'"]) {
      expect(csp).toContain(directive);
    }
  });
});
