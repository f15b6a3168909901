import { gemengStyles } from '@gemeng/frontend-kit';
import { describe, expect, it } from 'vitest';
import { contrastProblems, contrastRatio, normalizeHex, themeTokens } from './configurator-colors.ts';
import { controlKind, defaultOf, type ManifestWidget, optionAttributes } from './configurator-manifest.ts';
import { escapeAttribute, isCustomElementName, snippet } from './configurator-snippet.ts';

describe('theme colours', () => {
  it('reads every --gemeng-color-* token and its default from the kit’s shared styles', () => {
    const tokens = themeTokens(String(gemengStyles.cssText));
    expect(tokens.map((token) => token.name)).toEqual(
      expect.arrayContaining(['text', 'background', 'accent', 'on-accent', 'error', 'focus']),
    );
    expect(tokens.find((token) => token.name === 'accent')).toEqual({
      name: 'accent',
      property: '--gemeng-color-accent',
      defaultValue: '#00558c',
    });
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // #767676 on white is the classic 4.54:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('passes the defaults and warns below 4.5:1', () => {
    const defaults = Object.fromEntries(themeTokens(String(gemengStyles.cssText)).map((t) => [t.name, t.defaultValue]));
    expect(contrastProblems(defaults)).toEqual([]);
    const problems = contrastProblems({ ...defaults, accent: '#7fb2d9' });
    expect(problems.map((p) => [p.foreground, p.background])).toContainEqual(['accent', 'background']);
    expect(problems.every((p) => p.ratio < 4.5)).toBe(true);
  });

  it('normalises hex colours and refuses anything else', () => {
    expect(normalizeHex('#ABC')).toBe('#aabbcc');
    expect(normalizeHex('#00558C')).toBe('#00558c');
    expect(normalizeHex('red; } body { display: none')).toBeUndefined();
  });
});

describe('manifest attributes', () => {
  const widget: ManifestWidget = {
    tag: 'gemeng-example',
    module: '/widgets/x/gemeng-example-abc.js',
    package: 'x',
    attributes: [
      { name: 'commune', type: 'string' },
      { name: 'lang', type: 'string' },
      { name: 'endpoint', type: 'string' },
      { name: 'size', type: "'s' | 'm'", values: ['s', 'm'], default: "'m'" },
      { name: 'heading-level', type: 'number', default: '2' },
      { name: 'compact', type: 'boolean | undefined' },
      { name: 'title', type: 'string' },
    ],
  };

  it('maps each attribute to a control, leaving lang and endpoint to their own', () => {
    const options = optionAttributes(widget);
    expect(options.map((a) => [a.name, controlKind(a)])).toEqual([
      ['commune', 'commune'],
      ['size', 'select'],
      ['heading-level', 'number'],
      ['compact', 'boolean'],
      ['title', 'text'],
    ]);
    expect(defaultOf(options[1]!)).toBe('m');
    expect(defaultOf(options[0]!)).toBeUndefined();
  });
});

describe('snippet', () => {
  const input = {
    loaderUrl: 'https://portal.example/embed/1.2.0/embed-AbC.js',
    integrity: 'sha384-abc',
    tag: 'gemeng-commune-card',
    attributes: [
      ['commune', 'dudelange'],
      ['lang', 'fr'],
    ] as [string, string][],
    colours: [] as [string, string][],
  };

  it('writes the pinned loader with its SRI hash and the element', () => {
    expect(snippet(input)).toBe(
      '<script type="module" src="https://portal.example/embed/1.2.0/embed-AbC.js" integrity="sha384-abc" crossorigin="anonymous"></script>\n' +
        '<gemeng-commune-card commune="dudelange" lang="fr"></gemeng-commune-card>',
    );
  });

  it('adds a style rule for the changed colours only, and escapes attribute values', () => {
    const code = snippet({
      ...input,
      attributes: [['commune', 'a"><script>alert(1)</script>']],
      colours: [
        ['--gemeng-color-accent', '#123456'],
        ['--gemeng-color-text', 'red;}*{display:none'],
      ],
    });
    expect(code).toContain('commune="a&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(code).toContain('<style>\n  gemeng-commune-card {\n    --gemeng-color-accent: #123456;\n  }\n</style>');
    expect(code).not.toContain('display:none');
  });

  it('writes only custom element names', () => {
    expect(isCustomElementName('gemeng-commune-card')).toBe(true);
    expect(isCustomElementName('script')).toBe(false);
    expect(() => snippet({ ...input, tag: 'img src=x' })).toThrow();
    expect(escapeAttribute('&<>"')).toBe('&amp;&lt;&gt;&quot;');
  });
});
