import { litApplication, pickStringProps, type SingleSpaProps } from '@gemeng/frontend-kit';
import { accountPageOfPath } from './account-pages.ts';
import './gemeng-account.ts';

/**
 * Lifecycles mounting `<gemeng-account>` (the portal's `/account`, `/account/security`, `/account/data` and
 * `/account/developers` routes, `@gemeng/identity/account`). `page` follows the address, evaluated again on every
 * route change, so moving between the account's pages keeps the element (and what is typed or shown once, like
 * a new secret) instead of mounting it again; elsewhere the `page` prop, if any. The account owns the page's main
 * content: its heading is the `<h1>` unless the props say otherwise (`heading-level`).
 */
export const account = litApplication<SingleSpaProps>('gemeng-account', (props, location) => {
  const attributes = pickStringProps(props, ['lang', 'endpoint', 'issuer', 'heading-level', 'page']);
  const page = accountPageOfPath(location.pathname);
  return { 'heading-level': '1', ...attributes, ...(page ? { page } : {}) };
});
