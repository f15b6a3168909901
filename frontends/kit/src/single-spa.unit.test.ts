// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { applicationContainerId, litApplication } from './single-spa.ts';

class TestWidget extends HTMLElement {}
customElements.define('test-widget', TestWidget);

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, '', '/');
});

describe('litApplication', () => {
  it('mounts the element with its attributes into the single-spa-layout container, and removes it', async () => {
    const container = document.createElement('div');
    container.id = applicationContainerId('@gemeng/test');
    document.body.append(container);
    const app = litApplication('test-widget', { commune: 'dudelange', lang: 'fr' });
    const props = { name: '@gemeng/test' };
    await app.bootstrap(props);
    await app.mount(props);
    const element = container.querySelector('test-widget');
    expect(element).toBeInstanceOf(TestWidget);
    expect(element?.getAttribute('commune')).toBe('dudelange');
    expect(element?.getAttribute('lang')).toBe('fr');
    await app.unmount(props);
    expect(container.children).toHaveLength(0);
  });

  it('uses props.domElement when given (parcels)', async () => {
    const domElement = document.createElement('section');
    const app = litApplication('test-widget');
    await app.mount({ name: 'parcel', domElement });
    expect(domElement.querySelector('test-widget')).not.toBeNull();
  });

  it('re-evaluates attributes from the location on single-spa routing events', async () => {
    const app = litApplication<{ name: string }>('test-widget', (_props, location) => ({
      commune: location.pathname.split('/')[2] ?? 'dudelange',
    }));
    await app.mount({ name: '@gemeng/route' });
    const element = document.getElementById(applicationContainerId('@gemeng/route'))?.querySelector('test-widget');
    expect(element?.getAttribute('commune')).toBe('dudelange');
    history.pushState(null, '', '/communes/esch-sur-alzette');
    window.dispatchEvent(new CustomEvent('single-spa:routing-event'));
    expect(element?.getAttribute('commune')).toBe('esch-sur-alzette');
    await app.unmount({ name: '@gemeng/route' });
  });
});
