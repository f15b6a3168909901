import type { LitElement } from 'lit';

/** Creates an element with these attributes in the page (unit tests, happy-dom). */
export function mountElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  document.body.append(element);
  return element;
}

/** Waits (up to 3 s) until the element's shadow root satisfies the predicate; its markup in the error otherwise. */
export async function settled(element: LitElement, predicate: (root: ShadowRoot) => boolean): Promise<ShadowRoot> {
  const root = element.shadowRoot!;
  for (let i = 0; i < 300; i++) {
    await element.updateComplete;
    if (predicate(root)) return root;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`<${element.localName}> never settled: ${root.innerHTML}`);
}

/** The text of a node with its white space collapsed. */
export const text = (node: ParentNode | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
