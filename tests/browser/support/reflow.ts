/**
 * WCAG 1.4.10 (reflow): at a phone's width nothing makes the page scroll sideways. Two measures: the document's
 * own scroll width, and every rendered element (open shadow roots included: widgets draw there) whose right edge
 * passes the viewport's, unless it sits in a region that scrolls or clips on its own (a wide table in a scroll
 * box is allowed). The second catches what a widget's `overflow: hidden` would cut off instead of scrolling.
 */
import type { Page } from '@playwright/test';

export interface Overflow {
  /** How far the document scrolls sideways, in CSS px (0 when it does not). */
  readonly page: number;
  /** Elements sticking out to the right: `tag#id[part].class` with their shadow hosts, outermost first. */
  readonly sticking: readonly string[];
}

export async function horizontalOverflow(page: Page): Promise<Overflow> {
  return await page.evaluate(() => {
    const html = document.documentElement;
    // With a mobile viewport, the visual viewport may zoom out to fit what overflows: the layout width counts.
    const width = Math.min(window.innerWidth, html.clientWidth);
    const parentOf = (element: Element): Element | null =>
      element.assignedSlot ?? element.parentElement ?? ((element.parentNode as ShadowRoot | null)?.host || null);
    /** An ancestor below <body> scrolls or clips sideways by itself. */
    const inScrollRegion = (element: Element) => {
      for (let up = parentOf(element); up && up !== document.body && up !== html; up = parentOf(up)) {
        if (getComputedStyle(up).overflowX !== 'visible') return true;
      }
      return false;
    };
    const describe = (element: Element) => {
      const names: string[] = [];
      for (let at: Element | null = element; at; at = (at.getRootNode() as ShadowRoot).host ?? null) {
        const part = at.getAttribute('part');
        const className = typeof at.className === 'string' && at.className ? `.${at.className.split(' ')[0]}` : '';
        names.unshift(`${at.localName}${at.id ? `#${at.id}` : ''}${part ? `[part=${part}]` : ''}${className}`);
      }
      return names.join(' › ');
    };
    const sticking: string[] = [];
    const walk = (root: ParentNode) => {
      for (const element of Array.from(root.children)) {
        const style = getComputedStyle(element);
        if (style.display === 'none') continue;
        if (style.display !== 'contents' && !element.checkVisibility({ visibilityProperty: true })) continue;
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > width + 0.5 && !inScrollRegion(element)) sticking.push(describe(element));
        if (element.shadowRoot) walk(element.shadowRoot);
        walk(element);
      }
    };
    walk(html);
    return { page: Math.max(0, html.scrollWidth - width), sticking };
  });
}
