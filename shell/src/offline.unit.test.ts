// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { OfflineNotice, watchConnection } from './offline.ts';
import { loadedUrls } from './sw-register.ts';

const text = () => document.querySelector('#gemeng-offline')?.textContent ?? '';

beforeEach(() => {
  document.documentElement.lang = 'lb';
  document.body.innerHTML = '<main id="gemeng-main"><h1>Är Gemeng online</h1></main>';
});

describe('the offline notice', () => {
  it('is an empty status region at the top of main while online', () => {
    const notice = new OfflineNotice();
    expect(document.querySelector('main')?.firstElementChild).toBe(notice.element);
    expect(notice.element.getAttribute('role')).toBe('status');
    expect(text()).toBe('');
  });

  it('says so while offline, in the page’s language, and goes when the browser is back online', async () => {
    const notice = new OfflineNotice();
    watchConnection(notice);
    window.dispatchEvent(new Event('offline'));
    expect(text()).toContain('Dir sidd offline');
    document.documentElement.lang = 'fr';
    await new Promise((resolve) => setTimeout(resolve, 0)); // the MutationObserver
    expect(text()).toContain('Vous êtes hors ligne');
    window.dispatchEvent(new Event('online'));
    expect(text()).toBe('');
  });

  it('says when answers come from the cache while online; offline stays the stronger message', () => {
    const notice = new OfflineNotice();
    document.documentElement.lang = 'de';
    notice.state = 'cached';
    expect(text()).toContain('Der Server ist gerade nicht erreichbar');
    notice.state = 'offline';
    notice.state = 'cached';
    expect(text()).toContain('Sie sind offline');
    for (const [lang, words] of [
      ['en', 'You are offline'],
      ['lb', 'Dir sidd offline'],
    ]) {
      notice.state = 'online';
      document.documentElement.lang = lang!;
      notice.state = 'offline';
      expect(text()).toContain(words);
    }
  });
});

describe('what the first visit hands to the service worker', () => {
  it('widget files as they are, public GraphQL GETs with the kit’s headers, nothing else', () => {
    const origin = 'https://portal.example';
    const endpoint = 'https://router.example/graphql';
    const entries = [
      `${origin}/widgets/kit/gemeng-runtime-Ab12Cd34.js`,
      `${origin}/widgets/kit/gemeng-runtime-Ab12Cd34.js`,
      `${origin}/embed.js`,
      `${origin}/assets/index-Ab12Cd34.js`,
      `${endpoint}?query=%7Ba%7D`,
      endpoint,
      'https://login.example/oidc/.well-known/openid-configuration',
    ].map((name) => ({ name }));
    expect(loadedUrls(entries, origin, endpoint, 'fr')).toEqual([
      `${origin}/widgets/kit/gemeng-runtime-Ab12Cd34.js`,
      `${origin}/embed.js`,
      [
        `${endpoint}?query=%7Ba%7D`,
        {
          headers: {
            'content-type': 'application/json',
            accept: 'application/graphql-response+json, application/json',
            'accept-language': 'fr',
          },
          credentials: 'omit',
          mode: 'cors',
        },
      ],
    ]);
  });
});
