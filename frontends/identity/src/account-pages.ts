import type { Language } from '@gemeng/frontend-kit';
import { html, type TemplateResult } from 'lit';
import { type AccountMessageKey, ta } from './account-messages.ts';

/** The account's pages (`<gemeng-account page="…">`), in the order of its navigation. */
export const ACCOUNT_PAGES = ['profile', 'security', 'data', 'developers'] as const;
export type AccountPage = (typeof ACCOUNT_PAGES)[number];

/** Each page's address on the portal. */
export const ACCOUNT_PAGE_PATHS: Readonly<Record<AccountPage, string>> = {
  profile: '/account',
  security: '/account/security',
  data: '/account/data',
  developers: '/account/developers',
};

/** Each page's heading (its `<h1>` on the portal) and the first part of its title. */
const PAGE_HEADINGS: Readonly<Record<AccountPage, AccountMessageKey>> = {
  profile: 'profile',
  security: 'security',
  data: 'dataHeading',
  developers: 'appsHeading',
};

/** The shorter names of the navigation's links. */
const NAV_LABELS: Readonly<Record<AccountPage, AccountMessageKey>> = {
  ...PAGE_HEADINGS,
  developers: 'navDevelopers',
};

export function isAccountPage(value: unknown): value is AccountPage {
  return typeof value === 'string' && (ACCOUNT_PAGES as readonly string[]).includes(value);
}

/** The page a portal address shows (`/account/security` → `security`); undefined outside the account. */
export function accountPageOfPath(pathname: string): AccountPage | undefined {
  const path = pathname.replace(/\/+$/, '') || '/';
  return ACCOUNT_PAGES.find((page) => ACCOUNT_PAGE_PATHS[page] === path);
}

export function accountPageHeading(lang: Language, page: AccountPage): string {
  return ta(lang, PAGE_HEADINGS[page]);
}

/**
 * The navigation between the account's pages: links to their addresses on the portal (the shell changes the
 * route without a reload), `aria-current="page"` on the page shown. `inPlace` (off the portal, where those
 * addresses do not exist): the links point into the page (`#account-security`) and a click shows the page in the
 * element instead.
 */
export function renderAccountNav(
  lang: Language,
  current: AccountPage,
  inPlace: ((page: AccountPage) => void) | undefined,
): TemplateResult {
  const follow = (page: AccountPage) => (event: MouseEvent) => {
    if (!inPlace || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    inPlace(page);
  };
  return html`<nav part="nav" class="account-nav" aria-label=${ta(lang, 'accountPages')}>
    <ul>
      ${ACCOUNT_PAGES.map(
        (page) => html`<li>
          <a
            part=${page === current ? 'nav-link current' : 'nav-link'}
            href=${inPlace ? `#account-${page}` : ACCOUNT_PAGE_PATHS[page]}
            aria-current=${page === current ? 'page' : 'false'}
            @click=${follow(page)}
            >${ta(lang, NAV_LABELS[page])}</a
          >
        </li>`,
      )}
    </ul>
  </nav>`;
}
