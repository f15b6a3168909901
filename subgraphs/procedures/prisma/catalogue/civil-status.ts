import { applicantName, copies, email, form, L, option, type SeedProcedure } from './shared.ts';

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
    'Une connexion avec une deuxième étape. Le nom de la personne et la date de l’événement. Seuls la personne, sa famille en ligne directe ou son conjoint reçoivent une copie intégrale.',
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
