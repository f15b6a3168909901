import { matchLanguage } from '@gemeng/frontend-kit';
import { type LifeCycles, registerApplication, start } from 'single-spa';
import { constructApplications, constructLayoutEngine, constructRoutes } from 'single-spa-layout';
import { applyLanguage, initialLanguage, rememberLanguage } from './language.ts';
import { t } from './messages.ts';
import './shell.css';

const language = initialLanguage();
applyLanguage(language);

document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-lang]');
  const chosen = matchLanguage(button?.dataset.lang);
  if (!chosen) return;
  applyLanguage(chosen);
  rememberLanguage(chosen);
});

const template = document.querySelector<HTMLTemplateElement>('#single-spa-layout');
if (!template) throw new Error('index.html lacks <template id="single-spa-layout">.');

// Placeholders are plain HTML strings for single-spa-layout; they use the language at start-up.
const routes = constructRoutes(template, {
  loaders: { identityLoader: `<p class="placeholder" role="status">${t(language, 'loading')}</p>` },
  errors: { identityError: `<p class="placeholder placeholder-error" role="alert">${t(language, 'appError')}</p>` },
  props: {},
});

// A variable specifier keeps Vite from bundling the application: the browser resolves it with the import map.
const importApplication = (name: string): Promise<LifeCycles> => import(/* @vite-ignore */ name);

const applications = constructApplications({ routes, loadApp: ({ name }) => importApplication(name) });
const layoutEngine = constructLayoutEngine({ routes, applications });
for (const application of applications) registerApplication(application);
layoutEngine.activate();
start({ urlRerouteOnly: true });
