import { litApplication, pickStringProps, type SingleSpaProps } from '@gemeng/frontend-kit';
import './gemeng-commune-card.ts';

/** The commune shown when neither the route nor the props name one. */
export const DEFAULT_COMMUNE = 'dudelange';

/** `/communes/<slug>` or `?commune=<slug>` selects the commune; props (from the layout) come next. */
export function communeFromLocation(location: Pick<Location, 'pathname' | 'search'>): string | undefined {
  const match = /^\/communes\/([^/]+)\/?$/.exec(location.pathname);
  if (match?.[1]) return decodeURIComponent(match[1]);
  return new URLSearchParams(location.search).get('commune') ?? undefined;
}

/**
 * single-spa lifecycles of the portal's home route (`@gemeng/portal`, the default export), mounting
 * `<gemeng-commune-card>`; `lang` is left unset unless given, so the card follows `<html lang>`.
 */
const lifecycles = litApplication<SingleSpaProps>('gemeng-commune-card', (props, location) => ({
  ...pickStringProps(props, ['lang', 'endpoint', 'heading-level']),
  commune: communeFromLocation(location) ?? pickStringProps(props, ['commune']).commune ?? DEFAULT_COMMUNE,
}));

export const { bootstrap, mount, unmount, update } = lifecycles;
export default lifecycles;

/** The `/embed` route's lifecycles (`@gemeng/portal/configurator`): the configurator's code loads on its first visit. */
export { configurator } from './configurator-application.ts';
