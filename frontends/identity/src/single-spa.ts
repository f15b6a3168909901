import { litApplication, pickStringProps, type SingleSpaProps } from '@gemeng/frontend-kit';
import './gemeng-account.ts';

/** Lifecycles mounting `<gemeng-account>` (the portal's `/account` route, `@gemeng/identity/account`). */
export const account = litApplication<SingleSpaProps>('gemeng-account', (props) =>
  pickStringProps(props, ['lang', 'endpoint', 'issuer', 'heading-level']),
);
