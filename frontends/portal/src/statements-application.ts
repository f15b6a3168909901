import { type LifeCycles, litApplication, pickStringProps, type SingleSpaProps } from '@gemeng/frontend-kit';

/** `/accessibility` shows the accessibility statement; `/privacy` (and anything else) the privacy notice. */
export function statementKind(pathname: string): 'privacy' | 'accessibility' {
  return /^\/accessibility\/?$/.test(pathname) ? 'accessibility' : 'privacy';
}

const lifecycles = litApplication<SingleSpaProps>('gemeng-statement', (props, location) => ({
  ...pickStringProps(props, ['lang']),
  kind: statementKind(location.pathname),
}));

/**
 * single-spa lifecycles of the portal's `/privacy` and `/accessibility` routes (`@gemeng/portal/statements`):
 * `<gemeng-statement>`, whose code and texts load on the first visit of either page.
 */
export const statements: LifeCycles<SingleSpaProps> = {
  ...lifecycles,
  async bootstrap(props) {
    await import('./gemeng-statement.ts');
    await lifecycles.bootstrap(props);
  },
};
