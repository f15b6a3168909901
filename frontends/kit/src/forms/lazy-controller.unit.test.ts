// @vitest-environment happy-dom
import { html } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LazyController } from './lazy-controller.ts';
import { mountHost, text, texts, until } from './test-host.ts';

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('LazyController', () => {
  it('loads its module when first rendered, shows a busy placeholder meanwhile, then the part', async () => {
    let resolve: (module: { title: string }) => void = () => {};
    const loader = vi.fn(() => new Promise<{ title: string }>((done) => (resolve = done)));
    const loaded = vi.fn();
    const { host, root } = await mountHost();
    const part = new LazyController(host, loader, loaded);
    host.view = () => html`${part.render('fr', (module) => html`<h2>${module.title}</h2>`)}`;
    host.requestUpdate();
    await host.updateComplete;
    expect(part.status).toBe('loading');
    const placeholder = root.querySelector('[part~="loading"]');
    expect(placeholder?.getAttribute('aria-busy')).toBe('true');
    expect(text(placeholder)).toBe(texts.fr.loading);

    host.requestUpdate();
    await host.updateComplete;
    expect(loader).toHaveBeenCalledTimes(1); // one import, however often it renders
    resolve({ title: 'Profil' });
    await until(host, () => text(root.querySelector('h2')) === 'Profil');
    expect(loaded).toHaveBeenCalledWith({ title: 'Profil' });
    expect(await part.load()).toEqual({ title: 'Profil' });
  });

  it('says when the chunk could not be fetched, and tries again on the button', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const loader = vi
      .fn<() => Promise<{ title: string }>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module'))
      .mockResolvedValueOnce({ title: 'Sécurité' });
    const { host, root } = await mountHost();
    const part = new LazyController(host, loader);
    host.view = () => html`${part.render('en', (module) => html`<h2>${module.title}</h2>`)}`;
    host.requestUpdate();
    await until(host, () => part.status === 'failed' && Boolean(root.querySelector('[role="alert"]')));
    expect(text(root.querySelector('[role="alert"] p'))).toBe(texts.en.loadFailed);
    root.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await until(host, () => text(root.querySelector('h2')) === 'Sécurité');
    expect(loader).toHaveBeenCalledTimes(2);
  });
});
