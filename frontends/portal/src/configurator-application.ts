import { type LifeCycles, litApplication, pickStringProps, type SingleSpaProps } from '@gemeng/frontend-kit';

const lifecycles = litApplication<SingleSpaProps>('gemeng-embed-configurator', (props) =>
  pickStringProps(props, ['lang', 'manifest']),
);

/**
 * single-spa lifecycles of the portal's `/embed` route (`@gemeng/portal/configurator`): the configurator's code
 * is fetched when the route is first visited, never on the other pages.
 */
export const configurator: LifeCycles<SingleSpaProps> = {
  ...lifecycles,
  async bootstrap(props) {
    await import('./gemeng-embed-configurator.ts');
    await lifecycles.bootstrap(props);
  },
};
