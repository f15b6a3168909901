import { type Catalogs, createTranslator } from '@gemeng/frontend-kit';

/** The shell's own strings; the widgets carry theirs. */
export const shellMessages = {
  lb: {
    account: 'Mäi Kont',
    accountNav: 'Kont',
    signingIn: 'Dir gitt ugemellt…',
    signInFailed: 'D’Umeldung huet net geklappt. Probéiert nach eng Kéier.',
    popupDone: 'Dir sidd ugemellt. Dës Fënster kann zougemaach ginn.',
    title: 'Är Gemeng online',
    home: 'Gemeng',
    skip: 'Spréng op den Inhalt',
    languages: 'Sprooch',
    loading: 'Gëtt gelueden…',
    appError: 'Dësen Deel vun der Säit konnt net gelueden ginn. Probéiert méi spéit nach eng Kéier.',
  },
  fr: {
    account: 'Mon compte',
    accountNav: 'Compte',
    signingIn: 'Connexion en cours…',
    signInFailed: 'La connexion a échoué. Réessayez.',
    popupDone: 'Vous êtes connecté. Vous pouvez fermer cette fenêtre.',
    title: 'Votre commune en ligne',
    home: 'Gemeng',
    skip: 'Aller au contenu',
    languages: 'Langue',
    loading: 'Chargement…',
    appError: 'Cette partie de la page n’a pas pu être chargée. Réessayez plus tard.',
  },
  de: {
    account: 'Mein Konto',
    accountNav: 'Konto',
    signingIn: 'Sie werden angemeldet…',
    signInFailed: 'Die Anmeldung ist fehlgeschlagen. Versuchen Sie es erneut.',
    popupDone: 'Sie sind angemeldet. Sie können dieses Fenster schließen.',
    title: 'Ihre Gemeinde online',
    home: 'Gemeng',
    skip: 'Zum Inhalt springen',
    languages: 'Sprache',
    loading: 'Wird geladen…',
    appError: 'Dieser Teil der Seite konnte nicht geladen werden. Versuchen Sie es später erneut.',
  },
  en: {
    account: 'My account',
    accountNav: 'Account',
    signingIn: 'Signing you in…',
    signInFailed: 'Signing in failed. Please try again.',
    popupDone: 'You are signed in. You can close this window.',
    title: 'Your commune online',
    home: 'Gemeng',
    skip: 'Skip to content',
    languages: 'Language',
    loading: 'Loading…',
    appError: 'This part of the page could not be loaded. Please try again later.',
  },
} as const satisfies Catalogs<string>;

export type ShellMessageKey = keyof (typeof shellMessages)['lb'];
export const t = createTranslator<ShellMessageKey>(shellMessages);
