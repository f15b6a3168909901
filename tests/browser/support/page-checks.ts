/**
 * What every page of a citizen's journey owes (issue 10): no sideways scrolling at the current width, no serious
 * or critical axe violation, and text in the page's language only (no German word on a Luxembourgish page, no
 * German or English leftover on a French one). Soft assertions: a journey goes on and reports every page that
 * fails, each named by `where`.
 */
import { expect, type Page } from '@playwright/test';
import { LANGUAGE_NAMES } from '../../../i18n/src/languages.ts';
import { seriousViolations } from './axe.ts';
import { horizontalOverflow } from './reflow.ts';
import { visibleText } from './visible-text.ts';
import { type CheckedLanguage, wrongWords } from './wrong-language.ts';

const soft = expect.configure({ soft: true });

/** Text marked as another language than the page's may only be a language's own name (a language switcher). */
const AUTONYMS = new Set<string>(Object.values(LANGUAGE_NAMES));

export async function expectFitsAndSpeaks(page: Page, lang: CheckedLanguage, where: string): Promise<void> {
  await expect(page.locator('html'), `${where}: the page's language`).toHaveAttribute('lang', new RegExp(`^${lang}`));
  // Layout may still settle (fonts, a widget's late render): poll until nothing sticks out, or fail with the list.
  await soft
    .poll(() => horizontalOverflow(page), { message: `${where}: nothing scrolls sideways`, timeout: 5_000 })
    .toEqual({ page: 0, sticking: [] });
  expect.soft(await seriousViolations(page), `${where}: axe finds no serious or critical violation`).toEqual([]);
  const pieces = await visibleText(page);
  expect(pieces.length, `${where}: the page's text was read`).toBeGreaterThan(3);
  expect.soft(wrongWords(pieces, lang), `${where}: no wrong-language word`).toEqual([]);
  const foreign = pieces.filter((piece) => piece.lang !== lang && piece.lang !== '' && !AUTONYMS.has(piece.text));
  expect.soft(foreign, `${where}: text marked as another language is a language name only`).toEqual([]);
}
