import { litApplication, pickStringProps, type SingleSpaProps } from '@gemeng/frontend-kit';
import '../gemeng-procedure-form.ts';

/** `/communes/<slug>/procedures/<code>` names the commune and the procedure of the portal's form route. */
export function procedureFromPath(pathname: string): { commune: string; procedure: string } | undefined {
  const match = /^\/communes\/([^/]+)\/procedures\/([^/]+)\/?$/i.exec(pathname);
  if (!match?.[1] || !match[2]) return undefined;
  return { commune: decodeURIComponent(match[1]), procedure: decodeURIComponent(match[2]) };
}

/**
 * Lifecycles of the portal's procedure form (`@gemeng/procedures/form`, on `/communes/:slug/procedures/:code`):
 * `<gemeng-procedure-form>` as the page's main content (its heading is the `<h1>`), commune and procedure from
 * the address, evaluated again on every route change; `?application=<id>` (a NEEDS_INFO answer) passes through.
 */
export const form = litApplication<SingleSpaProps>('gemeng-procedure-form', (props, location) => {
  const fromPath = procedureFromPath(location.pathname);
  const application = new URLSearchParams(location.search).get('application') ?? undefined;
  return {
    'heading-level': '1',
    ...pickStringProps(props, ['lang', 'endpoint', 'issuer', 'heading-level', 'commune', 'procedure']),
    ...(fromPath ?? {}),
    ...(application ? { application } : {}),
  };
});
