import { litApplication, pickStringProps, type SingleSpaProps } from '@gemeng/frontend-kit';

/** The commune shown when neither the route nor the props name one. */
export const DEFAULT_COMMUNE = 'dudelange';

/** `/communes/<slug>` or `?commune=<slug>` selects the commune; props (from the layout) come next. */
export function communeFromLocation(location: Pick<Location, 'pathname' | 'search'>): string | undefined {
  const match = /^\/communes\/([^/]+)\/?$/.exec(location.pathname);
  if (match?.[1]) return decodeURIComponent(match[1]);
  return new URLSearchParams(location.search).get('commune') ?? undefined;
}

/**
 * single-spa lifecycles of the portal's home route, mounting `<gemeng-commune-card>`. The element is registered
 * by the bundle that exports these (see `bundle.ts`); `lang` is left unset unless given, so the card follows
 * `<html lang>`.
 */
export const { bootstrap, mount, unmount, update } = litApplication<SingleSpaProps>(
  'gemeng-commune-card',
  (props, location) => ({
    ...pickStringProps(props, ['lang', 'endpoint', 'heading-level']),
    commune: communeFromLocation(location) ?? pickStringProps(props, ['commune']).commune ?? DEFAULT_COMMUNE,
  }),
);
