import {
  applicantName,
  copies,
  delivery,
  email,
  form,
  L,
  nationalId,
  purpose,
  purposeOther,
  type SeedProcedure,
} from './shared.ts';

const signedPdfNext = L(
  'De Biergeramt iwwerpréift Är Demande an der Gemengeregistratioun. Den Zertifikat kritt Dir als PDF mat enger elektronescher Ënnerschrëft, per Post oder um Guichet, sou wéi Dir et gewielt hutt. Dir kritt eng E-Mail, soubal en fäerdeg ass.',
  'Le bureau de la population vérifie votre demande dans le registre communal. Vous recevez le certificat en PDF signé électroniquement, par la poste ou au guichet, selon votre choix. Un e-mail vous prévient dès qu’il est prêt.',
  'Das Bürgeramt prüft Ihren Antrag im Gemeinderegister. Sie erhalten die Bescheinigung als elektronisch signiertes PDF, per Post oder am Schalter, wie Sie es gewählt haben. Eine E-Mail informiert Sie, sobald sie fertig ist.',
  'The population office checks your request against the commune’s register. You receive the certificate as an electronically signed PDF, by post or at the counter, as you chose. An email tells you as soon as it is ready.',
);

const signInNeeds = L(
  'Dir musst mat zwee Facteuren ageloggt sinn (Code-Kaart, Authenticator-App oder Passkey), well den Zertifikat perséinlech Donnéeën enthält. Dir musst an der Gemeng ugemellt sinn.',
  'Vous devez vous connecter avec une deuxième étape (carte de codes, application d’authentification ou clé d’accès), car le certificat contient des données personnelles. Vous devez être inscrit dans la commune.',
  'Sie müssen mit zwei Faktoren angemeldet sein (Code-Karte, Authenticator-App oder Passkey), weil die Bescheinigung persönliche Daten enthält. Sie müssen in der Gemeinde gemeldet sein.',
  'You must be signed in with two factors (code card, authenticator app or passkey), because the certificate holds personal data. You must be registered in the commune.',
);

/** Some administrations and authorities abroad ask for a certificate worded their way: their letter helps. */
const requestLetter = {
  key: 'request-letter',
  required: false,
  label: L(
    'Bréif vun der Stell, déi den Zertifikat freet',
    'Courrier de l’organisme qui demande le certificat',
    'Schreiben der Stelle, die die Bescheinigung verlangt',
    'Letter from the body asking for the certificate',
  ),
};

export const residenceCertificate: SeedProcedure = {
  code: 'residence-certificate',
  category: 'certificates',
  title: L('Wunnsëtzbescheinegung', 'Certificat de résidence', 'Wohnsitzbescheinigung', 'Certificate of residence'),
  summary: L(
    'Bestätegt, datt Dir an der Gemeng wunnt, op Wonsch mat Äre fréieren Adressen an der Gemeng.',
    'Atteste que vous habitez dans la commune, sur demande avec vos adresses précédentes dans la commune.',
    'Bestätigt, dass Sie in der Gemeinde wohnen, auf Wunsch mit Ihren früheren Adressen in der Gemeinde.',
    'Confirms that you live in the commune, on request with your previous addresses in the commune.',
  ),
  needs: signInNeeds,
  next: signedPdfNext,
  assurance: 'substantial',
  feeCents: 0,
  processingDays: 1,
  minutesSaved: 30,
  channel: 'online',
  isDefault: true,
  attachments: [requestLetter],
  form: form(
    applicantName,
    nationalId,
    email,
    purpose,
    purposeOther,
    {
      key: 'requestLetter',
      type: 'file',
      attachment: requestLetter.key,
      label: requestLetter.label,
      hint: L(
        'Wann eng Administratioun oder eng Autoritéit am Ausland en Zertifikat mat enger bestëmmter Formuléierung verlaangt, leet hire Bréif bäi.',
        'Si une administration ou une autorité étrangère demande un certificat avec une formulation précise, joignez son courrier.',
        'Wenn eine Behörde oder eine ausländische Stelle eine Bescheinigung mit einem bestimmten Wortlaut verlangt, fügen Sie ihr Schreiben bei.',
        'If an administration or an authority abroad asks for a certificate with a particular wording, attach its letter.',
      ),
    },
    {
      key: 'history',
      type: 'checkbox',
      label: L(
        'Mat mengen fréieren Adressen an der Gemeng (historeschen Zertifikat)',
        'Avec mes adresses précédentes dans la commune (certificat historique)',
        'Mit meinen früheren Adressen in der Gemeinde (historische Bescheinigung)',
        'With my previous addresses in the commune (historical certificate)',
      ),
    },
    copies,
    delivery,
  ),
};

export const householdComposition: SeedProcedure = {
  code: 'household-composition',
  category: 'certificates',
  title: L(
    'Certificat iwwer d’Zesummesetzung vum Stot',
    'Certificat de composition de ménage',
    'Bescheinigung über die Haushaltszusammensetzung',
    'Household composition certificate',
  ),
  summary: L(
    'Lëscht all d’Persounen op, déi mat Iech op Ärer Adress ugemellt sinn, z. B. fir d’Kannergeld oder d’Allocation de vie chère.',
    'Liste toutes les personnes inscrites avec vous à votre adresse, p. ex. pour les allocations familiales ou l’allocation de vie chère.',
    'Führt alle Personen auf, die mit Ihnen an Ihrer Adresse gemeldet sind, z. B. für das Kindergeld oder die Teuerungszulage.',
    'Lists everyone registered with you at your address, e.g. for family allowances or the cost-of-living allowance.',
  ),
  needs: signInNeeds,
  next: signedPdfNext,
  assurance: 'substantial',
  feeCents: 0,
  processingDays: 1,
  minutesSaved: 30,
  channel: 'online',
  isDefault: true,
  attachments: [],
  form: form(applicantName, nationalId, email, purpose, purposeOther, copies, delivery),
};

export const lifeCertificate: SeedProcedure = {
  code: 'life-certificate',
  category: 'certificates',
  title: L('Liewenszertifikat', 'Certificat de vie', 'Lebensbescheinigung', 'Life certificate'),
  summary: L(
    'Bestätegt, datt Dir lieft, dacks gefrot vun enger Pensiounskeess am Ausland. D’Gemeng fëllt och de Formulaire vun Ärer Keess aus.',
    'Atteste que vous êtes en vie, souvent demandé par une caisse de pension étrangère. La commune remplit aussi le formulaire de votre caisse.',
    'Bestätigt, dass Sie am Leben sind, oft von einer ausländischen Rentenkasse verlangt. Die Gemeinde füllt auch das Formular Ihrer Kasse aus.',
    'Confirms that you are alive, often required by a pension fund abroad. The commune also fills in your fund’s own form.',
  ),
  needs: L(
    'Zwee Facteuren beim Aloggen. Wann Är Pensiounskeess e Formulaire geschéckt huet: e Scan oder eng Foto dovun (PDF, JPEG oder PNG).',
    'Une connexion avec une deuxième étape. Si votre caisse de pension vous a envoyé un formulaire : un scan ou une photo de celui-ci (PDF, JPEG ou PNG).',
    'Eine Anmeldung mit zwei Faktoren. Wenn Ihre Rentenkasse ein Formular geschickt hat: ein Scan oder Foto davon (PDF, JPEG oder PNG).',
    'A two-factor sign-in. If your pension fund sent you a form: a scan or photo of it (PDF, JPEG or PNG).',
  ),
  next: L(
    'D’Gemeng bestätegt Ären Androck am Register a schéckt Iech den ënnerschriwwenen Zertifikat oder de gestempelte Formulaire vun Ärer Keess per Post.',
    'La commune vérifie votre inscription au registre et vous envoie par la poste le certificat signé ou le formulaire de votre caisse tamponné.',
    'Die Gemeinde prüft Ihre Eintragung im Register und schickt Ihnen die unterschriebene Bescheinigung oder das gestempelte Formular Ihrer Kasse per Post.',
    'The commune checks your registration and posts you the signed certificate or your fund’s form, stamped.',
  ),
  assurance: 'substantial',
  feeCents: 0,
  processingDays: 2,
  minutesSaved: 25,
  channel: 'online',
  isDefault: true,
  attachments: [
    {
      key: 'pension-form',
      required: false,
      label: L(
        'Formulaire vun Ärer Pensiounskeess',
        'Formulaire de votre caisse de pension',
        'Formular Ihrer Rentenkasse',
        'Your pension fund’s form',
      ),
    },
  ],
  form: form(
    applicantName,
    nationalId,
    email,
    {
      key: 'institution',
      type: 'text',
      required: true,
      maxLength: 200,
      label: L('Pensiounskeess', 'Caisse de pension', 'Rentenkasse', 'Pension fund'),
      hint: L(
        'Z. B. Deutsche Rentenversicherung, CNAV, Sozialverzekeringsbank.',
        'P. ex. Deutsche Rentenversicherung, CNAV, Sozialverzekeringsbank.',
        'Z. B. Deutsche Rentenversicherung, CNAV, Sozialverzekeringsbank.',
        'E.g. Deutsche Rentenversicherung, CNAV, Sozialverzekeringsbank.',
      ),
    },
    {
      key: 'institutionForm',
      type: 'checkbox',
      label: L(
        'Meng Keess huet mir e Formulaire geschéckt',
        'Ma caisse m’a envoyé un formulaire',
        'Meine Kasse hat mir ein Formular geschickt',
        'My fund sent me a form',
      ),
    },
    {
      key: 'pensionForm',
      type: 'file',
      attachment: 'pension-form',
      required: true,
      visibleIf: { field: 'institutionForm', equals: true },
      label: L('De Formulaire', 'Le formulaire', 'Das Formular', 'The form'),
    },
  ),
};
