import { litApplication, pickStringProps, type SingleSpaProps } from '@gemeng/frontend-kit';
import './gemeng-commune-card.ts';
import './gemeng-commune-chooser.ts';

/** `/communes/<slug>` or `?commune=<slug>` selects the commune; props (from the layout) come next. */
export function communeFromLocation(location: Pick<Location, 'pathname' | 'search'>): string | undefined {
  const match = /^\/communes\/([^/]+)\/?$/i.exec(location.pathname);
  if (match?.[1]) return decodeURIComponent(match[1]);
  return new URLSearchParams(location.search).get('commune') ?? undefined;
}

/**
 * single-spa lifecycles of the commune page (`@gemeng/portal`, the default export, on `/communes/<slug>`),
 * mounting `<gemeng-commune-card>` as the page's main content (its heading is the `<h1>`, its name the page's
 * title); `lang` is left unset unless given, so the card follows `<html lang>`.
 */
const lifecycles = litApplication<SingleSpaProps>('gemeng-commune-card', (props, location) => ({
  'heading-level': '1',
  ...pickStringProps(props, ['lang', 'endpoint', 'heading-level']),
  commune: communeFromLocation(location) ?? pickStringProps(props, ['commune']).commune,
}));

export const { bootstrap, mount, unmount, update } = lifecycles;
export default lifecycles;

/**
 * The home page's lifecycles (`@gemeng/portal/home`, on `/`): the commune chooser under the shell's `<h1>`, with
 * the card of the person's commune (of residence, else the last chosen) above it.
 */
export const home = litApplication<SingleSpaProps>('gemeng-commune-chooser', (props) => ({
  card: '',
  ...pickStringProps(props, ['lang', 'endpoint', 'issuer', 'heading-level']),
}));

/** The `/embed` route's lifecycles (`@gemeng/portal/configurator`): the configurator's code loads on its first visit. */
export { configurator } from './configurator-application.ts';

/** The `/privacy` and `/accessibility` routes' lifecycles (`@gemeng/portal/statements`). */
export { statements } from './statements-application.ts';
