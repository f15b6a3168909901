/**
 * Issue 11's "Done when", on each database: a citizen finds the residence certificate on the commune's own website
 * (another origin), signs in with the authenticator app as the procedure asks, fills the form and leaves; on
 * another device (a second browser context) she resumes the draft from the portal's "My applications", confirms
 * with the app again, adds a letter (a real PDF), submits and receives the receipt mail with its PDF. An agent of
 * the commune finds the application in the portal's back office and asks for information; an agent of another
 * commune gets nothing; the citizen answers and sends it again; the agent approves; both see the whole history.
 * Each person is new (this test's own data), and everyone clicks, types and reads what the pages say.
 */
import { demoCommuneId } from '@gemeng/subgraph-kit';
import { expect, test } from '@playwright/test';
import SHELL from '../../shell/src/messages/shell/fr.json' with { type: 'json' };
import { oidcStack, shellUrl } from './env.ts';
import { foreignOrigin } from './foreign-page.ts';
import {
  answerPassword,
  answerSecondFactor,
  fill,
  inPopup,
  letterPdf,
  mailTo,
  nationalNumber,
  newDevice,
  openCommuneWebsite,
  pattern,
  personWithApp,
  signInOnPortal,
  stateInMails,
  T,
} from './support/procedures.ts';

test.use({ locale: 'fr-LU' });

const DUDELANGE = demoCommuneId('dudelange');
const ESCH = demoCommuneId('esch-sur-alzette');
const CODE = 'residence-certificate';
const TITLE = 'Certificat de résidence';
/** The form's questions (subgraphs/procedures/prisma/catalogue), as the citizen reads them. */
const Q = {
  name: 'Prénom et nom',
  nationalId: /^Numéro d’identification national/,
  purpose: 'Pour mon employeur',
  copies: /^Nombre d’exemplaires/,
  letter: /^Courrier de l’organisme qui demande le certificat/,
  delivery: 'En PDF signé par e-mail',
} as const;

/** The history's rows as each side reads them: from → to. */
const citizenChange = (from: string, to: string) =>
  fill(T.mine.historyChange, {
    from: T.mine[`state_${from}` as 'state_DRAFT'],
    to: T.mine[`state_${to}` as 'state_DRAFT'],
  });
const STATES_FR = {
  DRAFT: T.office.stateDraft,
  SUBMITTED: T.office.stateSubmitted,
  NEEDS_INFO: T.office.stateNeedsInfo,
  APPROVED: T.office.stateApproved,
} as const;
const agentChange = (from: keyof typeof STATES_FR, to: keyof typeof STATES_FR) =>
  fill(T.office.stateChange, { from: STATES_FR[from], to: STATES_FR[to] });

test('a residence certificate from a commune website to the agent’s approval, drafts resumed on another device', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const stack = oidcStack();
  const [citizen, agent, stranger] = await Promise.all([
    personWithApp(stack, { name: 'Mireille Hoffmann', residences: [DUDELANGE] }),
    personWithApp(stack, { name: 'Gilles Thill', roles: [{ communeId: DUDELANGE, role: 'agent' }] }),
    personWithApp(stack, { name: 'Nadine Kremer', roles: [{ communeId: ESCH, role: 'agent' }] }),
  ]);
  const device = () => browser.newContext({ locale: 'fr-LU', timezoneId: 'Europe/Luxembourg' });

  // The commune's website: its catalogue links to its own page with the form.
  const website = await newDevice(device);
  await openCommuneWebsite(website, 'dudelange');
  const catalogue = website.locator('gemeng-procedures');
  await catalogue.getByRole('searchbox', { name: T.catalogue.search }).fill('résidence');
  await catalogue.getByRole('link', { name: TITLE, exact: true }).click();
  await expect(website).toHaveURL(`${foreignOrigin()}/demarche.html?procedure=${CODE}`);
  const form = website.locator('gemeng-procedure-form');
  await expect(form.getByRole('heading', { level: 2 })).toHaveText(TITLE);
  await expect(form.getByText(T.form.assuranceSubstantial)).toBeVisible();

  // Two factors: identity's pages in a popup, the password and the app's code; the page stays.
  await inPopup(website, form.getByRole('button', { name: T.form.signInSubstantial }), {
    person: citizen,
    app: citizen.app,
  });
  await form.getByRole('button', { name: T.form.start, exact: true }).click();
  await expect(form.getByLabel(Q.name)).toHaveValue(citizen.name); // prefilled from the profile
  await form.getByRole('radio', { name: Q.purpose }).check();
  await form.getByLabel(Q.copies).fill('2');
  await form.getByRole('radio', { name: Q.delivery }).check();
  const saved = pattern(T.form.draftSaved);
  await expect(form.locator('[part~="draft-status"]')).toHaveText(saved);
  await website.context().close(); // she leaves

  // Another device, the portal: the procedure's page, a two-factor sign-in (identity's pages, then back), and
  // "My applications" lists the draft as not submitted and leads back to it, with her answers.
  const citizenPage = await newDevice(device);
  await citizenPage.goto(`${shellUrl()}/communes/dudelange/procedures/${CODE}`);
  const portalForm = citizenPage.locator('gemeng-procedure-form');
  await portalForm.getByRole('button', { name: T.form.signInSubstantial, exact: true }).click();
  await answerPassword(citizenPage, citizen);
  await answerSecondFactor(citizenPage, citizen.app);
  await expect(portalForm.getByRole('button', { name: T.form.start, exact: true })).toBeVisible();
  const accountNav = citizenPage.getByRole('navigation', { name: SHELL.accountNav });
  await accountNav.getByRole('link', { name: SHELL.applications, exact: true }).click();
  const mine = citizenPage.locator('gemeng-my-applications');
  const draft = mine.getByRole('listitem').filter({ hasText: TITLE });
  await expect(draft).toContainText(T.mine.state_DRAFT);
  await draft.getByRole('link', { name: T.mine.continueDraft }).click();
  await expect(citizenPage).toHaveURL(new RegExp(`/communes/dudelange/procedures/${CODE}\\?application=`));
  await expect(portalForm.getByRole('radio', { name: Q.purpose })).toBeChecked();
  await expect(portalForm.getByLabel(Q.copies)).toHaveValue('2');

  // A letter from her employer, then the summary and the submission.
  await portalForm
    .getByLabel(Q.letter)
    .and(portalForm.locator('input'))
    .setInputFiles({ name: 'courrier-employeur.pdf', mimeType: 'application/pdf', buffer: letterPdf('Attestation') });
  await expect(
    portalForm.getByRole('button', { name: fill(T.form.removeFile, { name: 'courrier-employeur.pdf' }) }),
  ).toBeVisible();
  await expect(portalForm.locator('[part~="draft-status"]')).toHaveText(saved);
  await portalForm.getByRole('button', { name: T.form.continue }).click();
  await expect(portalForm.getByRole('heading', { name: T.form.checkHeading })).toBeVisible();
  await portalForm.getByRole('button', { name: T.form.submit }).click();
  await expect(portalForm.getByRole('heading', { name: T.form.receiptHeading })).toBeVisible();
  const reference = (await portalForm.locator('[part~="reference"]').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^DUD-\d{4}-\d{6}$/);
  const detailHref = await portalForm.getByRole('link', { name: T.form.receiptLink }).getAttribute('href');
  const id = /^\/applications\/([\w-]+)$/.exec(detailHref ?? '')?.[1] ?? '';
  expect(id, 'the receipt links to the application').not.toBe('');

  const receipt = await mailTo(
    request,
    citizen.email,
    pattern(T.mails['receipt.subject'], { procedure: TITLE, reference }),
  );
  expect(receipt.text).toContain(`/applications/${id}`);
  expect(receipt.attachments).toEqual([expect.objectContaining({ contentType: 'application/pdf', magic: '%PDF-' })]);

  // The commune's agent: the back office asks for the app's code; the inbox finds the application by reference.
  const agentPage = await newDevice(device);
  await signInOnPortal(agentPage, '/office', agent);
  const office = agentPage.locator('gemeng-office');
  await inPopup(agentPage, office.getByRole('button', { name: T.office.stepUp }), { app: agent.app });
  await office.getByLabel(T.office.searchLabel).fill(reference);
  await office.getByRole('button', { name: T.office.filterApply }).click();
  await office.getByRole('link', { name: reference }).click();
  await expect(agentPage).toHaveURL(`${shellUrl()}/office/applications/${id}`);
  await expect(
    office.getByRole('button', { name: fill(T.office.downloadNamed, { name: 'courrier-employeur.pdf' }) }),
  ).toBeVisible();
  const question = 'Merci d’indiquer votre numéro d’identification national (matricule).';
  await office.getByLabel(T.office.messageLabel).fill(question);
  await office.getByRole('button', { name: T.office.requestInfo }).click();
  await expect(office.getByRole('status').filter({ hasText: T.office.infoRequested })).toBeVisible();

  // An agent of another commune, with two factors: her inbox does not have it, and its address shows nothing.
  const strangerPage = await newDevice(device);
  await signInOnPortal(strangerPage, '/office', stranger);
  const strangerOffice = strangerPage.locator('gemeng-office');
  await inPopup(strangerPage, strangerOffice.getByRole('button', { name: T.office.stepUp }), { app: stranger.app });
  await strangerOffice.getByLabel(T.office.searchLabel).fill(reference);
  await strangerOffice.getByRole('button', { name: T.office.filterApply }).click();
  await expect(strangerOffice.getByText(T.office.emptyFiltered)).toBeVisible();
  await strangerPage.goto(`${shellUrl()}/office/applications/${id}`);
  await expect(strangerOffice.getByRole('alert')).toHaveText(T.office.applicationNotFound);
  await expect(strangerOffice).not.toContainText(reference);
  await strangerPage.context().close();

  // The citizen reads the request on her application, answers in the form and sends it again.
  await citizenPage.goto(`${shellUrl()}/applications/${id}`);
  const infoRequest = mine.getByRole('region', { name: T.mine.needsInfoHeading });
  await expect(infoRequest).toContainText(question);
  await infoRequest.getByRole('link', { name: T.mine.needsInfoAnswer }).click();
  await expect(portalForm.getByText(T.form.needsInfoIntro)).toBeVisible();
  await portalForm.getByLabel(Q.nationalId).fill(nationalNumber('19850412'));
  await expect(portalForm.locator('[part~="draft-status"]')).toHaveText(pattern(T.form.changesSaved));
  await portalForm.getByRole('button', { name: T.form.continue }).click();
  await portalForm.getByRole('button', { name: T.form.resubmit }).click();
  await expect(portalForm.getByRole('heading', { name: T.form.receiptHeading })).toBeVisible();

  // The agent sees it back, and approves.
  await agentPage.reload();
  await expect(office.getByText(T.office.stateSubmitted, { exact: true }).first()).toBeVisible();
  await office.getByRole('radio', { name: T.office.decisionApprove }).check();
  await office.getByRole('button', { name: T.office.continue }).click();
  await office.getByRole('button', { name: T.office.confirmApprove }).click();
  await expect(office.getByRole('status').filter({ hasText: T.office.approved })).toBeVisible();
  const decision = pattern(T.mails['statusChanged.subject'], { reference, state: stateInMails('APPROVED') });
  await mailTo(request, citizen.email, decision);

  // Both see the whole history.
  const history = office.getByRole('table', { name: T.office.historyHeading });
  for (const [from, to] of [
    ['DRAFT', 'SUBMITTED'],
    ['SUBMITTED', 'NEEDS_INFO'],
    ['NEEDS_INFO', 'SUBMITTED'],
    ['SUBMITTED', 'APPROVED'],
  ] as const) {
    await expect(history.getByRole('cell', { name: agentChange(from, to), exact: true })).toBeVisible();
  }
  await expect(history).toContainText(question);
  await citizenPage.goto(`${shellUrl()}/applications/${id}`);
  const timeline = mine.getByRole('region', { name: T.mine.history });
  await expect(mine.locator('[part="state"]').first()).toHaveText(T.mine.state_APPROVED);
  for (const [from, to] of [
    ['DRAFT', 'SUBMITTED'],
    ['SUBMITTED', 'NEEDS_INFO'],
    ['NEEDS_INFO', 'SUBMITTED'],
    ['SUBMITTED', 'APPROVED'],
  ] as const) {
    await expect(timeline.getByText(citizenChange(from, to), { exact: true })).toBeVisible();
  }
  await expect(timeline).toContainText(question);
});
