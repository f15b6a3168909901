/**
 * The code a webmaster pastes: the pinned loader with its SRI hash, the element with its attributes, and a
 * `<style>` with the colours they changed.
 */

export interface SnippetInput {
  /** Absolute URL of the pinned loader (`https://portal/embed/<version>/embed-<hash>.js`). */
  readonly loaderUrl: string;
  /** `sha384-…` */
  readonly integrity: string;
  readonly tag: string;
  /** Attribute name → value, in order; `''` writes a boolean attribute without a value. */
  readonly attributes: readonly (readonly [string, string])[];
  /** CSS custom property → colour, only those that differ from the defaults. */
  readonly colours: readonly (readonly [string, string])[];
}

/** Escapes a value for a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A custom element name as HTML defines it (lower case, with a hyphen): the only tags the configurator writes. */
export function isCustomElementName(tag: string): boolean {
  return /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/.test(tag);
}

/** A colour the `<style>` may hold: a hex colour, nothing that could close the rule. */
const isHexColour = (value: string) => /^#[0-9a-fA-F]{3,8}$/.test(value);

export function snippet(input: SnippetInput): string {
  if (!isCustomElementName(input.tag)) throw new Error(`"${input.tag}" is not a custom element name.`);
  const attributes = input.attributes
    .filter(([name]) => /^[a-z][a-z0-9-]*$/.test(name))
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
  const lines = [
    `<script type="module" src="${escapeAttribute(input.loaderUrl)}" integrity="${escapeAttribute(input.integrity)}" crossorigin="anonymous"></script>`,
    `<${input.tag}${attributes}></${input.tag}>`,
  ];
  const colours = input.colours.filter(([property, value]) => /^--[a-z0-9-]+$/.test(property) && isHexColour(value));
  if (colours.length) {
    lines.push(
      '<style>',
      `  ${input.tag} {`,
      ...colours.map(([property, value]) => `    ${property}: ${value};`),
      '  }',
      '</style>',
    );
  }
  return lines.join('\n');
}
