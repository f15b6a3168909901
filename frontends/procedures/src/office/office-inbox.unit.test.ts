// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import {
  AGENT,
  button,
  DUDELANGE,
  en,
  fx,
  inboxPage,
  mountOffice,
  row,
  sent,
  settled,
  text,
  token,
  useOfficeFixture,
} from './office-test-support.ts';

useOfficeFixture();

describe('<gemeng-office>: the inbox', () => {
  it('shows the commune of the agent’s role as an accessible table with state, due date, overdue and assignee', async () => {
    fx.answers.OfficeInbox = inboxPage(
      [
        row(1),
        row(2, { state: 'IN_REVIEW', overdue: true, assignee: { id: AGENT, name: 'Jo Agent' } }),
        row(3, { assignee: { id: 'a2', name: 'Max Weber' } }),
      ],
      3,
    );
    const titles: unknown[] = [];
    document.addEventListener('gemeng-title', (event) => titles.push((event as CustomEvent).detail));
    const element = mountOffice();
    const root = await settled(element, (r) => Boolean(r.querySelector('[part~="inbox"]')));
    expect(text(root.querySelector('#office-heading'))).toBe('Applications – Dudelange');
    expect(titles.at(-1)).toEqual({ title: 'Applications – Dudelange' });
    expect(sent('OfficeInbox')[0]?.variables).toEqual({
      communeId: DUDELANGE,
      filter: { states: ['SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO'] },
      first: 25,
    });
    expect(sent('OfficeInbox')[0]?.headers.authorization).toBe(`Bearer ${fx.auth.token}`);
    const table = root.querySelector('table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual(Array(7).fill('col'));
    expect([...table.querySelectorAll('thead th')].map(text)).toEqual([
      en.colReference,
      en.colProcedure,
      en.colApplicant,
      en.colSubmitted,
      en.colDue,
      en.colState,
      en.colAssignee,
    ]);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(3);
    const first = rows[0]!;
    expect(first.querySelector('th[scope="row"] a')?.getAttribute('href')).toBe('?application=app-1');
    expect(text(first)).toContain('Léa Muller 1');
    expect(text(first)).toContain(en.stateSubmitted);
    expect(text(first)).toContain(en.unassigned);
    expect(text(rows[1]!.querySelector('[part~="overdue"]'))).toBe(en.overdue);
    expect(text(rows[1])).toContain('Jo Agent (you)');
    expect(text(rows[2])).toContain('Max Weber');
    expect(text(root.querySelector('[part="count"]'))).toBe('Applications 1 to 3 of 3');
    expect(root.querySelector('[part~="pagination"]')).toBeNull();
  });

  it('sends the filter form’s values as the graph’s filter, and says when nothing matches', async () => {
    fx.answers.OfficeInbox = (request: { variables: Record<string, unknown> }) =>
      request.variables.filter && (request.variables.filter as Record<string, unknown>).search
        ? inboxPage([], 0)
        : inboxPage([row(1)], 1);
    const element = mountOffice({ commune: 'dudelange' });
    const root = await settled(element, (r) => Boolean(r.querySelector('[part~="inbox"]')));
    (root.querySelector('#filter-q') as HTMLInputElement).value = '  DUD-2026-000042 ';
    (root.querySelector('#filter-state') as HTMLSelectElement).value = 'NEEDS_INFO';
    (root.querySelector('#filter-procedure') as HTMLSelectElement).value = 'dog';
    (root.querySelector('#filter-assignee-me') as HTMLInputElement).checked = true;
    (root.querySelector('#filter-overdue') as HTMLInputElement).checked = true;
    button(root, en.filterApply).click();
    await settled(element, () => sent('OfficeInbox').length === 2 && root.querySelector('p.empty') !== null);
    expect(sent('OfficeInbox')[1]?.variables).toEqual({
      communeId: DUDELANGE,
      filter: {
        states: ['NEEDS_INFO'],
        procedureCode: 'dog',
        assigneeId: AGENT,
        overdue: true,
        search: 'DUD-2026-000042',
      },
      first: 25,
    });
    expect(text(root.querySelector('p.empty'))).toBe(en.emptyFiltered);
    expect(text(root.querySelector('[part="count"]'))).toBe(en.resultsNone);
    await settled(element, (r) => r.activeElement?.id === 'office-results');

    // "Unassigned" and every state; clearing the filters goes back to the default inbox.
    (root.querySelector('#filter-assignee-unassigned') as HTMLInputElement).checked = true;
    (root.querySelector('#filter-state') as HTMLSelectElement).value = 'all';
    (root.querySelector('#filter-overdue') as HTMLInputElement).checked = false;
    (root.querySelector('#filter-q') as HTMLInputElement).value = '';
    (root.querySelector('#filter-procedure') as HTMLSelectElement).value = '';
    button(root, en.filterApply).click();
    await settled(element, () => sent('OfficeInbox').length === 3);
    expect(sent('OfficeInbox')[2]?.variables.filter).toEqual({ unassigned: true });
    const clear = [...root.querySelectorAll('a')].find((a) => text(a) === en.filterClear)!;
    clear.click();
    await settled(element, () => sent('OfficeInbox').length === 4);
    expect(sent('OfficeInbox')[3]?.variables.filter).toEqual({ states: ['SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO'] });
  });

  it('pages forward with the graph’s cursor and back through the cursors seen, with the range shown', async () => {
    const first = Array.from({ length: 25 }, (_, i) => row(i + 1));
    fx.answers.OfficeInbox = (request: { variables: Record<string, unknown> }) =>
      request.variables.after === 'cursor-25' ? inboxPage([row(26), row(27)], 27) : inboxPage(first, 27, 'cursor-25');
    const element = mountOffice();
    const root = await settled(element, (r) => Boolean(r.querySelector('[part~="inbox"]')));
    expect(text(root.querySelector('[part="count"]'))).toBe('Applications 1 to 25 of 27');
    expect(() => button(root, en.previousPage)).toThrow();
    button(root, en.nextPage).click();
    await settled(element, (r) => text(r.querySelector('[part="count"]')) === 'Applications 26 to 27 of 27');
    expect(sent('OfficeInbox')[1]?.variables.after).toBe('cursor-25');
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(() => button(root, en.nextPage)).toThrow();
    await settled(element, (r) => r.activeElement?.id === 'office-results');
    button(root, en.previousPage).click();
    await settled(element, (r) => text(r.querySelector('[part="count"]')) === 'Applications 1 to 25 of 27');
    expect(sent('OfficeInbox')[2]?.variables).not.toHaveProperty('after');
  });

  it('asks an agent of several communes which one, and tells a person without a role that the office is not theirs', async () => {
    fx.auth.token = token({
      gemeng_roles: [
        { communeId: DUDELANGE, role: 'agent' },
        { communeId: 'c-esch', role: 'administrator' },
      ],
    });
    fx.answers.OfficeInbox = inboxPage([], 0);
    const element = mountOffice();
    const root = await settled(element, (r) => Boolean(r.querySelector('[part~="chooser"]')));
    expect(text(root.querySelector('legend'))).toBe(en.chooseCommune);
    (root.querySelector('#office-commune-1') as HTMLInputElement).checked = true;
    button(root, en.showApplications).click();
    await settled(element, () => sent('OfficeInbox').length === 1);
    expect(sent('OfficeInbox')[0]?.variables.communeId).toBe('c-esch');
    element.remove();

    fx.auth.token = token({ gemeng_roles: [] });
    const other = mountOffice();
    const alone = await settled(other, (r) => Boolean(r.querySelector('[role="alert"]')));
    expect(text(alone.querySelector('[role="alert"]'))).toBe(en.notAnAgent);
  });

  it('says when the graph refuses (not an agent of this commune) and offers the second factor when it asks for one', async () => {
    fx.answers.OfficeInbox = { data: null, errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] };
    const element = mountOffice({ commune: 'esch' });
    const root = await settled(element, (r) => Boolean(r.querySelector('[role="alert"]')));
    expect(text(root.querySelector('[role="alert"]'))).toBe(en.forbidden.replace('{commune}', 'Esch-sur-Alzette'));
    element.remove();

    let calls = 0;
    fx.answers.OfficeInbox = () =>
      ++calls === 1
        ? {
            data: null,
            errors: [
              {
                message: 'Two factors',
                extensions: { code: 'INSUFFICIENT_USER_AUTHENTICATION', acr_values: 'substantial' },
              },
            ],
          }
        : inboxPage([row(1)], 1);
    const again = mountOffice();
    const stepRoot = await settled(again, (r) => Boolean(r.querySelector('[part~="step-up"]')));
    button(stepRoot, en.stepUp).click();
    await settled(again, (r) => Boolean(r.querySelector('[part~="inbox"]')));
    expect(fx.auth.signIn).toHaveBeenCalledWith(expect.objectContaining({ mode: 'popup', acr: 'substantial' }));
  });
});
