import { describe, expect, it } from 'vitest';
import { mayKeep, publicDataKey, routeKind, workerScriptUrl, workerSettings } from './sw-rules.ts';

const origin = 'https://portal.example';
const settings = workerSettings(
  workerScriptUrl(origin, {
    graphqlEndpoint: 'https://router.example/graphql',
    issuer: 'https://login.example/oidc',
  }),
);

function request(url: string, init: { method?: string; mode?: RequestMode; headers?: Record<string, string> } = {}) {
  return { url, method: init.method ?? 'GET', mode: init.mode ?? 'cors', headers: new Headers(init.headers) };
}

const publicQuery = `https://router.example/graphql?query=${encodeURIComponent('query Card($slug: String!) { commune(slug: $slug) { name } }')}&variables=%7B%22slug%22%3A%22dudelange%22%7D`;

describe('the service worker’s rules', () => {
  it('reads back the settings the page registered it with, and ignores what is not an http(s) URL', () => {
    expect(settings).toEqual({
      graphqlEndpoint: 'https://router.example/graphql',
      issuer: 'https://login.example/oidc',
    });
    expect(workerSettings(`${origin}/sw.js?graphql=javascript:alert(1)&issuer=`)).toEqual({});
    expect(workerSettings(`${origin}/sw.js?graphql=/graphql`)).toEqual({ graphqlEndpoint: `${origin}/graphql` });
  });

  it('keeps public queries, pages, widget files and manifests', () => {
    expect(routeKind(request(publicQuery), origin, settings)).toBe('public-data');
    expect(routeKind(request('https://router.example/graphql?query=%7B+a+%7D'), origin, settings)).toBe('public-data');
    expect(routeKind(request(`${origin}/communes/esch-sur-alzette`, { mode: 'navigate' }), origin, settings)).toBe(
      'page',
    );
    expect(routeKind(request(`${origin}/widgets/kit/gemeng-runtime-Ab12Cd34.js`), origin, settings)).toBe('widget');
    expect(routeKind(request(`${origin}/embed/0.1.0/embed-Ab12Cd34.js`), origin, settings)).toBe('widget');
    expect(routeKind(request(`${origin}/widgets/manifest.json`), origin, settings)).toBe('widget-manifest');
    expect(routeKind(request(`${origin}/embed.js`), origin, settings)).toBe('widget-manifest');
  });

  it('never keeps anything signed in: a token, a mutation or a POST, the sign-in callback, the issuer', () => {
    const never = [
      request(publicQuery, { headers: { Authorization: 'Bearer secret' } }),
      request(publicQuery, { method: 'POST' }),
      request(`https://router.example/graphql?query=${encodeURIComponent('mutation { signOut }')}`),
      request('https://router.example/graphql'),
      request(`${origin}/auth/callback?code=abc&state=xyz`, { mode: 'navigate' }),
      request('https://login.example/oidc/.well-known/openid-configuration'),
      request('https://login.example/anything-else'),
      request(`${origin}/widgets/kit/gemeng-runtime-Ab12Cd34.js`, { headers: { authorization: 'Bearer x' } }),
      // Another origin's files, and the shell's own (the precache's business).
      request('https://cdn.example/widgets/x-Ab12Cd34.js'),
      request(`${origin}/assets/index-Ab12Cd34.js`),
    ];
    for (const candidate of never) expect(routeKind(candidate, origin, settings), candidate.url).toBeUndefined();
  });

  it('on one origin for everything, leaves the issuer’s path alone but keeps the portal', () => {
    const together = workerSettings(
      workerScriptUrl(origin, { graphqlEndpoint: `${origin}/graphql`, issuer: `${origin}/oidc` }),
    );
    expect(routeKind(request(`${origin}/oidc/interaction/x`, { mode: 'navigate' }), origin, together)).toBeUndefined();
    expect(routeKind(request(`${origin}/oidc`, { mode: 'navigate' }), origin, together)).toBeUndefined();
    expect(routeKind(request(`${origin}/oidcx`, { mode: 'navigate' }), origin, together)).toBe('page');
    expect(routeKind(request(`${origin}/graphql?query=%7Ba%7D`), origin, together)).toBe('public-data');
  });

  it('keys public data by language, and keeps only complete answers that are not private', () => {
    const fr = publicDataKey(request(publicQuery, { headers: { 'accept-language': 'fr' } }));
    const lb = publicDataKey(request(publicQuery, { headers: { 'accept-language': 'lb' } }));
    expect(fr).not.toBe(lb);
    expect(new URL(fr).searchParams.get('variables')).toBe('{"slug":"dudelange"}');
    expect(mayKeep(new Response('{}'))).toBe(true);
    expect(mayKeep(new Response('{}', { status: 503 }))).toBe(false);
    expect(mayKeep(new Response('{}', { headers: { 'cache-control': 'private, max-age=60' } }))).toBe(false);
    expect(mayKeep(new Response('{}', { headers: { 'cache-control': 'no-store' } }))).toBe(false);
  });
});
