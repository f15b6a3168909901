/**
 * Typed errors: the expected failures of mutations, returned in their result union (plugin-errors), each with
 * a message in the request language (Accept-Language) that says what to do. `Error`, `ValidationError` and
 * `NotFoundError` are the kit's shareable types (re-exported here); the texts and identity's own errors are here.
 */
import { errorTypes, type Language, NotFoundError, ValidationError } from '@gemeng/subgraph-kit';
import { builder } from '../builder.ts';

export { NotFoundError, ValidationError };

const TEXTS = {
  nameLength: {
    lb: 'Den Numm muss tëscht 1 an 100 Zeeche laang sinn.',
    fr: 'Le nom doit compter de 1 à 100 caractères.',
    de: 'Der Name muss 1 bis 100 Zeichen lang sein.',
    en: 'The name must have 1 to 100 characters.',
  },
  apiClientNameLength: {
    lb: 'Den Numm vun der Applikatioun muss tëscht 3 an 100 Zeeche laang sinn.',
    fr: 'Le nom de l’application doit compter de 3 à 100 caractères.',
    de: 'Der Name der Anwendung muss 3 bis 100 Zeichen lang sein.',
    en: 'The application name must have 3 to 100 characters.',
  },
  apiClientLimit: {
    lb: 'Dir hutt schonn {max} aktiv Applikatiounen: widderrufft fir d’éischt eng, déi Dir net méi braucht.',
    fr: 'Vous avez déjà {max} applications actives : révoquez d’abord celle dont vous n’avez plus besoin.',
    de: 'Sie haben bereits {max} aktive Anwendungen: Widerrufen Sie zuerst eine, die Sie nicht mehr brauchen.',
    en: 'You already have {max} active applications: revoke one you no longer need first.',
  },
  noVerifiedAccount: {
    lb: 'Et gëtt kee Kont mat enger confirméierter Adress fir {email}: d’Persoun muss fir d’éischt e Gemeng-Kont uleeën an hir Adress confirméieren.',
    fr: 'Aucun compte avec une adresse confirmée pour {email} : la personne doit d’abord créer un compte Gemeng et confirmer son adresse.',
    de: 'Kein Konto mit bestätigter Adresse für {email}: Die Person muss zuerst ein Gemeng-Konto anlegen und ihre Adresse bestätigen.',
    en: 'No account with a confirmed address for {email}: the person must first create a Gemeng account and confirm their address.',
  },
  lastAdministrator: {
    lb: 'Dëst ass de leschten Administrateur vun der Gemeng: gitt fir d’éischt enger anerer Persoun d’Roll vum Administrateur.',
    fr: 'C’est le dernier administrateur de la commune : attribuez d’abord le rôle d’administrateur à une autre personne.',
    de: 'Dies ist der letzte Administrator der Gemeinde: Geben Sie zuerst einer anderen Person die Administratorrolle.',
    en: 'This is the last administrator of the commune: give the administrator role to someone else first.',
  },
  communeNotFound: {
    lb: 'Et gëtt keng Gemeng mat dëser ID.',
    fr: 'Il n’y a pas de commune avec cet identifiant.',
    de: 'Es gibt keine Gemeinde mit dieser ID.',
    en: 'There is no commune with this id.',
  },
  roleNotFound: {
    lb: 'Dës Persoun huet keng Roll an dëser Gemeng.',
    fr: 'Cette personne n’a aucun rôle dans cette commune.',
    de: 'Diese Person hat keine Rolle in dieser Gemeinde.',
    en: 'This person has no role in this commune.',
  },
  apiClientNotFound: {
    lb: 'Et gëtt keen aktiven API-Client mat dëser Client-ID.',
    fr: 'Aucun client API actif avec cet identifiant.',
    de: 'Kein aktiver API-Client mit dieser Client-ID.',
    en: 'No active API client with this client id.',
  },
  emailInvalid: {
    lb: 'Gitt eng gülteg E-Mail-Adress an, zum Beispill numm@beispill.lu.',
    fr: 'Indiquez une adresse valable, par exemple nom@exemple.lu.',
    de: 'Geben Sie eine gültige Adresse ein, zum Beispiel name@beispiel.lu.',
    en: 'Enter a valid address, for example name@example.lu.',
  },
  wrongPassword: {
    lb: 'D’Passwuert ass net korrekt.',
    fr: 'Le mot de passe n’est pas correct.',
    de: 'Das Passwort ist nicht korrekt.',
    en: 'The password is not correct.',
  },
  communesOfResidenceTooMany: {
    lb: 'Gitt héchstens 5 Wunngemengen un.',
    fr: 'Indiquez au plus 5 communes de résidence.',
    de: 'Geben Sie höchstens 5 Wohngemeinden an.',
    en: 'Give at most 5 communes of residence.',
  },
  communeOfResidenceUnknown: {
    lb: 'Ee vun de Wunngemengen ass keng Gemeng vum Syndikat: wielt se aus der Lëscht vun de Gemengen.',
    fr: 'L’une des communes de résidence n’est pas une commune du syndicat : choisissez-la dans la liste des communes.',
    de: 'Eine der Wohngemeinden ist keine Gemeinde des Syndikats: Wählen Sie sie aus der Liste der Gemeinden.',
    en: 'One of the communes of residence is not a commune of the syndicate: choose it from the list of communes.',
  },
  tooManyAttempts: {
    lb: 'Ze vill Versich: probéiert et an {minutes} Minutten nach eng Kéier.',
    fr: 'Trop de tentatives : réessayez dans {minutes} minutes.',
    de: 'Zu viele Versuche: Versuchen Sie es in {minutes} Minuten erneut.',
    en: 'Too many attempts: try again in {minutes} minutes.',
  },
  totpCodeWrong: {
    lb: 'Dëse Code stëmmt net: gitt déi 6 Zifferen an, déi Är App elo weist.',
    fr: 'Ce code n’est pas le bon : saisissez les 6 chiffres que votre application affiche maintenant.',
    de: 'Dieser Code stimmt nicht: Geben Sie die 6 Ziffern ein, die Ihre App jetzt anzeigt.',
    en: 'This code is not right: enter the 6 digits your app shows now.',
  },
  totpNone: {
    lb: 'Dir hutt keng Authenticator-App ageriicht.',
    fr: 'Vous n’avez pas d’application d’authentification.',
    de: 'Sie haben keine Authenticator-App eingerichtet.',
    en: 'You have no authenticator app set up.',
  },
  erasePasswordWrong: {
    lb: 'D’Passwuert ass net richteg: gitt Äert aktuellt Passwuert an, fir de Kont ze läschen.',
    fr: 'Le mot de passe n’est pas correct : saisissez votre mot de passe actuel pour supprimer le compte.',
    de: 'Das Passwort ist nicht richtig: Geben Sie Ihr aktuelles Passwort ein, um das Konto zu löschen.',
    en: 'The password is not right: enter your current password to erase the account.',
  },
  passkeyInvalid: {
    lb: 'De Passkey konnt net gepréift ginn. Probéiert et nach eng Kéier.',
    fr: 'La clé d’accès n’a pas pu être vérifiée. Veuillez réessayer.',
    de: 'Der Passkey konnte nicht geprüft werden. Bitte versuchen Sie es noch einmal.',
    en: 'The passkey could not be verified. Please try again.',
  },
  passkeyChallenge: {
    lb: 'Dës Ufro ass ofgelaf. Fänkt w.e.g. nei un.',
    fr: 'Cette demande a expiré. Veuillez recommencer.',
    de: 'Diese Anfrage ist abgelaufen. Bitte beginnen Sie neu.',
    en: 'This request has expired. Please start again.',
  },
  passkeyTooMany: {
    lb: 'Dir hutt schonn 10 Passkeyen. Läscht fir d’éischt een.',
    fr: 'Vous avez déjà 10 clés d’accès. Supprimez-en d’abord une.',
    de: 'Sie haben bereits 10 Passkeys. Entfernen Sie zuerst einen.',
    en: 'You already have 10 passkeys. Remove one first.',
  },
  passkeyName: {
    lb: 'Gitt dem Passkey en Numm (1 bis 60 Zeechen).',
    fr: 'Donnez un nom à la clé d’accès (1 à 60 caractères).',
    de: 'Geben Sie dem Passkey einen Namen (1 bis 60 Zeichen).',
    en: 'Give the passkey a name (1 to 60 characters).',
  },
  passkeyNotFound: {
    lb: 'Dëse Passkey gëtt et net (méi) an Ärem Kont.',
    fr: 'Cette clé d’accès n’existe pas (ou plus) dans votre compte.',
    de: 'Diesen Passkey gibt es in Ihrem Konto nicht (mehr).',
    en: 'This passkey is not (or no longer) in your account.',
  },
  notResident: {
    lb: '{email} huet {commune} am Profil net als Wunngemeng uginn: d’Code-Kaart gëtt just un d’Awunner vun der Gemeng ausgestallt. D’Persoun kann d’Gemeng an hirem Profil derbäisetzen.',
    fr: '{email} n’a pas indiqué {commune} comme commune de résidence dans son profil : la carte de codes n’est remise qu’aux résidents de la commune. La personne peut ajouter la commune dans son profil.',
    de: '{email} hat {commune} im Profil nicht als Wohngemeinde angegeben: Die Codekarte wird nur an Einwohner der Gemeinde ausgegeben. Die Person kann die Gemeinde in ihrem Profil hinzufügen.',
    en: '{email} has not given {commune} as a commune of residence in their profile: code cards go to residents of the commune only. The person can add the commune in their profile.',
  },
  sessionNotFound: {
    lb: 'Dës Sessioun ass schonn ofgelaf oder zou.',
    fr: 'Cette session a déjà expiré ou été fermée.',
    de: 'Diese Sitzung ist bereits abgelaufen oder beendet.',
    en: 'This session has already expired or been ended.',
  },
  communeSlugInvalid: {
    lb: 'De Slug besteet aus 2 bis 64 klenge Buschtawen, Zifferen a Bindestricher, wéi „dudelange“ oder „esch-sur-alzette“.',
    fr: 'Le slug compte de 2 à 64 lettres minuscules, chiffres et traits d’union, comme « dudelange » ou « esch-sur-alzette ».',
    de: 'Der Slug besteht aus 2 bis 64 Kleinbuchstaben, Ziffern und Bindestrichen, wie „dudelange“ oder „esch-sur-alzette“.',
    en: 'The slug has 2 to 64 lower-case letters, digits and hyphens, as in "dudelange" or "esch-sur-alzette".',
  },
  communeSlugTaken: {
    lb: 'Et gëtt schonn eng Gemeng mam Slug „{slug}“: wielt en aneren.',
    fr: 'Une commune porte déjà le slug « {slug} » : choisissez-en un autre.',
    de: 'Es gibt bereits eine Gemeinde mit dem Slug „{slug}“: Wählen Sie einen anderen.',
    en: 'A commune already has the slug "{slug}": choose another one.',
  },
  communeNameLength: {
    lb: 'Gitt den Numm vun der Gemeng op Lëtzebuergesch, Franséisch, Däitsch an Englesch un (all 1 bis 100 Zeechen).',
    fr: 'Indiquez le nom de la commune en luxembourgeois, français, allemand et anglais (chacun de 1 à 100 caractères).',
    de: 'Geben Sie den Namen der Gemeinde auf Luxemburgisch, Französisch, Deutsch und Englisch an (je 1 bis 100 Zeichen).',
    en: 'Give the commune’s name in Luxembourgish, French, German and English (each 1 to 100 characters).',
  },
  communePopulation: {
    lb: 'D’Awunnerzuel ass eng ganz Zuel tëscht 0 an 10 000 000.',
    fr: 'La population est un nombre entier de 0 à 10 000 000.',
    de: 'Die Einwohnerzahl ist eine ganze Zahl von 0 bis 10 000 000.',
    en: 'The population is a whole number from 0 to 10,000,000.',
  },
  communeDate: {
    lb: 'Gitt en Datum am Format JJJJ-MM-DD un, zum Beispill 2027-01-01.',
    fr: 'Indiquez une date au format AAAA-MM-JJ, par exemple 2027-01-01.',
    de: 'Geben Sie ein Datum im Format JJJJ-MM-TT an, zum Beispiel 2027-01-01.',
    en: 'Give a date as YYYY-MM-DD, for example 2027-01-01.',
  },
  communeOrigin: {
    lb: '„{origin}“ ass keen Hierkonft vun enger Websäit: gitt just https:// an den Host un, ouni Wee, wéi https://www.dudelange.lu.',
    fr: '« {origin} » n’est pas une origine de site web : indiquez seulement https:// et l’hôte, sans chemin, comme https://www.dudelange.lu.',
    de: '„{origin}“ ist kein Ursprung einer Website: Geben Sie nur https:// und den Host an, ohne Pfad, wie https://www.dudelange.lu.',
    en: '"{origin}" is not a website origin: give only https:// and the host, without a path, as in https://www.dudelange.lu.',
  },
  communeOriginsTooMany: {
    lb: 'Gitt héchstens 20 Hierkonfte vu Websäiten un.',
    fr: 'Indiquez au plus 20 origines de sites web.',
    de: 'Geben Sie höchstens 20 Website-Ursprünge an.',
    en: 'Give at most 20 website origins.',
  },
} satisfies Record<string, Record<Language, string>>;

export type TextKey = keyof typeof TEXTS;

/** The text in the language, with `{name}` placeholders filled in. */
export function text(key: TextKey, lang: Language, vars: Record<string, string> = {}): string {
  return TEXTS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? `{${name}}`);
}

/** A password confirmation refused while the account is locked after too many wrong passwords. */
export function lockedError(locked: { lockedMinutes: number }, lang: Language): ValidationError {
  return new ValidationError('password', text('tooManyAttempts', lang, { minutes: String(locked.lockedMinutes) }));
}

// The shareable error types are the kit's (schema/errors.ts): identity's own error types implement its interface.
export const { ErrorInterface } = errorTypes(builder);
