import type { Answers, Localized, Problem, Rule, ValidateOptions } from './types.ts';
import { VERDICT_FORM, VERDICT_TODAY, VERDICT_VALID_ANSWERS } from './verdict-form.ts';

export { VERDICT_FORM, VERDICT_TODAY, VERDICT_VALID_ANSWERS } from './verdict-form.ts';

/** A problem as the table expects it: its path, its rule and its exact message in each language. */
export interface ExpectedProblem {
  path: string;
  rule: Rule;
  message: Localized;
}

/**
 * One case of the shared verdict table: answers to {@link VERDICT_FORM}, a mode, and the problems every entry point
 * (this package, the subgraph's `applicationSave`/`applicationSubmit`, the widget's client-side check) must give,
 * in this order, with these messages.
 */
export interface Verdict {
  name: string;
  mode: ValidateOptions['mode'];
  answers: Answers;
  problems: ExpectedProblem[];
}

const m = (lb: string, fr: string, de: string, en: string): Localized => ({ lb, fr, de, en });
const valid = VERDICT_VALID_ANSWERS;

/**
 * The verdicts. Run them through an entry point with `today: VERDICT_TODAY` and compare with
 * {@link expectedProblems}; the answers of the subgraph carry the same paths under `answers.`.
 */
export const VERDICTS: readonly Verdict[] = [
  {
    name: 'a complete, correct application is accepted',
    mode: 'submit',
    answers: valid,
    problems: [],
  },
  {
    name: 'an empty draft saves',
    mode: 'draft',
    answers: {},
    problems: [],
  },
  {
    name: 'an empty submission names every required answer, in form order',
    mode: 'submit',
    answers: {},
    problems: [
      {
        path: 'ownerName',
        rule: 'required',
        message: m(
          'Fëllt w.e.g. „Ären Numm“ aus.',
          'Veuillez remplir « Votre nom ».',
          'Bitte füllen Sie „Ihr Name“ aus.',
          'Fill in “Your name”.',
        ),
      },
      {
        path: 'email',
        rule: 'required',
        message: m(
          'Fëllt w.e.g. „E-Mail-Adress“ aus.',
          'Veuillez remplir « Adresse e-mail ».',
          'Bitte füllen Sie „E-Mail-Adresse“ aus.',
          'Fill in “Email address”.',
        ),
      },
      {
        path: 'home',
        rule: 'required',
        message: m(
          'Fëllt w.e.g. „Adress“ aus.',
          'Veuillez remplir « Adresse ».',
          'Bitte füllen Sie „Adresse“ aus.',
          'Fill in “Address”.',
        ),
      },
      {
        path: 'nationalId',
        rule: 'required',
        message: m(
          'Fëllt w.e.g. „Identifikatiounsnummer“ aus.',
          'Veuillez remplir « Matricule ».',
          'Bitte füllen Sie „Identifikationsnummer“ aus.',
          'Fill in “National identification number”.',
        ),
      },
      {
        path: 'dogs',
        rule: 'minItems',
        message: m(
          'Setzt w.e.g. mindestens 1 Entrée bei „Hënn“ derbäi.',
          'Veuillez ajouter au moins 1 entrée à « Chiens ».',
          'Bitte fügen Sie bei „Hunde“ mindestens 1 Eintrag hinzu.',
          'Add at least 1 entry to “Dogs”.',
        ),
      },
      {
        path: 'payment',
        rule: 'required',
        message: m(
          'Wielt w.e.g. eng Äntwert fir „Bezuelung“.',
          'Veuillez choisir une réponse pour « Paiement ».',
          'Bitte wählen Sie eine Antwort für „Zahlung“.',
          'Choose an answer for “Payment”.',
        ),
      },
      {
        path: 'proof',
        rule: 'required',
        message: m(
          'Luet w.e.g. d’Dokument „Impfpass“ erop.',
          'Veuillez joindre le document « Passeport de vaccination ».',
          'Bitte laden Sie das Dokument „Impfpass“ hoch.',
          'Upload the document “Vaccination passport”.',
        ),
      },
      {
        path: 'consent',
        rule: 'required',
        message: m(
          'Kräizt w.e.g. „Meng Ugabe si richteg“ un, fir weiderzemaachen.',
          'Veuillez cocher « Mes indications sont exactes » pour continuer.',
          'Bitte kreuzen Sie „Meine Angaben sind richtig“ an, um fortzufahren.',
          'Tick “My answers are correct” to continue.',
        ),
      },
    ],
  },
  {
    name: 'a half-filled draft saves, but answers of the wrong type do not',
    mode: 'draft',
    answers: {
      ownerName: 'M',
      email: 'not-yet-an-email',
      dogs: [{ chip: '12', born: '2026-02-30' }],
      weight: 'eighty',
      consent: 'yes',
    },
    problems: [
      {
        path: 'dogs.0.born',
        rule: 'type',
        message: m(
          '„Gebuertsdatum (Hënn, Nr. 1)“ muss en Datum sinn, deen et gëtt.',
          '« Date de naissance (Chiens, n° 1) » doit être une date qui existe.',
          '„Geburtsdatum (Hunde, Nr. 1)“ muss ein Datum sein, das es gibt.',
          '“Date of birth (Dogs, no. 1)” must be a real date.',
        ),
      },
      {
        path: 'weight',
        rule: 'type',
        message: m(
          '„Gewiicht (kg)“ muss eng Zuel sinn.',
          '« Poids (kg) » doit être un nombre.',
          '„Gewicht (kg)“ muss eine Zahl sein.',
          '“Weight (kg)” must be a number.',
        ),
      },
      {
        path: 'consent',
        rule: 'type',
        message: m(
          'D’Äntwert op „Meng Ugabe si richteg“ huet net déi erwaart Form.',
          'La réponse à « Mes indications sont exactes » n’a pas la forme attendue.',
          'Die Antwort auf „Meine Angaben sind richtig“ hat nicht die erwartete Form.',
          'The answer to “My answers are correct” is not of the expected kind.',
        ),
      },
    ],
  },
  {
    name: 'each format rule names its field, also inside a repeated item',
    mode: 'submit',
    answers: {
      ...valid,
      email: 'marie@schmit',
      phone: '12',
      home: { street: 'Rue du Parc', postcode: '35100', locality: 'Dudelange' },
      nationalId: '1976 0612 123 87',
      dogs: [{ name: 'Rex', chip: '2502687123', born: '2026-04-01', breed: 'other' }],
      iban: 'LU28 0019 4006 4475 0001',
      collection: '2026-03-29',
      items: ['sofa', 'fridge', 'mattress'],
      weight: 80.5,
      notes: 'Please ring twice at the back door',
    },
    problems: [
      {
        path: 'email',
        rule: 'email',
        message: m(
          '„E-Mail-Adress“ muss eng E-Mail-Adress sinn, wéi z. B. numm@beispill.lu.',
          '« Adresse e-mail » doit être une adresse e-mail, par exemple nom@exemple.lu.',
          '„E-Mail-Adresse“ muss eine E-Mail-Adresse sein, z. B. name@beispiel.lu.',
          '“Email address” must be an email address, like name@example.lu.',
        ),
      },
      {
        path: 'phone',
        rule: 'phone',
        message: m(
          '„Telefonsnummer“ muss eng Telefonsnummer sinn, wéi z. B. 621 123 456 oder +33 1 23 45 67 89.',
          '« Numéro de téléphone » doit être un numéro de téléphone, par exemple 621 123 456 ou +33 1 23 45 67 89.',
          '„Telefonnummer“ muss eine Telefonnummer sein, z. B. 621 123 456 oder +33 1 23 45 67 89.',
          '“Phone number” must be a phone number, like 621 123 456 or +33 1 23 45 67 89.',
        ),
      },
      {
        path: 'home.postcode',
        rule: 'postcode',
        message: m(
          '„Adress“: eng Lëtzebuerger Postleitzuel huet 4 Zifferen, wéi z. B. 3590.',
          '« Adresse » : un code postal luxembourgeois compte 4 chiffres, par exemple 3590.',
          '„Adresse“: Eine luxemburgische Postleitzahl hat 4 Ziffern, z. B. 3590.',
          '“Address”: a Luxembourg postcode has 4 digits, like 3590.',
        ),
      },
      {
        path: 'nationalId',
        rule: 'nationalId',
        message: m(
          '„Identifikatiounsnummer“ ass keng gëlteg national Identifikatiounsnummer: 13 Zifferen, déi mam Gebuertsdatum ufänken (JJJJMMDD).',
          '« Matricule » n’est pas un numéro d’identification national valide : 13 chiffres commençant par la date de naissance (AAAAMMJJ).',
          '„Identifikationsnummer“ ist keine gültige nationale Identifikationsnummer: 13 Ziffern, beginnend mit dem Geburtsdatum (JJJJMMTT).',
          '“National identification number” is not a valid national identification number: 13 digits, starting with the date of birth (yyyymmdd).',
        ),
      },
      {
        path: 'dogs.0.chip',
        rule: 'pattern',
        message: m(
          '„Chipnummer (Hënn, Nr. 1)“ huet net dat erwaart Format. 15 Zifferen, wéi um Impfpass.',
          '« Numéro de puce (Chiens, n° 1) » n’a pas le format attendu. 15 chiffres, comme sur le passeport de vaccination.',
          '„Chipnummer (Hunde, Nr. 1)“ hat nicht das erwartete Format. 15 Ziffern, wie im Impfpass.',
          '“Chip number (Dogs, no. 1)” is not in the expected format. 15 digits, as on the vaccination passport.',
        ),
      },
      {
        path: 'dogs.0.born',
        rule: 'max',
        message: m(
          '„Gebuertsdatum (Hënn, Nr. 1)“ däerf net an der Zukunft leien.',
          '« Date de naissance (Chiens, n° 1) » ne peut pas être dans le futur.',
          '„Geburtsdatum (Hunde, Nr. 1)“ darf nicht in der Zukunft liegen.',
          '“Date of birth (Dogs, no. 1)” cannot be in the future.',
        ),
      },
      {
        path: 'dogs.0.breedOther',
        rule: 'required',
        message: m(
          'Fëllt w.e.g. „Wéi eng Rass? (Hënn, Nr. 1)“ aus.',
          'Veuillez remplir « Quelle race ? (Chiens, n° 1) ».',
          'Bitte füllen Sie „Welche Rasse? (Hunde, Nr. 1)“ aus.',
          'Fill in “Which breed? (Dogs, no. 1)”.',
        ),
      },
      {
        path: 'iban',
        rule: 'iban',
        message: m(
          '„IBAN“ ass keen gëltegen IBAN. Vergläicht en w.e.g. mat Ärem Kontoauszuch.',
          '« IBAN » n’est pas un IBAN valide. Veuillez le comparer à votre relevé bancaire.',
          '„IBAN“ ist keine gültige IBAN. Bitte vergleichen Sie sie mit Ihrem Kontoauszug.',
          '“IBAN” is not a valid IBAN. Check it against your bank statement.',
        ),
      },
      {
        path: 'collection',
        rule: 'min',
        message: m(
          '„Ofhuldatum“ muss den 30. Mäerz 2026 oder duerno sinn.',
          '« Date d’enlèvement » doit être le 30 mars 2026 ou plus tard.',
          '„Abholdatum“ muss am 30. März 2026 oder später sein.',
          '“Collection date” must be on or after March 30, 2026.',
        ),
      },
      {
        path: 'items',
        rule: 'maxItems',
        message: m(
          'Wielt w.e.g. héchstens 2 Äntwerten fir „Objeten“.',
          'Veuillez choisir au plus 2 réponses pour « Objets ».',
          'Bitte wählen Sie höchstens 2 Antworten für „Gegenstände“.',
          'Choose at most 2 answers for “Items”.',
        ),
      },
      {
        path: 'weight',
        rule: 'integer',
        message: m(
          '„Gewiicht (kg)“ muss eng ganz Zuel sinn.',
          '« Poids (kg) » doit être un nombre entier.',
          '„Gewicht (kg)“ muss eine ganze Zahl sein.',
          '“Weight (kg)” must be a whole number.',
        ),
      },
      {
        path: 'notes',
        rule: 'maxLength',
        message: m(
          '„Bemierkungen“ däerf héchstens 20 Zeechen hunn.',
          '« Remarques » peut compter au plus 20 caractères.',
          '„Bemerkungen“ darf höchstens 20 Zeichen lang sein.',
          '“Notes” must be 20 characters or fewer.',
        ),
      },
    ],
  },
  {
    name: 'hidden answers are neither required nor checked',
    mode: 'submit',
    answers: {
      ...valid,
      payment: 'invoice',
      iban: 'not an IBAN',
      dogs: [{ name: 'Rex', chip: '250268712345678', born: '2021-05-04', breed: 'labrador', breedOther: 5 }],
    },
    problems: [],
  },
  {
    name: 'other accepted forms: a foreign address, an international phone number, no optional answers',
    mode: 'submit',
    answers: {
      ...valid,
      phone: '+33 1 23 45 67 89',
      home: { street: 'Rue Serpenoise', number: '5', postcode: '57000', locality: 'Metz', country: 'FR' },
      collection: undefined,
      items: [],
      weight: null,
      notes: '',
    },
    problems: [],
  },
  {
    name: 'limits: too many items, an unknown option, a number below its minimum',
    mode: 'submit',
    answers: {
      ...valid,
      dogs: [1, 2, 3, 4].map((n) => ({ name: `Dog ${n}`, chip: `25026871234567${n}`, born: '2021-05-04' })),
      payment: 'cash',
      items: ['piano'],
      weight: 0,
    },
    problems: [
      {
        path: 'dogs',
        rule: 'maxItems',
        message: m(
          '„Hënn“ kann héchstens 3 Entréeën hunn.',
          '« Chiens » accepte au plus 3 entrées.',
          '„Hunde“ erlaubt höchstens 3 Einträge.',
          '“Dogs” takes at most 3 entries.',
        ),
      },
      {
        path: 'payment',
        rule: 'option',
        message: m(
          '„Bezuelung“: wielt w.e.g. eng vun de proposéierten Äntwerten.',
          '« Paiement » : veuillez choisir l’une des réponses proposées.',
          '„Zahlung“: Bitte wählen Sie eine der angebotenen Antworten.',
          '“Payment”: choose one of the answers offered.',
        ),
      },
      {
        path: 'items',
        rule: 'option',
        message: m(
          '„Objeten“: wielt w.e.g. eng vun de proposéierten Äntwerten.',
          '« Objets » : veuillez choisir l’une des réponses proposées.',
          '„Gegenstände“: Bitte wählen Sie eine der angebotenen Antworten.',
          '“Items”: choose one of the answers offered.',
        ),
      },
      {
        path: 'weight',
        rule: 'min',
        message: m(
          '„Gewiicht (kg)“ muss 1 oder méi sinn.',
          '« Poids (kg) » doit être au moins 1.',
          '„Gewicht (kg)“ muss mindestens 1 sein.',
          '“Weight (kg)” must be 1 or more.',
        ),
      },
    ],
  },
  {
    name: 'an incomplete address names each missing part',
    mode: 'submit',
    answers: { ...valid, home: { street: ' ', postcode: '', locality: 'Esch-sur-Alzette', country: 'Luxembourg' } },
    problems: [
      {
        path: 'home.street',
        rule: 'required',
        message: m(
          'Gitt w.e.g. d’Strooss vun „Adress“ un.',
          'Veuillez indiquer la rue de « Adresse ».',
          'Bitte geben Sie die Straße von „Adresse“ an.',
          'Enter the street of “Address”.',
        ),
      },
      {
        path: 'home.postcode',
        rule: 'required',
        message: m(
          'Gitt w.e.g. d’Postleitzuel vun „Adress“ un.',
          'Veuillez indiquer le code postal de « Adresse ».',
          'Bitte geben Sie die Postleitzahl von „Adresse“ an.',
          'Enter the postcode of “Address”.',
        ),
      },
      {
        path: 'home.country',
        rule: 'country',
        message: m(
          '„Adress“: wielt w.e.g. e Land.',
          '« Adresse » : veuillez choisir un pays.',
          '„Adresse“: Bitte wählen Sie ein Land.',
          '“Address”: choose a country.',
        ),
      },
    ],
  },
];

/** The problems of `verdict` as `validateAnswers` returns them in `lang`. */
export function expectedProblems(verdict: Verdict, lang: keyof Localized): Problem[] {
  return verdict.problems.map(({ path, rule, message }) => ({ path, rule, message: message[lang] }));
}

/** The options a verdict is judged with in `lang`. */
export const verdictOptions = (verdict: Verdict, lang: keyof Localized): ValidateOptions => ({
  lang,
  mode: verdict.mode,
  today: VERDICT_TODAY,
});
