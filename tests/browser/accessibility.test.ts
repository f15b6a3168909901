import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { NOT_FOUND, shellUrl } from './env.ts';

async function axe(page: Page) {
  return await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
}

/** Prints violations readably when the assertion fails. */
function summary(violations: Awaited<ReturnType<typeof axe>>['violations']) {
  return violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) }));
}

for (const lang of ['lb', 'fr', 'de', 'en'] as const) {
  test(`the home page has no axe violations (${lang})`, async ({ page }) => {
    await page.goto(`${shellUrl()}/?lang=${lang}`);
    await expect(page.locator('gemeng-commune-card [part="card"]')).toHaveAttribute('aria-busy', 'false');
    await expect(page.locator('gemeng-commune-card').getByRole('heading', { level: 2 })).toBeVisible();
    const { violations } = await axe(page);
    expect(summary(violations)).toEqual([]);
  });
}

test('the not-found state has no axe violations', async ({ page }) => {
  await page.goto(`${shellUrl()}/communes/no-such-commune?lang=en`);
  await expect(page.locator('gemeng-commune-card').getByRole('alert')).toContainText(NOT_FOUND.en);
  const { violations } = await axe(page);
  expect(summary(violations)).toEqual([]);
});

test('the language switcher and the card are keyboard reachable with a visible focus', async ({ page }) => {
  await page.goto(`${shellUrl()}/?lang=en`);
  await expect(page.locator('gemeng-commune-card').getByRole('heading', { level: 2 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => {
    const active = globalThis.document.activeElement;
    return active ? getComputedStyle(active).outlineStyle : 'none';
  });
  expect(outline).not.toBe('none');
});
