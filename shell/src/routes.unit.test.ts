// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { t } from './messages.ts';
import { failedParcel, loadingParcel } from './placeholders.ts';
import { findHeading, PortalPage } from './routes.ts';

/** The parts of shell/index.html the page works on. */
const FRAME = `<main id="gemeng-main" tabindex="-1">
  <h1 id="gemeng-heading" data-i18n="title">Är Gemeng online</h1>
  <section id="gemeng-not-found" hidden><h1 id="gemeng-not-found-heading">Dës Säit gëtt et net</h1></section>
  <div id="gemeng-applications"></div>
</main>`;

const ROUTES = [/^\/$/, /^\/embed$/, /^\/communes\/[^/]+$/, /^\/account(\/(security|data|developers))?$/];
let page: PortalPage;

function go(path: string): void {
  history.pushState(null, '', path);
  page.routeChanged();
}

const visible = (selector: string) => !document.querySelector<HTMLElement>(selector)!.hidden;

beforeEach(() => {
  document.body.innerHTML = FRAME;
  document.documentElement.lang = 'fr';
  history.replaceState(null, '', '/');
  page = new PortalPage({
    document,
    hasRoute: (location) => ROUTES.some((route) => route.test(location.pathname)),
    headingWait: 500,
  });
  page.listen();
  page.routeChanged();
  page.routed();
});

afterEach(() => {
  document.body.replaceChildren();
});

describe('the page frame', () => {
  it("shows the shell's heading and title on its own pages, in the page's language", () => {
    expect(document.title).toBe('Votre commune en ligne – Gemeng');
    expect(document.querySelector('#gemeng-heading')?.textContent).toBe('Votre commune en ligne');
    go('/embed');
    expect(document.title).toBe('Gemeng sur votre site – Gemeng');
    document.documentElement.lang = 'lb';
    page.render();
    expect(document.title).toBe('Gemeng op Ärem Internetsite – Gemeng');
  });

  it('leaves the heading to the page\'s widget, which names the page; an error puts "Erreur :" first', () => {
    go('/account/security');
    expect(visible('#gemeng-heading')).toBe(false);
    expect(document.title).toBe('Mon compte – Gemeng');
    const widget = document.createElement('div');
    document.querySelector('#gemeng-applications')!.append(widget);
    const title = (detail: unknown) =>
      widget.dispatchEvent(new CustomEvent('gemeng-title', { detail, bubbles: true, composed: true }));
    title({ title: 'Sécurité' });
    expect(document.title).toBe('Sécurité – Gemeng');
    title({ title: 'Sécurité', error: true });
    expect(document.title).toBe('Erreur : Sécurité – Gemeng');
    document.documentElement.lang = 'lb';
    page.render();
    expect(document.title).toBe('Feeler: Sécurité – Gemeng');
    title({ nothing: 'here' });
    expect(document.title).toBe('Feeler: Sécurité – Gemeng');
    // A widget shown inside the page's widget (a preview) does not name the page.
    const preview = document.createElement('gemeng-commune-card');
    widget.attachShadow({ mode: 'open' }).append(preview);
    preview.dispatchEvent(
      new CustomEvent('gemeng-title', { detail: { title: 'Preview' }, bubbles: true, composed: true }),
    );
    expect(document.title).toBe('Feeler: Sécurité – Gemeng');
    go('/communes/dudelange');
    expect(document.title).toBe('Gemeng');
  });

  for (const path of ['/nowhere', '/account/nope', '/?lang=xx']) {
    it(`shows the not-found page for ${path}`, () => {
      go(path);
      expect(page.notFound).toBe(true);
      expect(visible('#gemeng-not-found')).toBe(true);
      expect(visible('#gemeng-heading')).toBe(false);
      expect(visible('#gemeng-applications')).toBe(false);
      expect(document.title).toBe(`${t('fr', 'notFoundTitle')} – Gemeng`);
      go('/');
      expect(visible('#gemeng-not-found')).toBe(false);
      expect(visible('#gemeng-applications')).toBe(true);
    });
  }

  it("shows the not-found page when the commune page's card finds no commune, not for a card inside a widget", () => {
    go('/communes/atlantis');
    const host = document.createElement('gemeng-commune-chooser');
    document.querySelector('#gemeng-applications')!.append(host);
    const inner = document.createElement('gemeng-commune-card');
    host.attachShadow({ mode: 'open' }).append(inner);
    const missing = { detail: { kind: 'not-found' }, bubbles: true, composed: true };
    inner.dispatchEvent(new CustomEvent('gemeng-error', missing));
    expect(page.notFound).toBe(false);
    const card = document.createElement('gemeng-commune-card');
    document.querySelector('#gemeng-applications')!.append(card);
    card.dispatchEvent(new CustomEvent('gemeng-error', { ...missing, detail: { kind: 'network' } }));
    expect(page.notFound).toBe(false);
    card.dispatchEvent(new CustomEvent('gemeng-error', missing));
    expect(page.notFound).toBe(true);
    expect(document.activeElement?.id).toBe('gemeng-not-found-heading');
    // A title the card might still send does not replace the not-found page's.
    card.dispatchEvent(new CustomEvent('gemeng-title', { detail: { title: 'Atlantis' }, bubbles: true }));
    expect(document.title).toBe(`${t('fr', 'notFoundTitle')} – Gemeng`);
    go('/communes/dudelange');
    expect(page.notFound).toBe(false);
  });
});

describe('the focus after a route change', () => {
  it('stays where it is on the first load', () => {
    expect(document.activeElement).toBe(document.body);
  });

  it("moves to the shell's heading", () => {
    go('/embed');
    page.routed();
    expect(document.activeElement?.id).toBe('gemeng-heading');
    expect(document.activeElement?.getAttribute('tabindex')).toBe('-1');
  });

  it("waits on <main> for a widget's h1 in its shadow root, unless the person moved on", async () => {
    go('/communes/dudelange');
    page.routed();
    expect(document.activeElement?.id).toBe('gemeng-main');
    const widget = document.createElement('gemeng-commune-card');
    const root = widget.attachShadow({ mode: 'open' });
    document.querySelector('#gemeng-applications')!.append(widget);
    root.innerHTML = '<article><h1>Dudelange</h1></article>';
    await vi.waitFor(() => expect(root.activeElement?.textContent).toBe('Dudelange'));
    expect(findHeading(document.querySelector('#gemeng-main')!)?.textContent).toBe('Dudelange');

    go('/account');
    page.routed();
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(document.activeElement).toBe(button);
  });
});

describe('the placeholders', () => {
  const translate = (key: Parameters<typeof t>[1]) => t('de', key);

  it('say "loading" while an application loads, and go away', async () => {
    const parcel = loadingParcel(translate);
    const domElement = document.createElement('div');
    await parcel.mount({ domElement });
    expect(domElement.querySelector('[role="status"]')?.textContent).toBe('Wird geladen…');
    await parcel.unmount({ domElement });
    expect(domElement.innerHTML).toBe('');
  });

  it('show an alert with a retry button where an application failed to load', async () => {
    const retry = vi.fn();
    const parcel = failedParcel(translate, retry);
    const domElement = document.createElement('div');
    document.querySelector('#gemeng-main')!.append(domElement);
    await parcel.mount({ domElement, error: { appOrParcelName: '@gemeng/portal' } });
    const alert = domElement.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain(t('de', 'appError'));
    const button = alert.querySelector('button')!;
    expect(button.textContent).toBe('Erneut versuchen');
    button.click();
    expect(domElement.querySelector('[role="alert"]')).toBeNull();
    expect(document.activeElement?.id).toBe('gemeng-main');
    await vi.waitFor(() => expect(retry).toHaveBeenCalledWith('@gemeng/portal'));
  });
});
