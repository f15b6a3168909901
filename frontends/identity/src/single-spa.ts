import { litApplication, pickStringProps, type SingleSpaProps } from '@gemeng/frontend-kit';

/**
 * Lifecycles mounting `<gemeng-account>` (the portal's `/account` route). The element is registered by the
 * bundle that exports these (see `bundle.ts`).
 */
export const account = litApplication<SingleSpaProps>('gemeng-account', (props) =>
  pickStringProps(props, ['lang', 'endpoint', 'issuer', 'heading-level']),
);
