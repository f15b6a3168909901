// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { button, count, en, fx, mountOnApplication, settled, text, type, useFormFixture } from './form-test-support.ts';
import { ProcedureForm } from './procedure-form.ts';

useFormFixture();

const saves = () => fx.received.filter((r) => r.operation === 'ApplicationSave');

describe('<gemeng-procedure-form>: autosave', () => {
  it('saves once typing pauses, with the version it holds, and says the draft is not submitted', async () => {
    const { element, root } = await mountOnApplication();
    const name = root.querySelector<HTMLInputElement>('#answers-ownerName')!;
    type(name, 'L');
    type(name, 'Lé');
    type(name, 'Léa');
    await element.updateComplete;
    expect(text(root.querySelector('#draft-status'))).toBe(en.draftPending);
    expect(count('ApplicationSave')).toBe(0);
    await settled(element, () => element.draft.status === 'saved' && count('ApplicationSave') === 1);
    expect(saves()[0]?.variables).toEqual({ id: 'a1', version: 3, answers: { ownerName: 'Léa', dogs: [{}] } });
    expect(saves()[0]?.headers.authorization).toBe('Bearer token-1');
    expect(text(root.querySelector('#draft-status'))).toMatch(/not submitted yet$/);
    // the next save carries the version the server answered
    type(name, 'Léa M');
    await settled(element, () => element.draft.status === 'saved' && count('ApplicationSave') === 2);
    expect(saves()[1]?.variables.version).toBe(4);
  });

  it('saves at once when the page is hidden', async () => {
    ProcedureFormDelay(60_000);
    const { element, root } = await mountOnApplication();
    type(root.querySelector<HTMLInputElement>('#answers-ownerName')!, 'Léa');
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    await settled(element, () => count('ApplicationSave') === 1);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });

  it('stops on a stale version and loads the latest one on request, overwriting nothing', async () => {
    const { element, root } = await mountOnApplication();
    fx.answers.ApplicationSave = {
      data: {
        applicationSave: { __typename: 'ApplicationConflictError', message: 'Changed elsewhere.', currentVersion: 5 },
      },
    };
    type(root.querySelector<HTMLInputElement>('#answers-ownerName')!, 'Léa');
    await settled(element, (r) => text(r.querySelector('[part~="draft-status"]')).includes(en.draftConflict));
    expect(root.querySelector('[part~="draft-status"]')?.getAttribute('role')).toBe('alert');
    type(root.querySelector<HTMLInputElement>('#answers-ownerName')!, 'Léa Muller');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(saves().map((save) => save.variables.answers)).toEqual([{ ownerName: 'Léa', dogs: [{}] }]);
    const loads = count('ProcedureFormApplication');
    button(root, en.reloadDraft).click();
    await settled(element, () => count('ProcedureFormApplication') > loads && element.draft.status === 'saved');
  });

  it('says so when a save fails, keeps the answers, and saves again on request', async () => {
    const { element, root } = await mountOnApplication();
    fx.answers.ApplicationSave = () => undefined; // the graph is down: 503
    type(root.querySelector<HTMLInputElement>('#answers-ownerName')!, 'Léa');
    await settled(element, (r) => text(r.querySelector('[part~="draft-status"]')).includes(en.draftFailed));
    expect(root.querySelector<HTMLInputElement>('#answers-ownerName')!.value).toBe('Léa');
    delete fx.answers.ApplicationSave;
    button(root, en.saveNow).click();
    await settled(element, () => element.draft.status === 'saved' && count('ApplicationSave') === 2);
  });
});

function ProcedureFormDelay(ms: number): void {
  ProcedureForm.saveDelay = ms;
}
