import { litApplication, pickStringProps, type SingleSpaProps } from '@gemeng/frontend-kit';
import './gemeng-procedures.ts';
import './gemeng-my-applications.ts';
import { applicationFromLocation, communeFromLocation } from './locations.ts';

export { applicationFromLocation, communeFromLocation };

/**
 * The catalogue page's lifecycles (`@gemeng/procedures`, the default export, on `/communes/<slug>/procedures`):
 * `<gemeng-procedures>` as the page's main content (its heading is the `<h1>` and the page's title).
 */
const lifecycles = litApplication<SingleSpaProps>('gemeng-procedures', (props, location) => ({
  'heading-level': '1',
  ...pickStringProps(props, ['lang', 'endpoint', 'heading-level', 'form-href']),
  commune: communeFromLocation(location) ?? pickStringProps(props, ['commune']).commune,
}));

export const { bootstrap, mount, unmount, update } = lifecycles;
export default lifecycles;

/**
 * The citizen's applications (`@gemeng/procedures/mine`, on `/applications` and `/applications/<id>`): the list,
 * or one application's detail when the path names it.
 */
export const mine = litApplication<SingleSpaProps>('gemeng-my-applications', (props, location) => ({
  'heading-level': '1',
  ...pickStringProps(props, ['lang', 'endpoint', 'issuer', 'heading-level']),
  application: applicationFromLocation(location),
}));

/** The procedure form's lifecycles (`@gemeng/procedures/form`, on `/communes/<slug>/procedures/<code>`). */
export { form } from './form/single-spa.ts';

/** The back office's lifecycles (`@gemeng/procedures/office`, on `/office` and `/office/applications/<id>`). */
export { office } from './office-single-spa.ts';
