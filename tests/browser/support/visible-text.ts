/**
 * The text a person meets on a page, read as the browser renders it: every rendered text node, open shadow roots
 * included (widgets draw there), plus what assistive technology reads out (`aria-label`, `alt`, `placeholder`,
 * `title`) and the page's title. Hidden elements (`display: none`, `visibility: hidden`, `[hidden]`, unslotted
 * light DOM) are left out; visually hidden text for screen readers stays in, since it is heard.
 *
 * Each piece comes with the language it is marked as (the nearest `lang`, across shadow boundaries), so that a
 * check can tell the page's own text from text that says it is in another language (the language switcher's
 * "Deutsch").
 */
import type { Page } from '@playwright/test';

export interface TextPiece {
  /** The primary language subtag the text is marked as (`lb`, `fr`…), or '' when nothing says. */
  readonly lang: string;
  readonly text: string;
}

export async function visibleText(page: Page): Promise<TextPiece[]> {
  return await page.evaluate(() => {
    const pieces: { lang: string; text: string }[] = [];
    const primary = (lang: string) => lang.split('-')[0]!.toLowerCase();
    const add = (lang: string, text: string | null) => {
      const squashed = (text ?? '').replace(/\s+/g, ' ').trim();
      if (squashed) pieces.push({ lang, text: squashed });
    };
    const skipped = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
    const walk = (root: Node, lang: string) => {
      for (const node of Array.from(root.childNodes)) {
        if (node.nodeType === Node.TEXT_NODE) {
          add(lang, node.textContent);
          continue;
        }
        if (!(node instanceof Element) || skipped.has(node.tagName)) continue;
        const style = getComputedStyle(node);
        if (style.display === 'none') continue;
        // `display: contents` (slots, some hosts) has no box of its own: its children decide.
        if (style.display !== 'contents' && !node.checkVisibility({ visibilityProperty: true })) continue;
        const own = node.hasAttribute('lang') ? primary(node.getAttribute('lang') ?? '') : lang;
        for (const attribute of ['aria-label', 'alt', 'placeholder', 'title']) add(own, node.getAttribute(attribute));
        if (node.shadowRoot) walk(node.shadowRoot, own);
        walk(node, own);
      }
    };
    const html = document.documentElement;
    add(primary(html.lang), document.title);
    walk(html, primary(html.lang));
    return pieces;
  });
}
