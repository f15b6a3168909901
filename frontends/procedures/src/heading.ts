import type { TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';

/** The `heading-level` attribute, clamped to 1–5 (sections one deeper stay within h6); default 2. */
export function clampLevel(level: number | undefined, fallback = 2): number {
  return Number.isInteger(level) ? Math.min(Math.max(level as number, 1), 5) : fallback;
}

/**
 * A heading at `level + offset`, so a widget fits the outline of the page it is put in (`heading-level`). The
 * page's main heading (level 1) is focusable (`tabindex="-1"`): the portal moves the focus there on a new page.
 */
export function heading(
  level: number,
  offset: number,
  content: unknown,
  options: { id?: string; className?: string; part?: string } = {},
): TemplateResult {
  const depth = Math.min(clampLevel(level) + offset, 6);
  // Only h1–h6 reach unsafeStatic: the depth is clamped above.
  const tag = unsafeStatic(`h${depth}`);
  return staticHtml`<${tag} id=${ifDefined(options.id)} class=${ifDefined(options.className)}
    part=${ifDefined(options.part)} tabindex=${ifDefined(depth === 1 ? '-1' : undefined)}>${content}</${tag}>`;
}
