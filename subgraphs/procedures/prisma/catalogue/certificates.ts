import {
  applicantName,
  copies,
  delivery,
  email,
  form,
  L,
  nationalId,
  option,
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
  'Vous devez être connecté avec deux facteurs (carte de codes, application d’authentification ou clé d’accès), car le certificat contient des données personnelles. Vous devez être inscrit dans la commune.',
  'Sie müssen mit zwei Faktoren angemeldet sein (Code-Karte, Authenticator-App oder Passkey), weil die Bescheinigung persönliche Daten enthält. Sie müssen in der Gemeinde gemeldet sein.',
  'You must be signed in with two factors (code card, authenticator app or passkey), because the certificate holds personal data. You must be registered in the commune.',
);

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
  attachments: [],
  form: form(
    applicantName,
    nationalId,
    email,
    purpose,
    purposeOther,
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
    'Une connexion à deux facteurs. Si votre caisse de pension vous a envoyé un formulaire : un scan ou une photo de celui-ci (PDF, JPEG ou PNG).',
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

export const civilStatusExtract: SeedProcedure = {
  code: 'civil-status-extract',
  category: 'civil-status',
  title: L(
    'Auszuch aus engem Acte vum Etat civil',
    'Extrait d’un acte de l’état civil',
    'Auszug aus einer Personenstandsurkunde',
    'Civil status extract',
  ),
  summary: L(
    'E Gebuertsakt, Hochzäitsakt, Partenariatsakt oder Doudesakt, deen an der Gemeng ageschriwwe gouf, als Auszuch oder als integral Kopie.',
    'Un acte de naissance, de mariage, de partenariat ou de décès dressé dans la commune, en extrait ou en copie intégrale.',
    'Eine Geburts-, Heirats-, Partnerschafts- oder Sterbeurkunde, die in der Gemeinde ausgestellt wurde, als Auszug oder vollständige Abschrift.',
    'A birth, marriage, partnership or death record drawn up in the commune, as an extract or a full copy.',
  ),
  needs: L(
    'Zwee Facteuren beim Aloggen. Den Numm vun der Persoun an den Datum vum Evenement. Eng integral Kopie kréien nëmmen d’Persoun selwer, hir Famill an direkter Linn oder hire Partner.',
    'Une connexion à deux facteurs. Le nom de la personne et la date de l’événement. Seuls la personne, sa famille en ligne directe ou son conjoint reçoivent une copie intégrale.',
    'Eine Anmeldung mit zwei Faktoren. Den Namen der Person und das Datum des Ereignisses. Eine vollständige Abschrift erhalten nur die Person selbst, ihre Verwandten in gerader Linie oder ihr Ehe- oder Lebenspartner.',
    'A two-factor sign-in. The person’s name and the date of the event. Only the person, their direct relatives or their spouse or partner receive a full copy.',
  ),
  next: L(
    'Den Etat civil sicht den Akt eraus a schéckt Iech den Auszuch per Post. Gëtt en am Ausland gebraucht, kritt Dir e méisproochegen Auszuch (CIEC-Modell).',
    'L’état civil recherche l’acte et vous envoie l’extrait par la poste. Pour l’étranger, vous recevez un extrait plurilingue (modèle CIEC).',
    'Das Standesamt sucht die Urkunde heraus und schickt Ihnen den Auszug per Post. Für das Ausland erhalten Sie einen mehrsprachigen Auszug (CIEC-Muster).',
    'The registry office finds the record and posts you the extract. For use abroad you receive a multilingual extract (CIEC model).',
  ),
  assurance: 'substantial',
  feeCents: 0,
  processingDays: 3,
  minutesSaved: 40,
  channel: 'online',
  isDefault: true,
  attachments: [],
  form: form(
    {
      key: 'record',
      type: 'select',
      required: true,
      label: L('Wéi en Akt?', 'Quel acte ?', 'Welche Urkunde?', 'Which record?'),
      options: [
        option('birth', L('Gebuertsakt', 'Acte de naissance', 'Geburtsurkunde', 'Birth')),
        option('marriage', L('Hochzäitsakt', 'Acte de mariage', 'Heiratsurkunde', 'Marriage')),
        option(
          'partnership',
          L('Partenariatsakt', 'Acte de partenariat', 'Partnerschaftsurkunde', 'Civil partnership'),
        ),
        option('death', L('Doudesakt', 'Acte de décès', 'Sterbeurkunde', 'Death')),
      ],
    },
    {
      key: 'person',
      type: 'text',
      required: true,
      maxLength: 160,
      label: L(
        'Numm vun der Persoun am Akt',
        'Nom de la personne dans l’acte',
        'Name der Person in der Urkunde',
        'Name of the person in the record',
      ),
    },
    {
      key: 'eventDate',
      type: 'date',
      required: true,
      max: 'today',
      label: L('Datum vum Evenement', 'Date de l’événement', 'Datum des Ereignisses', 'Date of the event'),
    },
    {
      key: 'relation',
      type: 'select',
      required: true,
      label: L(
        'Wien sidd Dir fir dës Persoun?',
        'Quel est votre lien avec cette personne ?',
        'In welcher Beziehung stehen Sie zu dieser Person?',
        'Who are you to this person?',
      ),
      options: [
        option('self', L('Ech sinn et selwer', 'C’est moi', 'Ich selbst', 'Myself')),
        option(
          'family',
          L('Famill an direkter Linn', 'Famille en ligne directe', 'Verwandte in gerader Linie', 'Direct relative'),
        ),
        option(
          'spouse',
          L('Bestuet oder Partner', 'Conjoint ou partenaire', 'Ehe- oder Lebenspartner', 'Spouse or partner'),
        ),
        option(
          'other',
          L('Aneren (nëmmen Auszuch)', 'Autre (extrait seulement)', 'Andere (nur Auszug)', 'Other (extract only)'),
        ),
      ],
    },
    {
      key: 'format',
      type: 'select',
      required: true,
      label: L('Wéi eng Form?', 'Quelle forme ?', 'Welche Form?', 'Which form?'),
      options: [
        option('extract', L('Auszuch', 'Extrait', 'Auszug', 'Extract')),
        option(
          'multilingual',
          L(
            'Méisproochegen Auszuch (Ausland)',
            'Extrait plurilingue (étranger)',
            'Mehrsprachiger Auszug (Ausland)',
            'Multilingual extract (abroad)',
          ),
        ),
        option('full', L('Integral Kopie', 'Copie intégrale', 'Vollständige Abschrift', 'Full copy')),
      ],
    },
    copies,
    applicantName,
    email,
  ),
};

export const signatureLegalisation: SeedProcedure = {
  code: 'signature-legalisation',
  category: 'other',
  title: L(
    'Legalisatioun vun enger Ënnerschrëft',
    'Légalisation de signature',
    'Beglaubigung einer Unterschrift',
    'Signature legalisation',
  ),
  summary: L(
    'D’Gemeng bestätegt, datt eng Ënnerschrëft vun Iech ass. Dir musst virun engem Beamten ënnerschreiwen: hei frot Dir en Termin um Guichet.',
    'La commune certifie qu’une signature est la vôtre. Vous devez signer devant un agent : demandez ici un rendez-vous au guichet.',
    'Die Gemeinde bestätigt, dass eine Unterschrift von Ihnen stammt. Sie müssen vor einem Bediensteten unterschreiben: Hier beantragen Sie einen Termin am Schalter.',
    'The commune certifies that a signature is yours. You must sign in front of an officer: ask for an appointment at the counter here.',
  ),
  needs: L(
    'Ären Dokument, nach net ënnerschriwwen, an Är Identitéitskaart oder Äre Pass, fir mat op de Guichet ze bréngen.',
    'Votre document, pas encore signé, et votre carte d’identité ou passeport, à apporter au guichet.',
    'Ihr noch nicht unterschriebenes Dokument und Ihren Personalausweis oder Reisepass, zum Schalter mitzubringen.',
    'Your document, not yet signed, and your identity card or passport, to bring to the counter.',
  ),
  next: L(
    'De Biergeramt proposéiert Iech en Termin per E-Mail. Um Guichet ënnerschreift Dir virum Beamten, deen d’Ënnerschrëft direkt legaliséiert.',
    'Le bureau de la population vous propose un rendez-vous par e-mail. Au guichet, vous signez devant l’agent qui légalise la signature sur-le-champ.',
    'Das Bürgeramt schlägt Ihnen per E-Mail einen Termin vor. Am Schalter unterschreiben Sie vor dem Bediensteten, der die Unterschrift sofort beglaubigt.',
    'The population office proposes an appointment by email. At the counter you sign in front of the officer, who legalises the signature on the spot.',
  ),
  assurance: 'low',
  feeCents: 0,
  processingDays: 2,
  minutesSaved: 0,
  channel: 'counter',
  isDefault: false,
  attachments: [],
  form: form(
    applicantName,
    email,
    {
      key: 'document',
      type: 'text',
      required: true,
      maxLength: 200,
      label: L('Wéi en Dokument?', 'Quel document ?', 'Welches Dokument?', 'Which document?'),
    },
    {
      key: 'preferredDay',
      type: 'date',
      required: true,
      min: 'today+1',
      max: 'today+60',
      label: L('Léiwsten Dag', 'Jour souhaité', 'Gewünschter Tag', 'Preferred day'),
    },
  ),
};
