/**
 * The configurator's theme colours: the `--gemeng-color-*` tokens with their defaults, read from the kit's shared
 * styles (so a token added there appears in the configurator by itself), and WCAG 2.1 contrast ratios.
 */

export interface ThemeToken {
  /** `accent` for `--gemeng-color-accent`. */
  readonly name: string;
  readonly property: string;
  /** `#rrggbb`. */
  readonly defaultValue: string;
}

/** WCAG 2.1 AA for normal text. */
export const MINIMUM_CONTRAST = 4.5;

/** Text colour → the background it is drawn on, in the widgets' styles. */
export const CONTRAST_PAIRS: readonly (readonly [foreground: string, background: string])[] = [
  ['text', 'background'],
  ['muted', 'background'],
  ['accent', 'background'],
  ['error', 'background'],
  ['on-accent', 'accent'],
  ['text', 'surface'],
  ['muted', 'surface'],
  ['accent', 'surface'],
];

/** `#abc` → `#aabbcc`, lower case; undefined for anything that is not a hex colour. */
export function normalizeHex(value: string): string | undefined {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim());
  if (!match?.[1]) return undefined;
  const hex = match[1].toLowerCase();
  return `#${hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex}`;
}

/** The tokens `var(--gemeng-color-<name>, #default)` that a stylesheet's text uses, in order of appearance. */
export function themeTokens(cssText: string): ThemeToken[] {
  const tokens = new Map<string, ThemeToken>();
  for (const match of cssText.matchAll(/var\(\s*--gemeng-color-([a-z][a-z0-9-]*)\s*,\s*(#[0-9a-fA-F]{3,6})\s*\)/g)) {
    const [, name, value] = match;
    const defaultValue = normalizeHex(value ?? '');
    if (name && defaultValue && !tokens.has(name)) {
      tokens.set(name, { name, property: `--gemeng-color-${name}`, defaultValue });
    }
  }
  return [...tokens.values()];
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.1 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export interface ContrastProblem {
  readonly foreground: string;
  readonly background: string;
  readonly ratio: number;
}

/** The pairs of {@link CONTRAST_PAIRS} below {@link MINIMUM_CONTRAST} with these colours (token name → `#rrggbb`). */
export function contrastProblems(colours: Readonly<Record<string, string>>): ContrastProblem[] {
  const problems: ContrastProblem[] = [];
  for (const [foreground, background] of CONTRAST_PAIRS) {
    const fg = colours[foreground];
    const bg = colours[background];
    if (!fg || !bg) continue;
    const ratio = contrastRatio(fg, bg);
    if (ratio < MINIMUM_CONTRAST) problems.push({ foreground, background, ratio });
  }
  return problems;
}
