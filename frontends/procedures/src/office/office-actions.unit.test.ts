// @vitest-environment happy-dom
import { formMessages } from '@gemeng/frontend-kit';
import { describe, expect, it, vi } from 'vitest';
import {
  AGENT,
  application,
  button,
  en,
  fx,
  mountOffice,
  type Received,
  sent,
  settled,
  text,
  useOfficeFixture,
} from './office-test-support.ts';

useOfficeFixture();

const errorPrefix = formMessages.t('en', 'errorPrefix');
const shown = (overrides = {}) => ({ data: { application: application(overrides) } });
const ok = (field: string) => ({
  data: { [field]: { __typename: `${field[0]!.toUpperCase()}${field.slice(1)}Payload` } },
});

async function openApplication() {
  const element = mountOffice({ application: 'app-1' });
  const root = await settled(element, (r) => Boolean(r.querySelector('[part="actions"]')));
  return { element, root };
}

describe('<gemeng-office>: one application', () => {
  it('shows the answers under the form’s labels, the documents, the history and marks internal notes', async () => {
    fx.answers.OfficeApplication = shown();
    const { root } = await openApplication();
    expect(sent('OfficeApplication')[0]?.variables).toEqual({ id: 'app-1' });
    expect(text(root.querySelector('#office-heading'))).toBe('DUD-2026-000001 – Residence certificate');
    const rows = [...root.querySelectorAll('[part="answers"] > .row')].map((r) => [
      text(r.querySelector('dt')),
      text(r.querySelector('dd')),
    ]);
    expect(rows.slice(0, 3)).toEqual([
      ['Purpose', 'For an employer'],
      ['Copies', '2'],
      ['Identity card', 'id-card.pdf'],
    ]);
    expect(rows[3]?.[1]).toBe('Dog 1 NameRexDog 2 NameBello');
    const documents = root.querySelector('[part~="attachments-table"]')!;
    expect(text(documents)).toContain('id-card.pdf');
    expect(text(documents)).toContain('PDF, 121 KB');
    expect(text(root.querySelector('[part~="history-table"]'))).toContain('Léa Muller (applicant)');
    const note = root.querySelector('[part~="internal-note"]')!;
    expect(text(note)).toContain(en.internalNote);
    expect(text(note)).toContain('Checked the register.');
    expect(root.querySelectorAll('[part="message"]')).toHaveLength(1);
  });

  it('downloads a document with the agent’s token through fetch, not a bare link', async () => {
    fx.answers.OfficeApplication = shown();
    const { root, element } = await openApplication();
    const fetched = vi.fn(async () => new Response(new Blob(['%PDF-1.7']), { status: 200 }));
    vi.stubGlobal('fetch', fetched);
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    try {
      button(root, 'Download id-card.pdf').click();
      await settled(
        element,
        (r) => text(r.querySelector('[part="documents"] [role="status"]')) === 'id-card.pdf has been downloaded.',
      );
      const [url, init] = fetched.mock.calls[0] as unknown as [string, RequestInit];
      expect(url).toBe(new URL('/files/attachments/att-1', fx.endpoint).href);
      expect((init.headers as Record<string, string>).authorization).toBe(`Bearer ${fx.auth.token}`);
      fetched.mockResolvedValueOnce(new Response('gone', { status: 404 }));
      button(root, 'Download id-card.pdf').click();
      await settled(element, (r) => text(r.querySelector('[part="documents"] [role="alert"]')) === en.downloadGone);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('assigns to me and starts the review with the version shown, then loads the application again', async () => {
    let version = 3;
    fx.answers.OfficeApplication = () =>
      shown(version === 3 ? { version } : { version, state: 'IN_REVIEW', assignee: { id: AGENT, name: 'Jo Agent' } });
    fx.answers.OfficeAssign = () => {
      version = 4;
      return ok('applicationAssign');
    };
    const { element, root } = await openApplication();
    button(root, en.assignToMe).click();
    await settled(element, (r) => text(r.querySelector('#action-status')) === en.assignedToYou);
    expect(sent('OfficeAssign')[0]?.variables).toEqual({ id: 'app-1', version: 3, assigneeId: AGENT });
    expect(sent('OfficeApplication')).toHaveLength(2);
    expect(text(root.querySelector('[part="facts"]'))).toContain('Jo Agent (you)');
    expect(() => button(root, en.assignToMe)).toThrow();
    expect(() => button(root, en.startReview)).toThrow(); // in review already
    button(root, en.unassign).click();
    await settled(element, () => sent('OfficeAssign').length === 2);
    expect(sent('OfficeAssign')[1]?.variables).toEqual({ id: 'app-1', version: 4, assigneeId: null });
  });

  it('requires a message to request information and sends it', async () => {
    fx.answers.OfficeApplication = shown();
    fx.answers.OfficeInfoRequest = ok('applicationInfoRequest');
    const { element, root } = await openApplication();
    button(root, en.requestInfo).click();
    await settled(element, (r) => Boolean(r.querySelector('#action-message-error')));
    expect(text(root.querySelector('#action-message-error'))).toBe(`${errorPrefix} ${en.messageRequired}`);
    expect(sent('OfficeInfoRequest')).toHaveLength(0);
    (root.querySelector('#action-message') as HTMLTextAreaElement).value = ' Please send your ID card. ';
    button(root, en.requestInfo).click();
    await settled(element, (r) => text(r.querySelector('#action-status')) === en.infoRequested);
    expect(sent('OfficeInfoRequest')[0]?.variables).toEqual({
      id: 'app-1',
      version: 3,
      message: 'Please send your ID card.',
    });
  });

  it('rejects only with a reason and after a confirmation step; "Go back" keeps what was typed', async () => {
    fx.answers.OfficeApplication = shown();
    fx.answers.OfficeReject = ok('applicationReject');
    const { element, root } = await openApplication();
    (root.querySelector('#action-decision-1') as HTMLInputElement).checked = true;
    button(root, en.continue).click();
    await settled(element, (r) => Boolean(r.querySelector('#action-reason-error')));
    expect(text(root.querySelector('#action-reason-error'))).toBe(`${errorPrefix} ${en.reasonRequired}`);
    (root.querySelector('#action-reason') as HTMLTextAreaElement).value = 'You do not live in Dudelange.';
    button(root, en.continue).click();
    await settled(element, (r) => Boolean(r.querySelector('[part="confirm"]')));
    expect(text(root.querySelector('#office-confirm-heading'))).toBe('Reject application DUD-2026-000001?');
    expect(text(root.querySelector('[part="reason"]'))).toBe('You do not live in Dudelange.');
    expect(sent('OfficeReject')).toHaveLength(0);
    button(root, en.goBack).click();
    await settled(element, (r) => Boolean(r.querySelector('#action-reason')));
    expect((root.querySelector('#action-reason') as HTMLTextAreaElement).value).toBe('You do not live in Dudelange.');
    expect((root.querySelector('#action-decision-1') as HTMLInputElement).checked).toBe(true);
    button(root, en.continue).click();
    await settled(element, (r) => Boolean(r.querySelector('[part="confirm"]')));
    button(root, en.confirmReject).click();
    await settled(element, (r) => text(r.querySelector('#action-status')) === en.rejected);
    expect(sent('OfficeReject')[0]?.variables).toEqual({
      id: 'app-1',
      version: 3,
      reason: 'You do not live in Dudelange.',
    });
  });

  it('says that someone changed the application meanwhile, and loads it again', async () => {
    let loads = 0;
    fx.answers.OfficeApplication = () =>
      shown(++loads === 1 ? {} : { version: 4, assignee: { id: 'a2', name: 'Max Weber' } });
    fx.answers.OfficeApprove = (request: Received) =>
      request.variables.version === 3
        ? {
            data: {
              applicationApprove: {
                __typename: 'ApplicationConflictError',
                message: 'Stale version.',
                currentVersion: 4,
              },
            },
          }
        : ok('applicationApprove');
    const { element, root } = await openApplication();
    (root.querySelector('#action-decision-0') as HTMLInputElement).checked = true;
    button(root, en.continue).click();
    await settled(element, (r) => Boolean(r.querySelector('[part="confirm"]')));
    button(root, en.confirmApprove).click();
    await settled(element, (r) => text(r.querySelector('#action-alert')) === en.conflict);
    expect(sent('OfficeApprove')[0]?.variables).toEqual({ id: 'app-1', version: 3, reason: null });
    expect(loads).toBe(2);
    expect(text(root.querySelector('[part="facts"]'))).toContain('Max Weber');
    await settled(element, (r) => r.activeElement?.id === 'action-alert');
    // Again, with the version now shown: it goes through.
    (root.querySelector('#action-decision-0') as HTMLInputElement).checked = true;
    button(root, en.continue).click();
    await settled(element, (r) => Boolean(r.querySelector('[part="confirm"]')));
    button(root, en.confirmApprove).click();
    await settled(element, (r) => text(r.querySelector('#action-status')) === en.approved);
    expect(sent('OfficeApprove')[1]?.variables).toMatchObject({ version: 4 });
  });

  it('adds an internal note, and closes a decided application', async () => {
    fx.answers.OfficeApplication = shown({ state: 'APPROVED' });
    fx.answers.OfficeNoteAdd = ok('applicationNoteAdd');
    fx.answers.OfficeClose = ok('applicationClose');
    const { element, root } = await openApplication();
    expect(() => button(root, en.requestInfo)).toThrow();
    (root.querySelector('#note-body') as HTMLTextAreaElement).value = 'Called the applicant.';
    button(root, en.noteAdd).click();
    await settled(element, (r) => text(r.querySelector('#note-status')) === en.noteAdded);
    expect(sent('OfficeNoteAdd')[0]?.variables).toEqual({ id: 'app-1', body: 'Called the applicant.' });
    button(root, en.closeApplication).click();
    await settled(element, (r) => text(r.querySelector('#action-status')) === en.closed);
    expect(sent('OfficeClose')[0]?.variables).toEqual({ id: 'app-1', version: 3, reason: null });
  });

  it('says so when the application is not one of the commune’s', async () => {
    fx.answers.OfficeApplication = { data: { application: null } };
    const element = mountOffice({ application: 'elsewhere' });
    const root = await settled(element, (r) => Boolean(r.querySelector('[role="alert"]')));
    expect(text(root.querySelector('[role="alert"]'))).toBe(en.applicationNotFound);
  });
});
