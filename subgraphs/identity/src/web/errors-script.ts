/**
 * /account/errors.js, on pages with an error summary (GOV.UK's pattern): the summary takes the focus, so that
 * screen readers read it first and keyboard users start from it, and a link in it moves the focus to its field
 * with the field's label in view. Same origin, for the pages' `script-src 'self'`; without JavaScript the summary
 * is still announced (role alert) and its links still lead to the fields.
 */
export const ERRORS_SCRIPT = `(() => {
  const summary = document.querySelector('[data-error-summary]');
  if (!summary) return;
  summary.focus();
  summary.addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#"]');
    const field = link && document.getElementById(link.getAttribute('href').slice(1));
    if (!field) return;
    event.preventDefault();
    const label = document.querySelector('label[for="' + field.id + '"]');
    (label || field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
`;
