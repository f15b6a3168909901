/** The subset of single-spa's props the adapter reads; kept local so the kit does not depend on single-spa. */
export interface SingleSpaProps {
  readonly name: string;
  readonly domElement?: HTMLElement;
  readonly [key: string]: unknown;
}

export interface LifeCycles<P extends SingleSpaProps = SingleSpaProps> {
  bootstrap(props: P): Promise<void>;
  mount(props: P): Promise<void>;
  unmount(props: P): Promise<void>;
  update(props: P): Promise<void>;
}

export type AttributeMap = Readonly<Record<string, string | undefined>>;
export type AttributeSource<P extends SingleSpaProps> = AttributeMap | ((props: P, location: Location) => AttributeMap);

/** single-spa-layout's container id for an application (it gives applications no `domElement`). */
export function applicationContainerId(name: string): string {
  return `single-spa-application:${name}`;
}

function containerFor(props: SingleSpaProps): HTMLElement {
  if (props.domElement) return props.domElement;
  const id = applicationContainerId(props.name);
  let container = document.getElementById(id);
  if (!container) {
    // Without single-spa-layout nobody creates the container: append one, as single-spa's own adapters do.
    container = document.createElement('div');
    container.id = id;
    document.body.append(container);
  }
  return container;
}

function applyAttributes(element: Element, attributes: AttributeMap): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) element.removeAttribute(name);
    else if (element.getAttribute(name) !== value) element.setAttribute(name, value);
  }
}

/** Picks string-valued single-spa props by name, to pass them on as attributes. */
export function pickStringProps(props: SingleSpaProps, names: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = props[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return picked;
}

/**
 * single-spa lifecycles that mount one custom element into the application's container. `attributes` may be
 * a function of the props and location: it is evaluated again on every single-spa routing event, so a route
 * such as `/communes/:slug` updates the mounted element instead of remounting it.
 */
export function litApplication<P extends SingleSpaProps = SingleSpaProps>(
  tagName: string,
  attributes: AttributeSource<P> = {},
): LifeCycles<P> {
  const mounted = new Map<string, { element: HTMLElement; onRoute: () => void }>();
  const evaluate = (props: P): AttributeMap =>
    typeof attributes === 'function' ? attributes(props, window.location) : attributes;

  return {
    async bootstrap() {
      // Fail at bootstrap, where single-spa reports it per application, rather than render an unknown element.
      await customElements.whenDefined(tagName);
    },
    async mount(props) {
      const element = document.createElement(tagName);
      applyAttributes(element, evaluate(props));
      containerFor(props).append(element);
      const onRoute = () => applyAttributes(element, evaluate(props));
      window.addEventListener('single-spa:routing-event', onRoute);
      mounted.set(props.name, { element, onRoute });
    },
    async unmount(props) {
      const entry = mounted.get(props.name);
      if (!entry) return;
      window.removeEventListener('single-spa:routing-event', entry.onRoute);
      entry.element.remove();
      mounted.delete(props.name);
    },
    async update(props) {
      const entry = mounted.get(props.name);
      if (entry) applyAttributes(entry.element, evaluate(props));
    },
  };
}
