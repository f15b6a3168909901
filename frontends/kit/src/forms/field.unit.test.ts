// @vitest-environment happy-dom
import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { renderDataTable } from './data-table.ts';
import { renderCheckbox, renderChoices, renderErrorSummary, renderField } from './field.ts';
import { mountHost, text, texts } from './test-host.ts';

const en = texts.en;

afterEach(() => {
  document.body.replaceChildren();
});

describe('renderField', () => {
  it('labels the control, describes it by its hint, and by its error once it has one', async () => {
    let errors: Record<string, string> = {};
    const { host, root } = await mountHost(() =>
      renderField(
        { lang: 'en', prefix: 'booking', errors },
        { name: 'seats', label: 'Seats', hint: 'From 1 to 4.', type: 'number', required: true, value: '2' },
      ),
    );
    const input = root.querySelector<HTMLInputElement>('#booking-seats')!;
    expect(text(root.querySelector('label[for="booking-seats"]'))).toBe('Seats');
    expect(input.type).toBe('number');
    expect(input.value).toBe('2');
    expect(input.getAttribute('aria-describedby')).toBe('booking-seats-hint');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(text(root.querySelector('#booking-seats-hint'))).toBe('From 1 to 4.');
    expect(root.querySelector('#booking-seats-error')).toBeNull();

    errors = { seats: 'Choose 1 to 4 seats.' };
    host.requestUpdate();
    await host.updateComplete;
    expect(input.getAttribute('aria-describedby')).toBe('booking-seats-hint booking-seats-error');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(text(root.querySelector('#booking-seats-error'))).toBe(`${en.errorPrefix} Choose 1 to 4 seats.`);
    expect(root.querySelector('#booking-seats-error .visually-hidden')).not.toBeNull();
  });

  it('draws a select with its options (in their own language) and a textarea', async () => {
    const { root } = await mountHost(
      () => html`${renderField(
        { lang: 'fr', prefix: 'p' },
        {
          name: 'language',
          label: 'Langue',
          control: 'select',
          value: 'de',
          options: [
            { value: 'fr', label: 'Français', lang: 'fr' },
            { value: 'de', label: 'Deutsch', lang: 'de' },
          ],
        },
      )}
      ${renderField({ lang: 'fr', prefix: 'p' }, { name: 'note', label: 'Note', control: 'textarea', rows: 3 })}`,
    );
    const select = root.querySelector<HTMLSelectElement>('#p-language')!;
    expect(select.localName).toBe('select');
    expect(select.value).toBe('de');
    expect(select.querySelector('option[value="de"]')?.getAttribute('lang')).toBe('de');
    expect(select.hasAttribute('aria-describedby')).toBe(false);
    expect(root.querySelector('textarea#p-note')?.getAttribute('rows')).toBe('3');
    expect(root.querySelector('label[for="p-note"]')).not.toBeNull();
  });

  it('keeps a default value for form resets apart from what is typed', async () => {
    const { root } = await mountHost(() =>
      renderField({ lang: 'en', prefix: 'k' }, { name: 'name', label: 'Name', defaultValue: 'Firefox on Linux' }),
    );
    const input = root.querySelector<HTMLInputElement>('#k-name')!;
    expect(input.value).toBe('Firefox on Linux');
    expect(input.getAttribute('value')).toBe('Firefox on Linux');
  });
});

describe('renderChoices and renderCheckbox', () => {
  it('puts checkboxes in a fieldset with legend, hint and error, each labelled', async () => {
    const { root } = await mountHost(
      () => html`${renderChoices(
        { lang: 'de', prefix: 'profile', errors: { communes: 'Höchstens zwei.' } },
        {
          name: 'communes',
          legend: 'Wohngemeinden',
          hint: 'Bis zu zwei.',
          options: [
            { value: 'c1', label: 'Dudelange' },
            { value: 'c2', label: 'Esch' },
          ],
          checked: ['c2'],
        },
      )}
      ${renderCheckbox({ lang: 'de', prefix: 'erase' }, { name: 'confirm', label: 'Ich verstehe' })}`,
    );
    const fieldset = root.querySelector('fieldset#profile-communes')!;
    expect(text(fieldset.querySelector('legend'))).toBe('Wohngemeinden');
    expect(fieldset.getAttribute('aria-describedby')).toBe('profile-communes-hint profile-communes-error');
    expect(text(root.querySelector('#profile-communes-error'))).toBe('Fehler: Höchstens zwei.');
    const boxes = [...fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((box) => [box.value, box.checked, box.getAttribute('aria-invalid')])).toEqual([
      ['c1', false, 'true'],
      ['c2', true, 'true'],
    ]);
    for (const box of boxes) expect(root.querySelector(`label[for="${box.id}"]`)).not.toBeNull();
    expect(text(root.querySelector('label[for="erase-confirm"]'))).toBe('Ich verstehe');
    expect(root.querySelector('#erase-confirm')?.hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('renderErrorSummary', () => {
  it('lists every field in error with a link that focuses it in the shadow root, from two errors on', async () => {
    let errors: Record<string, string> = { name: 'Enter a name.' };
    const { host, root } = await mountHost(
      () => html`${renderErrorSummary({ lang: 'lb', prefix: 'f', errors })}
        ${renderField({ lang: 'lb', prefix: 'f', errors }, { name: 'name', label: 'Numm' })}
        ${renderChoices(
          { lang: 'lb', prefix: 'f', errors },
          { name: 'days', legend: 'Deeg', options: [{ value: 'mo', label: 'Méindeg' }] },
        )}`,
    );
    expect(root.querySelector('[part="error-summary"]')).toBeNull(); // one error: the field takes the focus instead

    errors = { name: 'Enter a name.', days: 'Choose a day.' };
    host.requestUpdate();
    await host.updateComplete;
    const summary = root.querySelector('#f-error-summary')!;
    expect(text(summary.querySelector('.error-summary-title'))).toBe(texts.lb.errorSummaryTitle);
    expect(summary.querySelector('[role="alert"]')).not.toBeNull();
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((link) => [link.getAttribute('href'), text(link)])).toEqual([
      ['#f-name', 'Enter a name.'],
      ['#f-days', 'Choose a day.'],
    ]);
    links[1]!.click();
    expect(root.activeElement).toBe(root.querySelector('#f-days-0')); // a fieldset gives the focus to its first control
    links[0]!.click();
    expect(root.activeElement).toBe(root.querySelector('#f-name'));
  });
});

describe('renderDataTable', () => {
  const rows = [
    { name: 'Agenda', created: '2026-11-25' },
    { name: 'Feed', created: '2026-10-01' },
  ];
  const columns = [
    { header: 'Name', cell: (row: (typeof rows)[number]) => row.name, rowHeader: true },
    { header: 'Created', cell: (row: (typeof rows)[number]) => row.created },
  ];

  it('names the table by its heading, with column and row headers, in a focusable scrolling region', async () => {
    const { root } = await mountHost(
      () => html`<h2 id="apps-heading">Your applications</h2>
        ${renderDataTable({ labelledBy: 'apps-heading', part: 'apps-table', columns, rows, empty: 'None yet.' })}`,
    );
    const table = root.querySelector('table')!;
    expect(table.getAttribute('part')).toBe('table apps-table');
    expect(table.getAttribute('aria-labelledby')).toBe('apps-heading');
    expect([...table.querySelectorAll('thead th')].map((th) => [th.getAttribute('scope'), text(th)])).toEqual([
      ['col', 'Name'],
      ['col', 'Created'],
    ]);
    expect([...table.querySelectorAll('tbody th[scope="row"]')].map(text)).toEqual(['Agenda', 'Feed']);
    const region = root.querySelector('.table-wrap')!;
    expect([region.getAttribute('role'), region.getAttribute('tabindex')]).toEqual(['region', '0']);
    expect(region.getAttribute('aria-labelledby')).toBe('apps-heading');
  });

  it('has a caption when no heading names it, and a sentence instead of an empty table', async () => {
    let shown = rows;
    const { host, root } = await mountHost(() =>
      renderDataTable({ caption: 'Bookings', captionHidden: true, columns, rows: shown, empty: 'No bookings.' }),
    );
    expect(text(root.querySelector('caption.visually-hidden'))).toBe('Bookings');
    expect(root.querySelector('.table-wrap')?.getAttribute('aria-label')).toBe('Bookings');
    shown = [];
    host.requestUpdate();
    await host.updateComplete;
    expect(root.querySelector('table')).toBeNull();
    expect(text(root.querySelector('p.empty'))).toBe('No bookings.');
  });
});
