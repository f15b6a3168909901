import { MyApplications } from './mine/my-applications.ts';

// Guarded so that two bundles on one page (embed script and shell) do not throw on a second define.
if (!customElements.get('gemeng-my-applications')) {
  customElements.define('gemeng-my-applications', MyApplications);
}

declare global {
  interface HTMLElementTagNameMap {
    'gemeng-my-applications': MyApplications;
  }
}

export { MyApplications };
