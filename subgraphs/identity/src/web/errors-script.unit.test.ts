// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ERRORS_SCRIPT } from './errors-script.ts';

// This package compiles without the DOM library: the few browser shapes the test touches.
interface Element {
  id: string;
  click(): void;
}
interface Page {
  body: { innerHTML: string; replaceChildren(): void };
  activeElement: Element | null;
  querySelector(selector: string): Element;
}
const page = (globalThis as unknown as { document: Page }).document;

afterEach(() => page.body.replaceChildren());

/** A registration page with two errors, as pages.ts renders it. */
function renderPage(): void {
  page.body.innerHTML = `<div class="summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title" data-error-summary>
<h2 id="error-summary-title">There is a problem</h2>
<ul><li><a href="#name">Enter your name.</a></li><li><a href="#email">Enter your email address.</a></li></ul></div>
<form><label for="name">Name</label><input id="name"><label for="email">Email address</label><input id="email"></form>`;
}

describe('the error summary’s script', () => {
  it('gives the summary the focus, and a link in it the focus to its field', () => {
    renderPage();
    new Function(ERRORS_SCRIPT)();
    expect(page.activeElement).toBe(page.querySelector('[data-error-summary]'));
    page.querySelector('a[href="#email"]').click();
    expect(page.activeElement?.id).toBe('email');
  });

  it('does nothing on a page without errors', () => {
    page.body.innerHTML = '<form><input id="name"></form>';
    expect(() => new Function(ERRORS_SCRIPT)()).not.toThrow();
  });
});
