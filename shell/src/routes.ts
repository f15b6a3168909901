import { type Language, matchLanguage } from '@gemeng/frontend-kit';
import { type ShellMessageKey, t } from './messages.ts';
import { isUnknownLanguage } from './server/page.ts';

/** The pages whose heading (and title) the shell writes; on the others the page's widget has the `<h1>`. */
const SHELL_HEADINGS: Readonly<Record<string, ShellMessageKey>> = { '/': 'title', '/embed': 'embedTitle' };

/** The title before the page's widget names the page (`gemeng-title`); else just "Gemeng". */
function defaultTitle(pathname: string): ShellMessageKey | undefined {
  return /^\/account(\/|$)/i.test(pathname) ? 'account' : undefined;
}

function normalise(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '').toLowerCase() : pathname;
}

/** Detail of `gemeng-title`, which a widget owning the page's main content dispatches (bubbles, composed). */
export interface TitleDetail {
  readonly title: string;
  /** The page shows an error (a form's): the title starts with "Error: " (GOV.UK). */
  readonly error?: boolean;
}

function isTitleDetail(detail: unknown): detail is TitleDetail {
  return Boolean(detail) && typeof (detail as TitleDetail).title === 'string' && (detail as TitleDetail).title !== '';
}

type Title = { readonly key: ShellMessageKey | undefined } | { readonly widget: TitleDetail };

/** The first visible `<h1>` under a node, open shadow roots included (widgets render their heading there). */
export function findHeading(root: ParentNode): HTMLElement | undefined {
  for (const element of root.querySelectorAll<HTMLElement>('h1, *')) {
    if (element.localName === 'h1' && !element.closest('[hidden]')) return element;
    if (element.shadowRoot) {
      const inner = findHeading(element.shadowRoot);
      if (inner) return inner;
    }
  }
  return undefined;
}

export interface PortalPageOptions {
  readonly document: Document;
  /** Whether an application is active for the address (single-spa's `checkActivityFunctions`). */
  readonly hasRoute: (location: Location) => boolean;
  /** How long the focus waits for a widget's heading after a route change, in ms. */
  readonly headingWait?: number;
}

/**
 * The shell's part of every page: its heading or the widget's, the not-found page (unknown route, `?lang=` or
 * commune), `document.title` ("<page> – Gemeng", "Error: " first when a widget says so), and the focus on the
 * page's heading after a route change.
 */
export class PortalPage {
  readonly #document: Document;
  readonly #hasRoute: (location: Location) => boolean;
  readonly #headingWait: number;
  #title: Title = { key: undefined };
  #missing = false;
  #pathname: string | undefined;
  #focusTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: PortalPageOptions) {
    this.#document = options.document;
    this.#hasRoute = options.hasRoute;
    this.#headingWait = options.headingWait ?? 5_000;
  }

  get #location(): Location {
    return this.#document.defaultView!.location;
  }

  get #language(): Language {
    return matchLanguage(this.#document.documentElement.lang) ?? 'lb';
  }

  /** True when the address has no page: no route, or a `?lang=` that names no language, or a missing commune. */
  get notFound(): boolean {
    const location = this.#location;
    return this.#missing || isUnknownLanguage(location.search) || !this.#hasRoute(location);
  }

  /** Listens to the widgets: their titles, and a commune page's unknown commune. */
  listen(): void {
    this.#document.addEventListener('gemeng-title', (event) => {
      const detail = (event as CustomEvent<unknown>).detail;
      // Only a page's own widget names the page, not one shown inside it (the configurator's preview of a card).
      const origin = event.composedPath()[0];
      if (!(origin instanceof Node) || origin.getRootNode() !== this.#document) return;
      if (!isTitleDetail(detail) || this.notFound) return;
      this.#title = { widget: { title: detail.title, error: detail.error === true } };
      this.#renderTitle();
    });
    this.#document.addEventListener('gemeng-error', (event) => {
      // Only the commune page's own card (the application itself, not one inside another widget).
      const target = event.target as Element | null;
      const kind = (event as CustomEvent<{ kind?: string }>).detail?.kind;
      if (kind !== 'not-found' || target?.localName !== 'gemeng-commune-card') return;
      if (!target.parentElement?.closest('#gemeng-applications')) return;
      this.#missing = true;
      this.render();
      this.#focusHeading();
    });
  }

  /** A new address, before the applications mount: the shell's heading and title for it, or the not-found page. */
  routeChanged(): void {
    this.#missing = false;
    this.#title = { key: SHELL_HEADINGS[normalise(this.#location.pathname)] ?? defaultTitle(this.#location.pathname) };
    this.render();
  }

  /** After the applications mounted: the focus goes to the page's heading when the path changed (not at load). */
  routed(): void {
    const pathname = this.#location.pathname;
    const previous = this.#pathname;
    this.#pathname = pathname;
    if (previous !== undefined && previous !== pathname) this.#focusHeading();
  }

  /** Draws the page's frame in the current language (again after a language change). */
  render(): void {
    const doc = this.#document;
    const language = this.#language;
    const notFound = this.notFound;
    const headingKey = notFound ? undefined : SHELL_HEADINGS[normalise(this.#location.pathname)];
    const heading = doc.querySelector<HTMLElement>('#gemeng-heading');
    if (heading) {
      heading.hidden = !headingKey;
      if (headingKey) {
        heading.dataset.i18n = headingKey;
        heading.textContent = t(language, headingKey);
      }
    }
    const section = doc.querySelector<HTMLElement>('#gemeng-not-found');
    if (section) section.hidden = !notFound;
    const applications = doc.querySelector<HTMLElement>('#gemeng-applications');
    if (applications) applications.hidden = notFound;
    this.#renderTitle();
  }

  #renderTitle(): void {
    const language = this.#language;
    const title: Title = this.notFound ? { key: 'notFoundTitle' } : this.#title;
    let text: string | undefined;
    if ('widget' in title) {
      text = `${title.widget.error ? t(language, 'errorPrefix') : ''}${title.widget.title}`;
    } else if (title.key) {
      text = t(language, title.key);
    }
    this.#document.title = text ? `${text} – Gemeng` : 'Gemeng';
  }

  /**
   * Focus on the page's `<h1>` (made focusable by script), else on `<main>` until a widget draws its heading:
   * keyboard and screen reader users start where the new page does, not where the link was.
   */
  #focusHeading(): void {
    clearTimeout(this.#focusTimer);
    const doc = this.#document;
    const main = doc.querySelector<HTMLElement>('#gemeng-main');
    const started = Date.now();
    const attempt = () => {
      const heading = main ? findHeading(main) : undefined;
      if (heading) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
        heading.focus();
        return;
      }
      if (doc.activeElement !== main) main?.focus();
      if (Date.now() - started < this.#headingWait) {
        this.#focusTimer = setTimeout(() => {
          // The person moved on meanwhile (a Tab, a click): leave the focus where they put it.
          if (doc.activeElement === main) attempt();
        }, 100);
      }
    };
    attempt();
  }
}
