import { matchLanguage } from '@gemeng/frontend-kit';
import { checkActivityFunctions, navigateToUrl, registerApplication, start, triggerAppChange } from 'single-spa';
import { constructApplications, constructLayoutEngine, constructRoutes } from 'single-spa-layout';
import { importApplication, importModule, pageApplications } from './applications.ts';
import { completeAuthReturn, portalAuth } from './auth.ts';
import { applyLanguage, initialLanguage, rememberLanguage } from './language.ts';
import { t } from './messages.ts';
import { startOffline } from './offline.ts';
import { failedParcel, loadingParcel } from './placeholders.ts';
import { PortalPage } from './routes.ts';
import './shell.css';

const page = new PortalPage({ document, hasRoute: (location) => checkActivityFunctions(location).length > 0 });
page.listen();
applyLanguage(initialLanguage());
// The installable portal: offline notice and service worker (not before the language: the notice speaks it).
startOffline();

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-lang]');
  const chosen = matchLanguage(button?.dataset.lang);
  if (!chosen) return;
  applyLanguage(chosen);
  rememberLanguage(chosen);
  page.render();
});

/**
 * Links to the portal's own pages change the route without loading the page again: the sign-in lives in this
 * page's memory, and a reload would end it. Links inside widgets' shadow roots count too.
 */
document.addEventListener('click', (event) => {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return;
  }
  const anchor = event
    .composedPath()
    .find((node): node is HTMLAnchorElement => node instanceof HTMLAnchorElement && node.hasAttribute('href'));
  if (!anchor || (anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/widgets/') || /\.\w+$/.test(url.pathname)) return;
  // In-page links (the skip link) keep the browser's own behaviour.
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
  event.preventDefault();
  navigateToUrl(url.href);
});

async function main(): Promise<void> {
  const auth = portalAuth();
  const header = document.querySelector('gemeng-login');
  // Without an issuer (the shell run alone) there is no sign-in to offer.
  if (!auth) header?.closest('nav')?.remove();
  if (!(await completeAuthReturn(auth, initialLanguage()))) return;
  // The address may have changed (back from signing in or out, with its ?lang=).
  const language = initialLanguage();
  applyLanguage(language);

  // The embed loader loads each <gemeng-…> element's module when it appears, as on a commune's website: the
  // header's <gemeng-login> (outside any route) and the widgets the configurator previews.
  void importModule('/embed.js').catch((error: unknown) => console.error(error));

  const template = document.querySelector<HTMLTemplateElement>('#single-spa-layout');
  if (!template) throw new Error('index.html lacks <template id="single-spa-layout">.');

  // Placeholders in the page's language at the time they appear (and again after a switch: data-i18n).
  const translate = (key: Parameters<typeof t>[1]) => t(matchLanguage(document.documentElement.lang) ?? language, key);
  // A module that failed is fetched afresh on retry (?retry=<n>): the browser may keep the failed one.
  const attempts = new Map<string, number>();
  const retry = (name: string) => {
    attempts.set(name, (attempts.get(name) ?? 0) + 1);
    triggerAppChange();
  };
  const routes = constructRoutes(template, {
    loaders: { loading: loadingParcel(translate) },
    errors: { failed: failedParcel(translate, retry) },
    props: {},
  });

  const modules = pageApplications();
  const applications = constructApplications({
    routes,
    loadApp: ({ name }) => {
      const attempt = attempts.get(name) ?? 0;
      return importApplication(name, modules, (url) => importModule(attempt ? `${url}?retry=${attempt}` : url));
    },
  });
  window.addEventListener('single-spa:before-mount-routing-event', () => page.routeChanged());
  window.addEventListener('single-spa:routing-event', () => page.routed());
  const layoutEngine = constructLayoutEngine({ routes, applications });
  for (const application of applications) registerApplication(application);
  layoutEngine.activate();
  start({ urlRerouteOnly: true });
}

void main();
