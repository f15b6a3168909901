// @vitest-environment happy-dom
import { VERDICT_VALID_ANSWERS } from '@gemeng/forms/verdicts';
import { describe, expect, it } from 'vitest';
import {
  application,
  button,
  count,
  en,
  fx,
  mountOnApplication,
  settled,
  text,
  tick,
  type,
  useFormFixture,
} from './form-test-support.ts';

useFormFixture();

const q = <T extends Element = HTMLInputElement>(root: ShadowRoot, selector: string) =>
  root.querySelector<T>(selector) as T;

describe('<gemeng-procedure-form>: the questions', () => {
  it('renders every field type of the definition with its answer, label, hint and the right control', async () => {
    fx.answers.ProcedureFormApplication = {
      data: { application: application({ ...VERDICT_VALID_ANSWERS }), me: null },
    };
    const { root } = await mountOnApplication();
    expect(text(root.querySelector('[part~="heading"]'))).toBe('Register a dog');
    // text, with "(optional)" only on answers that are not required
    expect(q(root, '#answers-ownerName').value).toBe('Marie Schmit');
    expect(text(root.querySelector('label[for="answers-ownerName"]'))).toBe('Your name');
    expect(text(root.querySelector('label[for="answers-phone"]'))).toBe(`Phone number ${en.optional}`);
    // email and phone ask for the matching keyboard and autofill
    expect(q(root, '#answers-email').type).toBe('email');
    expect(q(root, '#answers-email').getAttribute('autocomplete')).toBe('email');
    expect(q(root, '#answers-phone').type).toBe('tel');
    // address: one fieldset, one input per part
    expect(q(root, '#answers-home').localName).toBe('fieldset');
    expect(q(root, '#answers-home-postcode').value).toBe('L-3510');
    expect(q(root, '#answers-home-postcode').getAttribute('autocomplete')).toBe('postal-code');
    expect(q(root, '#answers-nationalId').getAttribute('inputmode')).toBe('numeric');
    // repeated group: each item is its own fieldset with its questions
    expect(text(root.querySelector('#answers-dogs-item-0 > legend'))).toBe('Dogs 1');
    expect(q(root, '#answers-dogs-0-chip').value).toBe('250268712345678');
    expect(text(root.querySelector('#answers-dogs-0-chip-hint'))).toBe('15 digits, as on the vaccination passport.');
    expect(q(root, '#answers-dogs-0-born').type).toBe('date');
    // select with few options: radios in a fieldset
    expect(q(root, '#answers-payment').localName).toBe('fieldset');
    expect(
      [...root.querySelectorAll<HTMLInputElement>('input[name="payment"]')].map((r) => [r.value, r.checked]),
    ).toEqual([
      ['invoice', false],
      ['direct-debit', true],
    ]);
    expect(q(root, '#answers-iban').value).toBe('LU28 0019 4006 4475 0000');
    // multi-select: checkboxes
    expect(
      [...root.querySelectorAll<HTMLInputElement>('input[name="items"]')].filter((b) => b.checked).map((b) => b.value),
    ).toEqual(['sofa', 'fridge']);
    expect(q(root, '#answers-weight').getAttribute('inputmode')).toBe('decimal');
    expect(q(root, '#answers-weight').value).toBe('80');
    // file: what was sent, with a remove button, and the chooser
    expect(text(root.querySelector('[part="files"]'))).toContain('pass.pdf (340 KB)');
    expect(q(root, '#answers-proof').type).toBe('file');
    expect(q<HTMLTextAreaElement>(root, '#answers-notes').localName).toBe('textarea');
    expect(q(root, '#answers-consent').type).toBe('checkbox');
    expect(q(root, '#answers-consent').checked).toBe(true);
    // the status line never makes a draft look submitted
    expect(text(root.querySelector('#draft-status'))).toMatch(
      /^Draft saved at \d{1,2}:\d\d( [AP]M)? — not submitted yet$/,
    );
  });

  it('shows a conditional question when its condition holds, and hides it again', async () => {
    const { element, root } = await mountOnApplication();
    expect(root.querySelector('#answers-iban')).toBeNull();
    tick(q(root, 'input[name="payment"][value="direct-debit"]'));
    await settled(element, (r) => Boolean(r.querySelector('#answers-iban')));
    tick(q(root, 'input[name="payment"][value="invoice"]'));
    await settled(element, (r) => !r.querySelector('#answers-iban'));
    // inside a repeated item, a condition reads its own item's answers
    tick(q(root, 'input[name="dogs-0-breed"][value="other"]'));
    await settled(element, (r) => Boolean(r.querySelector('#answers-dogs-0-breedOther')));
  });

  it('adds and removes items of a repeated group, within its minimum and maximum', async () => {
    const { element, root } = await mountOnApplication();
    // a new draft holds the group's minimum (1); the one item cannot be removed
    expect(root.querySelectorAll('[part="repeat-item"]').length).toBe(1);
    expect([...root.querySelectorAll('button')].some((b) => text(b).startsWith(en.remove))).toBe(false);
    type(q(root, '#answers-dogs-0-name'), 'Rex');
    button(root, en.addAnother).click();
    await settled(element, (r) => r.querySelectorAll('[part="repeat-item"]').length === 2);
    await settled(element, (r) => r.activeElement === r.querySelector('#answers-dogs-1-name'));
    type(q(root, '#answers-dogs-1-name'), 'Bello');
    button(root, en.addAnother).click();
    await settled(element, (r) => r.querySelectorAll('[part="repeat-item"]').length === 3);
    // max 3: no more "Add another"
    expect([...root.querySelectorAll('button')].some((b) => text(b).startsWith(en.addAnother))).toBe(false);
    button(root, 'Remove Dogs 1').click();
    await settled(element, (r) => r.querySelectorAll('[part="repeat-item"]').length === 2);
    expect(q(root, '#answers-dogs-0-name').value).toBe('Bello');
    await settled(element, () => count('ApplicationSave') > 0 && element.draft.status === 'saved');
    const saved = fx.received.filter((r) => r.operation === 'ApplicationSave').at(-1);
    expect((saved?.variables.answers as { dogs: unknown[] } | undefined)?.dogs).toEqual([{ name: 'Bello' }, {}]);
  });
});
