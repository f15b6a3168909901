import { litApplication, pickStringProps, type SingleSpaProps } from '@gemeng/frontend-kit';
import './gemeng-office.ts';

/** `/office/applications/<id>` or `?application=<id>` opens one application in the back office; else the inbox. */
export function officeApplicationFromLocation(location: Pick<Location, 'pathname' | 'search'>): string | undefined {
  const match = /^\/office\/applications\/([^/]+)\/?$/i.exec(location.pathname);
  if (match?.[1]) return decodeURIComponent(match[1]);
  return new URLSearchParams(location.search).get('application') ?? undefined;
}

/**
 * The back office's lifecycles (`@gemeng/procedures/office`, on `/office` and `/office/applications/<id>`):
 * `<gemeng-office>` as the page's main content. `application` follows the address on every route change, so
 * going from the inbox to an application and back keeps the element (and the inbox's filters and page).
 */
export const office = litApplication<SingleSpaProps>('gemeng-office', (props, location) => ({
  'heading-level': '1',
  ...pickStringProps(props, ['lang', 'endpoint', 'issuer', 'heading-level', 'commune']),
  application: officeApplicationFromLocation(location),
}));
