import type { Language } from '@gemeng/subgraph-kit';

type MailText = { subject: string; lines: string[]; action?: { label: string; url: string } };
export type AccountMail = Record<Language, MailText>;

/**
 * The transactional mails of accounts, in the four languages; `{url}` (and `{name}`, `{email}`) are filled in.
 * A mail that may reach an address nobody has confirmed yet (verification, address change, reset, lockout)
 * carries no text a stranger typed, not even the name given at registration: nobody can use these mails to
 * send their own words to someone else's mailbox.
 */
export const MAILS = {
  verifyEmail: {
    lb: {
      subject: 'Confirméiert Är E-Mail-Adress',
      lines: [
        'Moien,',
        'confirméiert w.e.g. Är Adress fir Äre Gemeng-Kont ze aktivéieren. De Link ass 48 Stonne gülteg.',
      ],
      action: { label: 'Adress confirméieren', url: '{url}' },
    },
    fr: {
      subject: 'Confirmez votre adresse électronique',
      lines: [
        'Bonjour,',
        'veuillez confirmer votre adresse pour activer votre compte Gemeng. Le lien est valable 48 heures.',
      ],
      action: { label: "Confirmer l'adresse", url: '{url}' },
    },
    de: {
      subject: 'Bestätigen Sie Ihre E-Mail-Adresse',
      lines: [
        'Guten Tag,',
        'bitte bestätigen Sie Ihre Adresse, um Ihr Gemeng-Konto zu aktivieren. Der Link ist 48 Stunden gültig.',
      ],
      action: { label: 'Adresse bestätigen', url: '{url}' },
    },
    en: {
      subject: 'Confirm your email address',
      lines: ['Hello,', 'please confirm your address to activate your Gemeng account. The link is valid for 48 hours.'],
      action: { label: 'Confirm the address', url: '{url}' },
    },
  },
  alreadyRegistered: {
    lb: {
      subject: 'Dir hutt schonn e Gemeng-Kont',
      lines: [
        'Moien,',
        'Een huet probéiert, mat dëser Adress e Kont unzeleeën. Dir hutt schonn ee. Wann Dir Äert Passwuert vergiess hutt, kënnt Dir et hei nei setzen. Wann et net Dir waart, kënnt Dir dës Mail ignoréieren.',
      ],
      action: { label: 'Passwuert nei setzen', url: '{url}' },
    },
    fr: {
      subject: 'Vous avez déjà un compte Gemeng',
      lines: [
        'Bonjour,',
        "Quelqu'un a essayé de créer un compte avec cette adresse. Vous en avez déjà un. Si vous avez oublié votre mot de passe, vous pouvez le redéfinir ici. Si ce n'était pas vous, ignorez ce message.",
      ],
      action: { label: 'Redéfinir le mot de passe', url: '{url}' },
    },
    de: {
      subject: 'Sie haben bereits ein Gemeng-Konto',
      lines: [
        'Guten Tag,',
        'jemand hat versucht, mit dieser Adresse ein Konto anzulegen. Sie haben bereits eines. Falls Sie Ihr Passwort vergessen haben, können Sie es hier neu setzen. Falls Sie es nicht waren, ignorieren Sie diese Nachricht.',
      ],
      action: { label: 'Passwort neu setzen', url: '{url}' },
    },
    en: {
      subject: 'You already have a Gemeng account',
      lines: [
        'Hello,',
        'someone tried to create an account with this address. You already have one. If you forgot your password, you can set a new one here. If it was not you, ignore this message.',
      ],
      action: { label: 'Set a new password', url: '{url}' },
    },
  },
  resetPassword: {
    lb: {
      subject: 'Passwuert nei setzen',
      lines: [
        'Moien,',
        'mat dësem Link kënnt Dir eng Stonn laang en neit Passwuert setzen. Wann Dir dat net ugefrot hutt, ignoréiert dës Mail.',
      ],
      action: { label: 'Neit Passwuert setzen', url: '{url}' },
    },
    fr: {
      subject: 'Redéfinir votre mot de passe',
      lines: [
        'Bonjour,',
        "ce lien vous permet de choisir un nouveau mot de passe pendant une heure. Si vous ne l'avez pas demandé, ignorez ce message.",
      ],
      action: { label: 'Choisir un nouveau mot de passe', url: '{url}' },
    },
    de: {
      subject: 'Passwort neu setzen',
      lines: [
        'Guten Tag,',
        'mit diesem Link können Sie eine Stunde lang ein neues Passwort wählen. Falls Sie das nicht angefordert haben, ignorieren Sie diese Nachricht.',
      ],
      action: { label: 'Neues Passwort wählen', url: '{url}' },
    },
    en: {
      subject: 'Set a new password',
      lines: [
        'Hello,',
        'this link lets you choose a new password for one hour. If you did not ask for it, ignore this message.',
      ],
      action: { label: 'Choose a new password', url: '{url}' },
    },
  },
  lockout: {
    lb: {
      subject: 'Äre Kont ass fir 15 Minutte gespaart',
      lines: [
        'Moien,',
        'no e puer Feelversich beim Aloggen ass Äre Gemeng-Kont fir 15 Minutte gespaart. Wann Dir dat net waart, setzt w.e.g. Äert Passwuert nei.',
      ],
      action: { label: 'Passwuert nei setzen', url: '{url}' },
    },
    fr: {
      subject: 'Votre compte est bloqué pendant 15 minutes',
      lines: [
        'Bonjour,',
        "après plusieurs essais de connexion manqués, votre compte Gemeng est bloqué pendant 15 minutes. Si ce n'était pas vous, redéfinissez votre mot de passe.",
      ],
      action: { label: 'Redéfinir le mot de passe', url: '{url}' },
    },
    de: {
      subject: 'Ihr Konto ist für 15 Minuten gesperrt',
      lines: [
        'Guten Tag,',
        'nach mehreren fehlgeschlagenen Anmeldeversuchen ist Ihr Gemeng-Konto für 15 Minuten gesperrt. Falls Sie das nicht waren, setzen Sie Ihr Passwort neu.',
      ],
      action: { label: 'Passwort neu setzen', url: '{url}' },
    },
    en: {
      subject: 'Your account is locked for 15 minutes',
      lines: [
        'Hello,',
        'after several failed sign-in attempts, your Gemeng account is locked for 15 minutes. If it was not you, set a new password.',
      ],
      action: { label: 'Set a new password', url: '{url}' },
    },
  },
  changeEmail: {
    lb: {
      subject: 'Confirméiert Är nei E-Mail-Adress',
      lines: [
        'Moien,',
        'confirméiert w.e.g. dës Adress als déi nei vun Ärem Gemeng-Kont. De Link ass 24 Stonne gülteg.',
      ],
      action: { label: 'Nei Adress confirméieren', url: '{url}' },
    },
    fr: {
      subject: 'Confirmez votre nouvelle adresse électronique',
      lines: [
        'Bonjour,',
        'veuillez confirmer cette adresse comme nouvelle adresse de votre compte Gemeng. Le lien est valable 24 heures.',
      ],
      action: { label: 'Confirmer la nouvelle adresse', url: '{url}' },
    },
    de: {
      subject: 'Bestätigen Sie Ihre neue E-Mail-Adresse',
      lines: [
        'Guten Tag,',
        'bitte bestätigen Sie diese Adresse als neue Adresse Ihres Gemeng-Kontos. Der Link ist 24 Stunden gültig.',
      ],
      action: { label: 'Neue Adresse bestätigen', url: '{url}' },
    },
    en: {
      subject: 'Confirm your new email address',
      lines: [
        'Hello,',
        'please confirm this address as the new address of your Gemeng account. The link is valid for 24 hours.',
      ],
      action: { label: 'Confirm the new address', url: '{url}' },
    },
  },
  emailChanged: {
    lb: {
      subject: 'D’E-Mail-Adress vun Ärem Gemeng-Kont gouf geännert',
      lines: [
        'Moien {name},',
        'Äre Kont benotzt elo d’Adress {email}. Wann Dir dat net waart, mellt Iech w.e.g. direkt bei Ärer Gemeng.',
      ],
    },
    fr: {
      subject: 'L’adresse de votre compte Gemeng a changé',
      lines: [
        'Bonjour {name},',
        'votre compte utilise désormais l’adresse {email}. Si ce n’était pas vous, contactez immédiatement votre commune.',
      ],
    },
    de: {
      subject: 'Die Adresse Ihres Gemeng-Kontos wurde geändert',
      lines: [
        'Guten Tag {name},',
        'Ihr Konto verwendet jetzt die Adresse {email}. Falls Sie das nicht waren, wenden Sie sich sofort an Ihre Gemeinde.',
      ],
    },
    en: {
      subject: 'The address of your Gemeng account changed',
      lines: [
        'Hello {name},',
        'your account now uses the address {email}. If this was not you, contact your commune at once.',
      ],
    },
  },
  // {factor} is the removed factor, named in the mail's language (see security/owner-mail.ts).
  factorRemoved: {
    lb: {
      subject: 'E Sécherheetsfaktor gouf aus Ärem Gemeng-Kont ewechgeholl',
      lines: [
        'Moien {name},',
        '{factor} gouf aus Ärem Gemeng-Kont ewechgeholl.',
        'Wann Dir dat net waart, setzt w.e.g. direkt Äert Passwuert nei a mellt Iech bei Ärer Gemeng: een anere kennt et.',
      ],
    },
    fr: {
      subject: 'Un facteur de sécurité a été retiré de votre compte Gemeng',
      lines: [
        'Bonjour {name},',
        '{factor} a été retirée de votre compte Gemeng.',
        'Si ce n’était pas vous, redéfinissez tout de suite votre mot de passe et contactez votre commune : quelqu’un d’autre le connaît.',
      ],
    },
    de: {
      subject: 'Ein Sicherheitsfaktor wurde aus Ihrem Gemeng-Konto entfernt',
      lines: [
        'Guten Tag {name},',
        '{factor} wurde aus Ihrem Gemeng-Konto entfernt.',
        'Falls Sie das nicht waren, setzen Sie sofort Ihr Passwort neu und wenden Sie sich an Ihre Gemeinde: Jemand anderes kennt es.',
      ],
    },
    en: {
      subject: 'A security factor was removed from your Gemeng account',
      lines: [
        'Hello {name},',
        '{factor} was removed from your Gemeng account.',
        'If this was not you, set a new password at once and contact your commune: someone else knows it.',
      ],
    },
  },
  // A new code card replaces the person's active one, which may come from another commune.
  codeCardReplaced: {
    lb: {
      subject: 'Är al Code-Kaart gëllt net méi',
      lines: [
        'Moien {name},',
        'zu {commune} gouf Iech eng nei Code-Kaart ausgestallt. Är al Kaart Nr. {serial}, ausgestallt zu {oldCommune}, gëllt dofir net méi.',
        'Wann Dir keng nei Kaart ugefrot hutt, mellt Iech w.e.g. direkt bei Ärer Gemeng.',
      ],
    },
    fr: {
      subject: 'Votre ancienne carte de codes ne fonctionne plus',
      lines: [
        'Bonjour {name},',
        'une nouvelle carte de codes vous a été remise à {commune}. Votre ancienne carte n° {serial}, remise à {oldCommune}, ne fonctionne donc plus.',
        'Si vous n’avez pas demandé de nouvelle carte, contactez immédiatement votre commune.',
      ],
    },
    de: {
      subject: 'Ihre alte Codekarte gilt nicht mehr',
      lines: [
        'Guten Tag {name},',
        'in {commune} wurde Ihnen eine neue Codekarte ausgestellt. Ihre alte Karte Nr. {serial}, ausgestellt in {oldCommune}, gilt daher nicht mehr.',
        'Falls Sie keine neue Karte beantragt haben, wenden Sie sich sofort an Ihre Gemeinde.',
      ],
    },
    en: {
      subject: 'Your old code card no longer works',
      lines: [
        'Hello {name},',
        'a new code card was issued to you in {commune}. Your old card no. {serial}, issued in {oldCommune}, therefore no longer works.',
        'If you did not ask for a new card, contact your commune at once.',
      ],
    },
  },
} satisfies Record<string, AccountMail>;
